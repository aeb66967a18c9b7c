/** Who a request is from: a Bearer token, a user's Basic credentials, or a session cookie. */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { ADMIN_ROLES } from "./catalog";
import { accessDenied, unauthorized } from "./errors";
import type { AcronisState, Caller, ClientRecord, UserRecord } from "./model";
import { signInRefusal, userByLogin } from "./passwords";
import { sha256 } from "./state";
import type { TokenBook } from "./tokens";
import { findUser } from "./tree";

// Choice: the session cookie is named AccountServerSession (no source names the platform's cookie).
export const SESSION_COOKIE = "AccountServerSession";

export function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = header?.match(/^Basic\s+(\S+)$/i)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** The client with this id and secret, enabled; undefined otherwise. */
export function clientWithSecret(state: AcronisState, id: string, secret: string): ClientRecord | undefined {
  const client = state.clients.find((c) => c.client_id === id);
  if (!client?.secret_sha256 || client.status !== "enabled") return undefined;
  const [sent, expected] = [Buffer.from(sha256(secret)), Buffer.from(client.secret_sha256)];
  return timingSafeEqual(sent, expected) ? client : undefined;
}

export function cookieValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** The caller of an API request; 401 (platform shape) when the credentials are missing, unknown or expired. */
// Choice: `?access_token=` does not authenticate (the OAS documents the Authorization header only, and no such parameter).
export function authenticate(
  headers: IncomingHttpHeaders,
  tokens: TokenBook,
  state: AcronisState,
  now: Date,
): Caller {
  const header = headers.authorization;
  // Choice: Basic credentials on API calls are a user's login and password (as PYEX create_api_client.py sends them).
  if (header !== undefined && /^Basic\s/i.test(header)) return basicUser(header, state);
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (header !== undefined && bearer === undefined)
    throw unauthorized("the Authorization header must carry a Bearer token or Basic credentials");
  const session = bearer ? undefined : cookieValue(headers, SESSION_COOKIE);
  if (session !== undefined) {
    const caller = tokens.session(session, now);
    if (!caller) throw unauthorized("the session has ended");
    return stillAllowed(state, caller);
  }
  if (!bearer) throw unauthorized("an access token is required");
  const issued = tokens.lookup(bearer, now);
  if (!issued)
    throw unauthorized(
      tokens.known(bearer) ? "the access token has expired" : "the access token is not valid",
    );
  return stillAllowed(state, issued.caller);
}

function basicUser(header: string, state: AcronisState): Caller {
  const credentials = basicCredentials(header);
  if (!credentials) throw unauthorized("malformed Basic credentials");
  const user = userByLogin(state, credentials.id);
  const refusal = signInRefusal(state, user, credentials.secret);
  if (refusal || !user) throw unauthorized(refusal?.description ?? "invalid login or password");
  return { tenantId: user.tenant_id, userId: user.id };
}

/** A token outlives nothing: its client or user must still exist and be enabled (a disabled client gets no tokens). */
function stillAllowed(state: AcronisState, caller: Caller): Caller {
  if (caller.userId) {
    const user = findUser(state, caller.userId);
    if (!user?.enabled) throw unauthorized("the user account is disabled or deleted");
    return { ...caller };
  }
  const client = state.clients.find((c) => c.client_id === caller.clientId);
  if (client?.status !== "enabled") throw unauthorized("the API client is disabled or deleted");
  return { ...caller };
}

/** Whether a user holds an administrator role on their own tenant. */
export function isAdministrator(state: AcronisState, user: UserRecord): boolean {
  return state.accessPolicies.some(
    (p) => p.trustee_id === user.id && p.tenant_id === user.tenant_id && ADMIN_ROLES.includes(p.role_id),
  );
}

// Choice: a user without an administrator role may call GET /users/me only; everything else is 403 (1002).
export function requireAdministrator(state: AcronisState, caller: Caller): void {
  if (!caller.userId) return;
  const user = findUser(state, caller.userId);
  if (!user || !isAdministrator(state, user))
    throw accessDenied("only administrators may use the API with their own credentials");
}

// Choice: endpoints the docs reserve for API clients (one-time tokens) answer 403 (1002) to users.
export function requireApiClient(caller: Caller, what: string): string {
  if (!caller.clientId || caller.userId) throw accessDenied(`only API clients may ${what}`);
  return caller.clientId;
}
