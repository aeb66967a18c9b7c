/** POST /idp/token: client credentials, a user's password, refresh tokens, and customer-scoped JWT-bearer tokens. */
import type { IncomingHttpHeaders } from "node:http";
import { basicCredentials, clientWithSecret } from "./auth";
import { ok, type Reply } from "./call";
import { mediaType } from "./input";
import type { AcronisState, Caller, ClientRecord, EmulatorConfig } from "./model";
import { signInRefusal, userByLogin } from "./passwords";
import type { TokenBook } from "./tokens";
import { jwtShaped } from "./tokens";
import { findTenant, isWithin } from "./tree";

export const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const TENANT_SCOPE = /^urn:acronis\.com:tenant-id:([0-9a-f-]{36})$/i;

export interface TokenRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the contract finds wrong with the request. */
  problems: string[];
  state: AcronisState;
  tokens: TokenBook;
  config: EmulatorConfig;
  now: Date;
}

const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, error_description: description },
});

/** The form body's grant decides the flow; every failure has the OAuth shape `{error, error_description}`. */
export function issueToken(request: TokenRequest): Reply {
  if (mediaType(request.headers["content-type"]) !== "application/x-www-form-urlencoded") {
    return oauthError(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
  }
  const form = new URLSearchParams(request.body);
  const grantType = form.get("grant_type");
  if (grantType === null) return oauthError(400, "invalid_request", "grant_type is required");
  const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
  if (!grant) return oauthError(400, "unsupported_grant_type", `grant_type "${grantType}" is not supported`);
  // Choice: a form the OAS refuses (an unknown field, a value of the wrong shape) is 400 invalid_request (RFC 6749 §5.2).
  if (request.problems.length > 0) return oauthError(400, "invalid_request", request.problems.join("; "));
  return grant(request, form);
}

function tokenAnswer(
  request: TokenRequest,
  caller: Caller,
  options: { refresh?: boolean; expiresOn?: number } = {},
): Reply {
  const { token, expiresOn } = request.tokens.issue(
    caller,
    request.config.tokenTtlSeconds,
    request.now,
    options.expiresOn,
  );
  const subject = caller.userId ?? caller.clientId;
  return ok({
    access_token: token,
    token_type: "bearer",
    expires_on: expiresOn,
    id_token: jwtShaped({ sub: subject, aud: caller.clientId ?? subject, exp: expiresOn }),
    ...(options.refresh ? { refresh_token: request.tokens.newRefreshToken(caller) } : {}),
  });
}

// Choice: a client authenticates only the way its token_endpoint_auth_method says (Basic header, or form fields).
function clientCredentials(request: TokenRequest, form: URLSearchParams): Reply {
  const basic = basicCredentials(request.headers.authorization);
  const posted = form.get("client_id");
  const sent =
    basic ?? (posted === null ? undefined : { id: posted, secret: form.get("client_secret") ?? "" });
  const client = sent && clientWithSecret(request.state, sent.id, sent.secret);
  const method: ClientRecord["token_endpoint_auth_method"] = basic
    ? "client_secret_basic"
    : "client_secret_post";
  if (!client || client.token_endpoint_auth_method !== method)
    return oauthError(401, "invalid_client", "invalid client credentials");
  // Choice: every token issued counts as an access; the emulator serves loopback only, hence 127.0.0.1.
  client.last_access_at = request.now.toISOString();
  client.last_access_from_ip = "127.0.0.1";
  return tokenAnswer(
    request,
    { clientId: client.client_id, tenantId: client.tenant_id },
    { refresh: wantsRefresh(form) },
  );
}

const wantsRefresh = (form: URLSearchParams): boolean =>
  (form.get("scope") ?? "").split(/\s+/).includes("offline_access");

// Choice: the password grant needs no client authentication (as PYSAMP and WHMCS send it); client_id is ignored.
function passwordGrant(request: TokenRequest, form: URLSearchParams): Reply {
  const [username, password] = [form.get("username"), form.get("password")];
  if (!username || !password) return oauthError(400, "invalid_request", "username and password are required");
  const user = userByLogin(request.state, username);
  const refusal = signInRefusal(request.state, user, password);
  if (refusal || !user) return oauthError(401, refusal?.error ?? "access_denied", refusal?.description ?? "");
  return tokenAnswer(request, { tenantId: user.tenant_id, userId: user.id }, { refresh: wantsRefresh(form) });
}

// Choice: a refresh token stays valid while its client or user does; it brings a new access token, not a new refresh token.
function refreshGrant(request: TokenRequest, form: URLSearchParams): Reply {
  const caller = request.tokens.refreshCaller(form.get("refresh_token") ?? "");
  if (!caller || !stillExists(request.state, caller))
    return oauthError(400, "invalid_grant", "the refresh token is not valid");
  return tokenAnswer(request, caller);
}

function stillExists(state: AcronisState, caller: Caller): boolean {
  if (caller.userId) return state.users.some((u) => u.id === caller.userId && u.enabled);
  return state.clients.some((c) => c.client_id === caller.clientId && c.status === "enabled");
}

/**
 * A token restricted to one customer, from a live token sent as `assertion` (DRDOC; PYEX also sends it as the
 * Bearer header). It expires with the token it came from.
 * Choice: the scope must name a customer in the token's reach that has not closed access to its ancestors.
 */
function jwtBearerGrant(request: TokenRequest, form: URLSearchParams): Reply {
  const base = request.tokens.lookup(form.get("assertion") ?? "", request.now);
  if (!base || !stillExists(request.state, base.caller))
    return oauthError(400, "invalid_grant", "the assertion is not a valid access token");
  const header = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  // Choice: the Authorization header is optional; when sent it must carry a live token too.
  if (header !== undefined && !request.tokens.lookup(header, request.now))
    return oauthError(401, "invalid_client", "the Bearer token is not valid");
  const tenantId = (form.get("scope") ?? "").match(TENANT_SCOPE)?.[1]?.toLowerCase();
  const tenant = tenantId ? findTenant(request.state, tenantId) : undefined;
  if (tenant?.kind !== "customer" || !isWithin(request.state, base.caller.tenantId, tenant.id))
    return oauthError(
      400,
      "invalid_scope",
      "scope must be urn:acronis.com:tenant-id:<a customer tenant in reach>",
    );
  if (!tenant.ancestral_access && tenant.id !== base.caller.tenantId)
    return oauthError(
      403,
      "access_denied",
      `customer ${tenant.id} has closed access to its service provider`,
    );
  return tokenAnswer(request, { ...base.caller, tenantId: tenant.id }, { expiresOn: base.expiresOn });
}

const GRANTS: Readonly<Record<string, (request: TokenRequest, form: URLSearchParams) => Reply>> = {
  client_credentials: clientCredentials,
  password: passwordGrant,
  refresh_token: refreshGrant,
  [JWT_BEARER_GRANT]: jwtBearerGrant,
};
