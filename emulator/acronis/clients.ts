/** API clients of tenants: POST (the secret shown once), GET one or a list, PUT, DELETE. */
import { randomBytes, randomUUID } from "node:crypto";
import { type ApiHandler, created, noContent, ok } from "./call";
import { accessDenied, invalid, notFound } from "./errors";
import { asObject, type Json, optNullableString, optStringList, queryList, requiredString } from "./input";
import type { AcronisState, Caller, ClientAuthMethod, ClientRecord, ClientType } from "./model";
import { nextSeq, sha256 } from "./state";
import { isWithin, referencedTenant } from "./tree";

const CLIENT_TYPES: readonly ClientType[] = ["api_client", "managed_client"];
const AUTH_METHODS: readonly ClientAuthMethod[] = ["client_secret_basic", "client_secret_post", "none"];

/** The client as GET answers it (OAS `client`): never the secret; `origin_id` only when it has one. */
export function clientView(client: ClientRecord): Record<string, unknown> {
  return {
    client_id: client.client_id,
    tenant_id: client.tenant_id,
    type: client.type,
    token_endpoint_auth_method: client.token_endpoint_auth_method,
    client_secret_expires_at: 0,
    data: structuredClone(client.data),
    redirect_uris: [...client.redirect_uris],
    ...(client.origin_id === null ? {} : { origin_id: client.origin_id }),
    status: client.status,
    created_at: client.created_at,
    created_by: client.created_by,
    last_access_at: client.last_access_at,
    last_access_from_ip: client.last_access_from_ip,
  };
}

function oneOf<T extends string>(input: Json, key: string, values: readonly T[]): T {
  const value = requiredString(input, key);
  if (!values.includes(value as T)) throw invalid(`"${key}" must be one of ${values.join(", ")}`);
  return value as T;
}

/** The optional members POST and PUT share; only those sent are returned. */
function readSettings(input: Json): Partial<ClientRecord> {
  const settings: Partial<ClientRecord> = {};
  if (input.data !== undefined) settings.data = structuredClone(asObject(input.data, `"data"`));
  const uris = optStringList(input, "redirect_uris");
  if (uris !== undefined) settings.redirect_uris = uris;
  const origin = optNullableString(input, "origin_id");
  if (origin !== undefined) settings.origin_id = origin;
  return settings;
}

/** POST /clients → 201 with `client_secret` (32 hex characters), the only time it is shown. */
export const createClient: ApiHandler = ({ state, caller, body, now }) => {
  const input = asObject(body, "request body");
  const type = oneOf(input, "type", CLIENT_TYPES);
  const tenant = referencedTenant(state, caller, requiredString(input, "tenant_id"), "tenant_id");
  const method = oneOf(input, "token_endpoint_auth_method", AUTH_METHODS);
  // Choice: a `none` client is public: it has no secret and cannot use the client-credentials grant.
  const secret = method === "none" ? null : randomBytes(16).toString("hex");
  const client: ClientRecord = {
    seq: nextSeq(state),
    client_id: randomUUID(),
    tenant_id: tenant.id,
    type,
    token_endpoint_auth_method: method,
    data: {},
    redirect_uris: [],
    origin_id: null,
    status: "enabled",
    secret_sha256: secret === null ? null : sha256(secret),
    created_at: now.toISOString(),
    // Choice: a client made by another API client names that client as its creator.
    created_by: caller.userId ?? caller.clientId ?? "",
    last_access_at: null,
    last_access_from_ip: null,
    ...readSettings(input),
  };
  state.clients.push(client);
  const { last_access_at: _, last_access_from_ip: __, ...view } = clientView(client);
  return created({
    ...view,
    // Choice: a public client's answer carries an empty client_secret (the OAS requires a string there).
    client_secret: secret ?? "",
    registration_access_token: randomBytes(24).toString("base64url"),
  });
};

/** A client named in the path: 404 unknown, 403 when its tenant is out of reach (a client always sees itself). */
function visibleClient(state: AcronisState, caller: Caller, id: string): ClientRecord {
  const client = state.clients.find((c) => c.client_id === id);
  if (!client) throw notFound();
  if (client.client_id !== caller.clientId && !isWithin(state, caller.tenantId, client.tenant_id))
    throw accessDenied(`client ${id} belongs to a tenant outside the caller's reach`);
  return client;
}

/** GET /clients/{id}: the documented way for a client to learn its own tenant. */
export const getClient: ApiHandler = ({ state, caller, params }) =>
  ok(clientView(visibleClient(state, caller, params.id)));

// Choice: GET /clients without filters lists the clients of every tenant in the caller's reach, in creation order.
export const listClients: ApiHandler = ({ state, caller, query }) => {
  const uuids = query.get("uuids");
  const wanted = uuids === null ? undefined : new Set(queryList(uuids));
  const origin = query.get("origin_id");
  const items = state.clients
    .filter((c) => isWithin(state, caller.tenantId, c.tenant_id))
    .filter(
      (c) => (wanted === undefined || wanted.has(c.client_id)) && (origin === null || c.origin_id === origin),
    )
    .sort((a, b) => a.seq - b.seq)
    .map(clientView);
  return ok({ items });
};

// Choice: a client cannot disable or delete itself (403/1002): the caller would lock itself out.
function notSelf(caller: Caller, client: ClientRecord, what: string): void {
  if (client.client_id === caller.clientId) throw accessDenied(`an API client cannot ${what} itself`);
}

/** PUT /clients/{id}: `data` (replaced whole), `status`, `redirect_uris`, `origin_id`; no version. */
export const updateClient: ApiHandler = ({ state, caller, params, body }) => {
  const client = visibleClient(state, caller, params.id);
  const input = asObject(body, "request body");
  const changes = readSettings(input);
  if (input.status !== undefined) changes.status = oneOf(input, "status", ["enabled", "disabled"] as const);
  if (changes.status === "disabled") notSelf(caller, client, "disable");
  Object.assign(client, changes);
  return ok(clientView(client));
};

/** DELETE /clients/{id} → 204; its tokens stop working at once. */
export const deleteClient: ApiHandler = ({ state, caller, params }) => {
  const client = visibleClient(state, caller, params.id);
  notSelf(caller, client, "delete");
  state.clients = state.clients.filter((c) => c !== client);
  return noContent();
};
