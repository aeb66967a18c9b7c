import { createHash, randomUUID } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { refuseAnotherStacks } from "../../core/adoption";
import { debugLog } from "../../core/debugLog";
import { everyHeldInput, readByIdAlone } from "../../core/importing";
import { plain } from "../../core/normalise";
import { type Owned, ownershipMark, resourceMarks } from "../../core/ownership";
import { checkResult, diffProperties, finishCreate, managedKeys, outcomeUnknown } from "../../core/resource";
import { alreadySatisfies, propertyRules, readResult, validateInputs } from "../../core/spec";
import { fromWire, toWire } from "../../core/wire";
import type { ApiClientInputs, ApiClientOutputs } from "../../generated/acronis";
import type { AcronisClient } from "../client";
import { apiClientDirectory } from "../clientDirectory";
import {
  createApiClient,
  deleteApiClient,
  getApiClient,
  listApiClients,
  updateApiClient,
} from "../clientsApi";
import { AcronisResourceProvider } from "../provider";
import { apiClientSpec } from "../specs/apiClient";
import type { ApiClientCreate, ApiClientObject, ApiClientUpdate } from "../types";

export type { ApiClientInputs, ApiClientOutputs } from "../../generated/acronis";

const rules = propertyRules(apiClientSpec);

/** Keys of the client's `data` the resource does not manage: the stack's mark, the resource's, the create attempt. */
export const markKey = "tenant_estates_owner";
export const resourceKey = "tenant_estates_resource";
export const attemptKey = "tenant_estates_create";

export const validateApiClient = (news: ApiClientInputs) => validateInputs(apiClientSpec, {}, news);

/** The stack's mark on a client it creates, kept in `data` beside the name. */
export const apiClientMark = (inputs: Owned): string | undefined =>
  inputs.__owner ? ownershipMark(inputs.__owner, 255) : undefined;

/**
 * Which resource of the stack made a client, for which rotation (a replacement's new client is another one): a
 * hash of the two, kept in `data` beside the stack's mark.
 */
export function apiClientResourceMark(inputs: ApiClientInputs & Owned): string | undefined {
  if (inputs.__resourceName === undefined) return undefined;
  const identity = JSON.stringify([inputs.__resourceName, inputs.rotation ?? null]);
  return createHash("sha256").update(identity).digest("hex").slice(0, 32);
}

/** The POST /clients body: the spec's mapped properties, the method's default, and the marks in `data`. */
export function apiClientCreateBody(inputs: ApiClientInputs & Owned, attempt: string): ApiClientCreate {
  const body = toWire(apiClientSpec, { ...inputs }, "create") as Partial<ApiClientCreate>;
  return plain({
    ...body,
    type: "api_client" as const,
    token_endpoint_auth_method: body.token_endpoint_auth_method ?? "client_secret_basic",
    data: {
      ...body.data,
      [markKey]: apiClientMark(inputs),
      [resourceKey]: apiClientResourceMark(inputs),
      [attemptKey]: attempt,
    },
  }) as ApiClientCreate;
}

/**
 * The PUT that brings the client to the inputs (the spec's mapped properties; `keys` limits them); `data` is
 * sent whole, so the keys not managed are kept.
 */
export function apiClientUpdateBody(
  current: ApiClientObject,
  inputs: Partial<ApiClientInputs>,
  keys?: readonly string[],
): ApiClientUpdate {
  const body = toWire(apiClientSpec, { ...inputs }, "update", keys) as ApiClientUpdate;
  if (body.data) body.data = { ...(current.data ?? {}), ...body.data };
  return plain(body);
}

/** Outputs from the API's object, create and read alike; the secret is the one this resource holds, if any. */
export function apiClientOutputs(
  client: ApiClientObject,
  managed: Partial<ApiClientInputs>,
  secret: string | undefined,
): ApiClientOutputs {
  const given = managed as Record<string, unknown>;
  const fromApi: Record<string, unknown> = {
    ...fromWire(apiClientSpec, client, given),
    // Neither is an API field: they keep the declared value.
    rotation: managed.rotation,
    adopt: managed.adopt,
  };
  const outputs: Record<string, unknown> = {
    clientId: fromApi.clientId,
    clientSecret: secret,
    createdAt: fromApi.createdAt,
  };
  for (const key of managedKeys(given, rules)) outputs[key] = fromApi[key];
  return plain(outputs) as unknown as ApiClientOutputs;
}

/**
 * POST /clients, never repeated blindly. When an answer is lost, the client it may have made is found by the
 * attempt's mark in `data`.
 * Choice: such a client is deleted and the create sent again: its secret was only in the lost answer.
 */
export async function createApiClientOnce(api: AcronisClient, inputs: ApiClientInputs & Owned, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    const nonce = randomUUID();
    try {
      return await createApiClient(api, apiClientCreateBody(inputs, nonce));
    } catch (err) {
      if (!outcomeUnknown(err)) throw err;
      const made = (await listApiClients(api)).find((c) => c.data?.[attemptKey] === nonce);
      debugLog(
        `API client "${inputs.name}": create outcome unknown, ${made ? "deleting the client it made" : "none made"}`,
      );
      if (made) await deleteApiClient(api, made.client_id);
      if (attempt >= attempts) throw err;
    }
  }
}

/** An API client of a tenant: POST (the secret kept from that answer), PUT in place, DELETE. */
export class ApiClientProvider extends AcronisResourceProvider implements pulumi.dynamic.ResourceProvider {
  readonly spec = apiClientSpec;

  async check(_olds: unknown, news: ApiClientInputs): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateApiClient(news));
  }

  async diff(_id: string, olds: ApiClientOutputs, news: ApiClientInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, rules);
  }

  // Choice: client names need not be unique, so without adopt a create never meets a taken name and always makes a client.
  async create(inputs: ApiClientInputs & Owned): Promise<pulumi.dynamic.CreateResult> {
    if (inputs.adopt) {
      const existing = await this.findToAdopt(inputs);
      if (existing) return this.adopt(await this.markAdopted(existing, inputs), inputs);
    } else await this.deleteLostCreates(inputs);
    const created = await createApiClientOnce(this.client(), inputs);
    this.clients().wrote(created.client_id);
    const known = apiClientOutputs(created, inputs, created.client_secret);
    if (inputs.enabled !== false) return { id: created.client_id, outs: known };
    // The create takes no status: a client declared disabled is disabled right after.
    return finishCreate(created.client_id, inputs, known, async () => {
      const disabled = await updateApiClient(
        this.client(),
        created.client_id,
        apiClientUpdateBody(created, inputs, ["enabled"]),
      );
      return apiClientOutputs(disabled, inputs, created.client_secret);
    });
  }

  /**
   * Clients this very resource made in a run killed before the engine saved them: the stack's mark and the
   * resource's, the declared name and method, in the declared tenant. With `adopt` they are adopted instead.
   */
  // Choice: deleted (their secrets were lost with the run), and only where stack, resource, rotation, name and method all agree.
  private async deleteLostCreates(inputs: ApiClientInputs & Owned): Promise<void> {
    const [ours, resource] = [apiClientMark(inputs), apiClientResourceMark(inputs)];
    if (ours === undefined || resource === undefined) return;
    const method = inputs.tokenEndpointAuthMethod ?? "client_secret_basic";
    const lost = (await this.clients().inTenant(inputs.tenantId)).filter(
      (c) =>
        c.data?.[markKey] === ours &&
        c.data?.[resourceKey] === resource &&
        c.data?.client_name === inputs.name &&
        c.token_endpoint_auth_method === method,
    );
    for (const client of lost) {
      debugLog(
        `API client "${inputs.name}": deleting ${client.client_id}, made by a killed run of this resource`,
      );
      await deleteApiClient(this.client(), client.client_id);
      this.clients().wrote(client.client_id);
    }
  }

  // Choice: adoption needs exactly one client of that name in the tenant; several are an error naming them.
  private async findToAdopt(inputs: ApiClientInputs & Owned): Promise<ApiClientObject | undefined> {
    const named = await this.clients().named(inputs.tenantId, inputs.name);
    if (named.length > 1) {
      throw new Error(
        `${named.length} API clients are named "${inputs.name}" in tenant ${inputs.tenantId} (${named.map((c) => c.client_id).join(", ")}): adopt cannot choose; rename all but one first`,
      );
    }
    const what = `API client "${inputs.name}" in tenant ${inputs.tenantId}`;
    const mark = named[0]?.data?.[markKey] as string | undefined;
    const found =
      named[0] &&
      refuseAnotherStacks(
        what,
        named[0],
        mark,
        resourceMarks({ __owner: inputs.__owner }, { maxLength: 255 }),
      );
    const declared = inputs.tokenEndpointAuthMethod ?? "client_secret_basic";
    // Choice: the method cannot change in place and adoption never replaces, so a different one is an error.
    if (found && found.token_endpoint_auth_method !== declared)
      throw new Error(
        `${what} uses ${found.token_endpoint_auth_method}: declare tokenEndpointAuthMethod "${found.token_endpoint_auth_method}" to adopt it`,
      );
    return found;
  }

  /**
   * Adoption's one write beyond the declared differences: the stack's mark in the client's `data`, so another
   * stack's adopt is refused. Choice: not the resource's mark, which would let a later create of this resource
   * delete the adopted client (its secret held by whoever made it) as one of its own lost creates.
   */
  private async markAdopted(
    existing: ApiClientObject,
    inputs: ApiClientInputs & Owned,
  ): Promise<ApiClientObject> {
    const mark = apiClientMark(inputs);
    if (mark === undefined || existing.data?.[markKey] !== undefined) return existing;
    const marked = await updateApiClient(this.client(), existing.client_id, {
      data: { ...(existing.data ?? {}), [markKey]: mark },
    });
    this.clients().wrote(existing.client_id);
    return marked;
  }

  /** Takes over an existing client, writing only the declared differences; its secret stays unknown. */
  private async adopt(
    existing: ApiClientObject,
    inputs: ApiClientInputs,
  ): Promise<pulumi.dynamic.CreateResult> {
    const held = apiClientOutputs(existing, inputs, undefined);
    if (alreadySatisfies(apiClientSpec, held, inputs)) return { id: existing.client_id, outs: held };
    return finishCreate(existing.client_id, inputs, held, async () => {
      const updated = await updateApiClient(
        this.client(),
        existing.client_id,
        apiClientUpdateBody(existing, inputs),
      );
      this.clients().wrote(existing.client_id);
      return apiClientOutputs(updated, inputs, undefined);
    });
  }

  /** The API never shows the secret again: read keeps the one the state holds. */
  async read(id: string, props: ApiClientOutputs): Promise<pulumi.dynamic.ReadResult> {
    const client = await this.clients().get(id);
    if (!client) return {};
    // Read by id alone (an import): every input but `rotation`, which is the program's alone; no secret.
    const managed = readByIdAlone(props) ? everyHeldInput(apiClientSpec, ["rotation"]) : props;
    return readResult(apiClientSpec, id, apiClientOutputs(client, managed, props.clientSecret), props);
  }

  async update(
    id: string,
    olds: ApiClientOutputs,
    news: ApiClientInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    const current = await getApiClient(this.client(), id);
    if (!current)
      throw new Error(`API client ${id} no longer exists; run \`pulumi up --refresh\` to recreate it`);
    const updated = await updateApiClient(this.client(), id, apiClientUpdateBody(current, news));
    this.clients().wrote(id);
    return { outs: apiClientOutputs(updated, news, olds.clientSecret) };
  }

  async delete(id: string): Promise<void> {
    this.clients().wrote(id);
    await deleteApiClient(this.client(), id);
  }

  private clients() {
    return apiClientDirectory(this.client());
  }
}
