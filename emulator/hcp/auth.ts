import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { forbidden } from "./errors";
import { type Account, findTenant, type HcpState, type Role, sameName, type Tenant } from "./state";

export const md5Hex = (text: string): string => createHash("md5").update(text, "utf8").digest("hex");

/** Who is calling: a system-level account, or an account of one tenant. */
export type Caller =
  | { level: "system"; account: Account }
  | { level: "tenant"; account: Account; tenant: Tenant };

type Realm = { level: "system" } | { level: "tenant"; tenantName: string };

/** The host name without its port, lower-cased. */
export const hostNameOf = (host: string | undefined): string =>
  (host ?? "").replace(/:\d+$/, "").toLowerCase();

/** admin.<domain> is the system realm, <tenant>.<domain> a tenant's; any port is accepted. */
function realmOf(host: string | undefined, domain: string): Realm | undefined {
  const name = hostNameOf(host);
  const suffix = `.${domain.toLowerCase()}`;
  if (!name.endsWith(suffix)) return undefined;
  const label = name.slice(0, -suffix.length);
  if (label.length === 0 || label.includes(".")) return undefined;
  return label === "admin" ? { level: "system" } : { level: "tenant", tenantName: label };
}

interface Credentials {
  username: string;
  passwordMd5: string;
}

const TOKEN_PATTERN = /^([A-Za-z0-9+/=_-]+):([0-9A-Fa-f]{32})$/;

function parseToken(token: string): Credentials | undefined {
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match) return undefined;
  return { username: Buffer.from(match[1], "base64").toString("utf8"), passwordMd5: match[2].toLowerCase() };
}

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const pair of (cookieHeader ?? "").split(";")) {
    const [key, ...rest] = pair.split("=");
    if (key.trim() === name)
      return rest
        .join("=")
        .trim()
        .replace(/^"(.*)"$/, "$1");
  }
  return undefined;
}

/** `Authorization: HCP b64(user):md5(pw)`, else the hcp-api-auth or hcp-ns-auth cookie holding the same token. */
function credentialsOf(headers: IncomingHttpHeaders): Credentials | undefined {
  const authorization = headers.authorization;
  // Choice: when an Authorization header is present it decides alone; the cookies are read only without one.
  if (authorization !== undefined) {
    const match = /^HCP\s+(.+)$/.exec(authorization.trim());
    return match ? parseToken(match[1]) : undefined;
  }
  const cookie = cookieValue(headers.cookie, "hcp-api-auth") ?? cookieValue(headers.cookie, "hcp-ns-auth");
  return cookie === undefined ? undefined : parseToken(cookie);
}

/** The caller named by the Host header and credentials; anything missing or wrong is 403, never 401. */
export function authenticate(state: HcpState, headers: IncomingHttpHeaders, domain: string): Caller {
  const realm = realmOf(headers.host, domain);
  if (!realm) throw forbidden(`The host name must be admin.${domain} or <tenant>.${domain}.`);
  const credentials = credentialsOf(headers);
  if (!credentials) throw forbidden("Missing or malformed HCP authorization.");
  const tenant = realm.level === "tenant" ? findTenant(state, realm.tenantName) : undefined;
  if (realm.level === "tenant" && !tenant) throw forbidden("Invalid username or password.");
  const accounts = tenant ? tenant.users : state.systemUsers;
  // Choice: usernames match case-insensitively; the MD5 hex is compared lower-cased.
  const account = accounts.find(
    (a) => sameName(a.username, credentials.username) && a.passwordMd5 === credentials.passwordMd5,
  );
  if (!account) throw forbidden("Invalid username or password.");
  // Choice: a disabled account is refused like wrong credentials (403), naming the reason.
  if (account.profile?.enabled === false) throw forbidden("This account is disabled.");
  return tenant ? { level: "tenant", account, tenant } : { level: "system", account };
}

/** Who may use a tenant resource. */
export interface AccessRule {
  /** Roles that let an account of this tenant in. */
  tenantRoles: readonly Role[];
  /** Roles that let a system-level account in even when the tenant does not allow system administration. */
  systemRoles?: readonly Role[];
}

const holdsAny = (account: Account, roles: readonly Role[]): boolean =>
  account.roles.some((role) => roles.includes(role));

/** Throws 403 unless the caller may use this resource of `tenant` under `rule`. */
export function authorize(caller: Caller, tenant: Tenant, rule: AccessRule): void {
  if (caller.level === "tenant") {
    if (caller.tenant.id !== tenant.id) throw forbidden(`This account cannot access tenant ${tenant.name}.`);
    if (!holdsAny(caller.account, rule.tenantRoles)) throw forbidden(missingRole(rule.tenantRoles));
    return;
  }
  // Only system-level accounts reach the default tenant, with the roles either level would need.
  if (tenant.isDefault) {
    const roles = [...(rule.systemRoles ?? []), ...rule.tenantRoles];
    if (!holdsAny(caller.account, roles)) throw forbidden(missingRole(roles));
    return;
  }
  if (rule.systemRoles && holdsAny(caller.account, rule.systemRoles)) return;
  if (!tenant.administrationAllowed) {
    throw forbidden(`Tenant ${tenant.name} does not allow administration by system-level accounts.`);
  }
  if (!holdsAny(caller.account, rule.tenantRoles)) throw forbidden(missingRole(rule.tenantRoles));
}

/** Throws 403 unless the caller is a system-level account with one of `roles`. */
export function authorizeSystem(caller: Caller, roles: readonly Role[]): void {
  if (caller.level !== "system") throw forbidden("This request needs a system-level account.");
  if (!holdsAny(caller.account, roles)) throw forbidden(missingRole(roles));
}

const missingRole = (roles: readonly Role[]): string =>
  `This request needs an account with the ${[...new Set(roles)].join(" or ")} role.`;
