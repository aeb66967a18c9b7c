import { randomUUID } from "node:crypto";
import { type Caller, md5Hex } from "./auth";
import { checkPropertyNames } from "./context";
import { badRequest, forbidden } from "./errors";
import { readBoolean, readEnum, readText, readTextList } from "./formats";
import { checkAccountUsername } from "./rules";
import { type Account, type HcpState, type Role, TENANT_ROLES, type Tenant } from "./state";

/** The userAccount data type (reference-next §2.2), in the order answers list them. */
export const ACCOUNT_PROPERTIES = [
  "username",
  "fullName",
  "description",
  "localAuthentication",
  "forcePasswordChange",
  "enabled",
  "roles",
  "allowNamespaceManagement",
  "userGUID",
  "userID",
] as const;
type AccountProperty = (typeof ACCOUNT_PROPERTIES)[number];

const REQUIRED_ON_CREATE = ["username", "fullName", "localAuthentication", "forcePasswordChange", "enabled"];
// Choice: allowNamespaceManagement is accepted on PUT, as the documentation's own example and clients send it.
export const CREATE_SETTABLE = ACCOUNT_PROPERTIES.filter((p) => p !== "userGUID" && p !== "userID");
/** What a SECURITY caller may change by POST; an ADMINISTRATOR caller may change allowNamespaceManagement. */
const SECURITY_SETTABLE = ["username", "fullName", "description", "forcePasswordChange", "enabled", "roles"];

/** The next legacy userID: unique across the system. */
function nextUserId(state: HcpState): number {
  const ids = state.tenants.flatMap((t) => t.users.map((u) => u.profile?.userID ?? 0));
  return Math.max(500, ...ids) + 1;
}

/** A tenant account with its profile; the password only as its MD5 (none for RADIUS accounts). */
export function newTenantAccount(
  state: HcpState,
  fields: { username: string; password?: string; roles: Role[]; forcePasswordChange: boolean },
  profile: Partial<Account["profile"]> = {},
): Account {
  const passwordMd5 = fields.password === undefined ? "" : md5Hex(fields.password);
  return {
    username: fields.username,
    passwordMd5,
    roles: fields.roles,
    forcePasswordChange: fields.forcePasswordChange,
    profile: {
      fullName: fields.username,
      description: "",
      enabled: true,
      localAuthentication: true,
      allowNamespaceManagement: fields.roles.includes("ADMINISTRATOR"),
      userGUID: randomUUID(),
      userID: nextUserId(state),
      passwordHistory: passwordMd5 ? [passwordMd5] : [],
      ...profile,
    },
  };
}

/** The profile of a tenant account (accounts from older state files get one when loaded). */
export const profileOf = (account: Account) => {
  if (!account.profile) throw new Error(`account ${account.username} has no profile`);
  return account.profile;
};

const holds = (caller: Caller, role: Role) => caller.account.roles.includes(role);

/** The properties present in a PUT body, validated; required ones must be there. */
export function readNewAccount(properties: Record<string, unknown>): Record<string, unknown> {
  checkPropertyNames(properties, ACCOUNT_PROPERTIES, CREATE_SETTABLE, "a user account");
  const missing = REQUIRED_ON_CREATE.find((name) => properties[name] === undefined);
  if (missing) throw badRequest(`'${missing}' is required.`);
  return readAccountPatch(properties);
}

/** The properties a POST may change for this caller: 403 for the others (localAuthentication always). */
export function readAccountChange(
  caller: Caller,
  properties: Record<string, unknown>,
): Record<string, unknown> {
  const settable = [
    ...(holds(caller, "SECURITY") ? SECURITY_SETTABLE : []),
    ...(holds(caller, "ADMINISTRATOR") ? ["allowNamespaceManagement"] : []),
  ];
  checkPropertyNames(properties, ACCOUNT_PROPERTIES, settable, "a user account");
  return readAccountPatch(properties);
}

function readAccountPatch(properties: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) {
    switch (name as AccountProperty) {
      case "username":
        patch.username = readText(value, name, 64);
        checkAccountUsername(patch.username as string);
        break;
      case "fullName":
        patch.fullName = readText(value, name, 64);
        if ((patch.fullName as string).trim() === "") throw badRequest("'fullName' must not be empty.");
        break;
      case "description":
        patch.description = readText(value, name, 1024);
        break;
      case "roles":
        patch.roles = [
          ...new Set(
            readTextList(value, "role", "roles", 32).map((r) => readEnum(r, "role", TENANT_ROLES, false)),
          ),
        ];
        break;
      default:
        patch[name] = readBoolean(value);
    }
  }
  return patch;
}

// Choice: a POST that adds ADMINISTRATOR also allows namespace management; removing it leaves that flag alone.
export function applyAccountPatch(account: Account, patch: Record<string, unknown>): void {
  const profile = profileOf(account);
  const roles = patch.roles as Role[] | undefined;
  if (roles?.includes("ADMINISTRATOR") && !account.roles.includes("ADMINISTRATOR"))
    profile.allowNamespaceManagement = true;
  if (roles) account.roles = roles;
  if (patch.username !== undefined) account.username = patch.username as string;
  if (patch.forcePasswordChange !== undefined)
    account.forcePasswordChange = patch.forcePasswordChange as boolean;
  for (const key of ["fullName", "description", "enabled", "allowNamespaceManagement"] as const) {
    if (patch[key] !== undefined) (profile as unknown as Record<string, unknown>)[key] = patch[key];
  }
}

/** Whether the tenant keeps an enabled, locally authenticated SECURITY account (the last one is protected). */
export function keepsSecurityUser(tenant: Tenant, accounts: readonly Account[] = tenant.users): boolean {
  return accounts.some(
    (a) =>
      a.roles.includes("SECURITY") &&
      a.profile?.enabled !== false &&
      a.profile?.localAuthentication !== false,
  );
}

/** A user account as this caller sees it: SECURITY callers see everything, others the public part. */
export function accountView(account: Account, caller: Caller, verbose: boolean): Record<string, unknown> {
  const profile = profileOf(account);
  const security = holds(caller, "SECURITY");
  const values: Record<AccountProperty, unknown> = {
    username: account.username,
    fullName: profile.fullName,
    description: profile.description,
    localAuthentication: profile.localAuthentication,
    forcePasswordChange: account.forcePasswordChange,
    enabled: profile.enabled,
    roles: { role: account.roles },
    allowNamespaceManagement: profile.allowNamespaceManagement,
    userGUID: profile.userGUID,
    userID: profile.userID,
  };
  const shown = new Set<AccountProperty>([
    "username",
    "fullName",
    "description",
    "enabled",
    "allowNamespaceManagement",
  ]);
  if (security) for (const p of ["forcePasswordChange", "roles"] as const) shown.add(p);
  if (verbose) shown.add("localAuthentication");
  if (verbose && security) for (const p of ["userGUID", "userID"] as const) shown.add(p);
  return Object.fromEntries(ACCOUNT_PROPERTIES.filter((p) => shown.has(p)).map((p) => [p, values[p]]));
}

export const refuseWithoutSecurity = (caller: Caller, what: string): void => {
  if (!holds(caller, "SECURITY")) throw forbidden(`${what} needs an account with the SECURITY role.`);
};
