/** The API-client and usage endpoints of the Account Management API, on the authorised AcronisClient. */
import type { AcronisClient } from "./client";
import type {
  ApiClientCreate,
  ApiClientObject,
  ApiClientUpdate,
  CreatedApiClient,
  ItemList,
  UsageItem,
} from "./types";

const enc = encodeURIComponent;

/** POST /clients: the only answer that holds the secret. */
export async function createApiClient(
  client: AcronisClient,
  body: ApiClientCreate,
): Promise<CreatedApiClient> {
  return (
    await client.call<CreatedApiClient>({
      method: "POST",
      path: "/clients",
      data: body,
      operation: "POST /clients",
    })
  ).data;
}

/** The client, or undefined when it does not exist (any more). */
export async function getApiClient(client: AcronisClient, id: string): Promise<ApiClientObject | undefined> {
  const answer = await client.call<ApiClientObject>({
    method: "GET",
    path: `/clients/${enc(id)}`,
    accept: [404],
    operation: `GET /clients/${id}`,
  });
  return answer.status === 404 ? undefined : answer.data;
}

/** Every client of every tenant the caller reaches. */
export async function listApiClients(client: AcronisClient): Promise<ApiClientObject[]> {
  return (
    await client.call<ItemList<ApiClientObject>>({
      method: "GET",
      path: "/clients",
      operation: "GET /clients",
    })
  ).data.items;
}

export async function updateApiClient(
  client: AcronisClient,
  id: string,
  body: ApiClientUpdate,
): Promise<ApiClientObject> {
  const path = `/clients/${enc(id)}`;
  return (await client.call<ApiClientObject>({ method: "PUT", path, data: body, operation: `PUT ${path}` }))
    .data;
}

/** Deletes the client; one already gone counts as deleted. */
export async function deleteApiClient(client: AcronisClient, id: string): Promise<void> {
  const path = `/clients/${enc(id)}`;
  await client.call({ method: "DELETE", path, accept: [404], operation: `DELETE ${path}` });
}

/** GET /tenants/{id}/usages, optionally filtered by usage names and editions. */
export async function getTenantUsages(
  client: AcronisClient,
  tenantId: string,
  filter: { usageNames?: readonly string[]; editions?: readonly string[] } = {},
): Promise<UsageItem[]> {
  const path = `/tenants/${enc(tenantId)}/usages`;
  const params = {
    usage_names: filter.usageNames?.length ? filter.usageNames.join(",") : undefined,
    editions: filter.editions?.length ? filter.editions.join(",") : undefined,
  };
  return (await client.call<ItemList<UsageItem>>({ method: "GET", path, params, operation: `GET ${path}` }))
    .data.items;
}

/** GET /tenants/usages for several tenants at once (at most 100 a call); tenants the API does not know are absent. */
export async function getTenantsUsages(
  client: AcronisClient,
  tenantIds: readonly string[],
): Promise<Map<string, UsageItem[]>> {
  const usages = new Map<string, UsageItem[]>();
  for (let i = 0; i < tenantIds.length; i += 100) {
    const params = { tenants: tenantIds.slice(i, i + 100).join(",") };
    const answer = await client.call<ItemList<{ tenant: string; usages: UsageItem[] }>>({
      method: "GET",
      path: "/tenants/usages",
      params,
      operation: "GET /tenants/usages",
    });
    for (const item of answer.data.items) usages.set(item.tenant, item.usages);
  }
  return usages;
}
