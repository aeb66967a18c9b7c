/** OAuth client-credentials tokens (POST /idp/token) and Bearer / `?access_token=` authentication. */
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { type ApiHandler, ok, type Reply } from "./call";
import { API_CLIENT, API_CLIENT_SECRET } from "./catalog";
import { invalid, notFound, unauthorized } from "./errors";
import { mediaType } from "./input";
import type { Caller, EmulatorConfig } from "./model";

interface IssuedToken extends Caller {
  expiresAtMs: number;
}

/** Tokens live in memory only: they are secrets, so neither the state file nor the dump holds them. */
export class TokenBook {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(caller: Caller, ttlSeconds: number, now: Date): { token: string; expiresOn: number } {
    const expiresOn = Math.floor(now.getTime() / 1000) + ttlSeconds;
    const token = jwtShaped({
      sub: caller.clientId,
      tid: caller.tenantId,
      exp: expiresOn,
      jti: randomUUID(),
    });
    this.tokens.set(token, { ...caller, expiresAtMs: expiresOn * 1000 });
    return { token, expiresOn };
  }

  lookup(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }

  /** Makes every token issued so far expired (POST /_emulator/expire-tokens). */
  expireAll(now: Date): void {
    for (const issued of this.tokens.values())
      issued.expiresAtMs = Math.min(issued.expiresAtMs, now.getTime() - 1);
  }
}

/** Looks like the platform's JWTs (`eyJ…`); the signature part is random, nobody verifies it. */
function jwtShaped(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part({ iss: "acronis-emulator", ...claims })}.${randomBytes(32).toString("base64url")}`;
}

const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, error_description: description },
});

/** POST /idp/token: form body, HTTP Basic client id + secret, grant_type=client_credentials. */
export function issueToken(
  headers: IncomingHttpHeaders,
  body: string,
  tokens: TokenBook,
  config: EmulatorConfig,
  now: Date,
): Reply {
  // Choice: clients authenticate with HTTP Basic only (as documented); form-field credentials get invalid_client.
  if (!isKnownClient(basicCredentials(headers.authorization))) {
    return oauthError(401, "invalid_client", "invalid client credentials");
  }
  if (mediaType(headers["content-type"]) !== "application/x-www-form-urlencoded") {
    return oauthError(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
  }
  const grantType = new URLSearchParams(body).get("grant_type");
  if (grantType === null) return oauthError(400, "invalid_request", "grant_type is required");
  if (grantType !== "client_credentials") {
    return oauthError(
      400,
      "unsupported_grant_type",
      `grant_type "${grantType}" is not supported for API clients`,
    );
  }
  const caller = { clientId: API_CLIENT.clientId, tenantId: API_CLIENT.tenantId };
  const { token, expiresOn } = tokens.issue(caller, config.tokenTtlSeconds, now);
  const idToken = jwtShaped({ sub: caller.clientId, aud: caller.clientId, exp: expiresOn });
  return ok({ access_token: token, token_type: "bearer", expires_on: expiresOn, id_token: idToken });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = header?.match(/^Basic\s+(\S+)$/i)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function isKnownClient(credentials: { id: string; secret: string } | undefined): boolean {
  if (credentials?.id !== API_CLIENT.clientId) return false;
  const sent = Buffer.from(credentials.secret);
  const expected = Buffer.from(API_CLIENT_SECRET);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** The caller of an API request; 401 (platform shape) when the token is missing, unknown or expired. */
export function authenticate(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  tokens: TokenBook,
  now: Date,
): Caller {
  const header = headers.authorization;
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (header !== undefined && bearer === undefined)
    throw unauthorized("the Authorization header must carry a Bearer token");
  const fromQuery = query.get("access_token");
  if (bearer !== undefined && fromQuery !== null) {
    throw invalid("send the access token either in the Authorization header or as access_token, not both");
  }
  const token = bearer ?? fromQuery;
  if (!token) throw unauthorized("an access token is required");
  const issued = tokens.lookup(token);
  if (!issued) throw unauthorized("the access token is not valid");
  if (issued.expiresAtMs <= now.getTime()) throw unauthorized("the access token has expired");
  return { clientId: issued.clientId, tenantId: issued.tenantId };
}

/** GET /clients/{id}: the documented way for a client to learn its own tenant. */
export const getClient: ApiHandler = ({ params, caller }) => {
  // Choice: a client sees only itself; any other client id is 404.
  if (params.id !== caller.clientId || params.id !== API_CLIENT.clientId) throw notFound();
  return ok({
    client_id: API_CLIENT.clientId,
    tenant_id: API_CLIENT.tenantId,
    type: "api_client",
    token_endpoint_auth_method: "client_secret_basic",
    client_secret_expires_at: 0,
    data: { client_name: API_CLIENT.clientName },
  });
};
