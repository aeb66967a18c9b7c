import type * as pulumi from "@pulumi/pulumi";
import type { EstateApiClient, EstateCustomer } from "./estateFile";
import { keyOrSlug } from "./estateNames";
import { placement, type Where } from "./estatePlacement";
import { ApiClient, type ApiClientArgs } from "./generated/apiClient";
import { OfferingItems } from "./generated/offeringItems";

/** What a tenant of the estate file brings with it besides users: its services and its API clients. */

/** An API client the file declares: its id, and its secret (a secret output, known after create). */
export interface DeclaredApiClient {
  key: string;
  name: string;
  clientId: pulumi.Output<string>;
  clientSecret: pulumi.Output<string | undefined>;
}

/** A tenant's API clients: `<tenant resource>-api-client-<key>`. */
export function declareApiClients(
  tenantResource: string,
  tenantId: pulumi.Input<string>,
  clients: EstateApiClient[] | undefined,
  where: Where,
  group: pulumi.Resource[],
): DeclaredApiClient[] {
  return (clients ?? []).map((c) => {
    const key = keyOrSlug(c.key, c.name);
    const { key: _key, ...args } = c;
    const client = new ApiClient(`${tenantResource}-api-client-${key}`, {
      ...(args as Omit<ApiClientArgs, "tenantId">),
      tenantId,
      ...placement(where),
    });
    group.push(client);
    return { key, name: c.name, clientId: client.clientId, clientSecret: client.clientSecret };
  });
}

/** Where a tenant goes: its parent, and the parent's services when declared. */
export interface Under {
  parentId: pulumi.Input<string>;
  parentItems?: OfferingItems;
}

/**
 * The tenant's services, enabled after its parent's. A parent whose offer the file does not declare is
 * asked at preview whether it offers them (one the file declares may be changing it in the same update).
 */
export function declareItems(
  name: string,
  tenant: { tenantId: pulumi.Input<string>; kind: "customer" | "partner" | "folder" },
  items: EstateCustomer["offeringItems"],
  under: Under,
  where: Where,
  group: pulumi.Resource[],
): OfferingItems | undefined {
  if (!items) return undefined;
  const dependsOn = under.parentItems ? [under.parentItems] : [];
  const offeredBy = under.parentItems ? {} : { parentId: under.parentId, kind: tenant.kind };
  const args = { tenantId: tenant.tenantId, items, ...offeredBy, ...placement(where) };
  const declared = new OfferingItems(name, args, { dependsOn });
  group.push(declared);
  return declared;
}
