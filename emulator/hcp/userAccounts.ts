import type { EmulatorResponse } from "../core/router";
import { type AccessRule, authorize, md5Hex } from "./auth";
import {
  checkPropertyNames,
  documentAnswer,
  emptyAnswer,
  isVerbose,
  type MapiContext,
  requestBody,
  tenantOf,
} from "./context";
import { badRequest, conflict, forbidden, MapiError, notFound } from "./errors";
import { readText } from "./formats";
import { listPage, readListQuery } from "./listing";
import { checkAccountPassword } from "./passwordRules";
import { type Account, type Role, sameName, type Tenant } from "./state";
import {
  accountView,
  applyAccountPatch,
  keepsSecurityUser,
  newTenantAccount,
  profileOf,
  readAccountChange,
  readNewAccount,
  refuseWithoutSecurity,
} from "./userAccountProperties";

const READ_RULE: AccessRule = { tenantRoles: ["MONITOR", "ADMINISTRATOR", "SECURITY"] };
const SECURITY_RULE: AccessRule = { tenantRoles: ["SECURITY"] };
const MODIFY_RULE: AccessRule = { tenantRoles: ["ADMINISTRATOR", "SECURITY"] };
const MAX_ACCOUNTS = 10_000;

/** The tenant in the URL, for a caller the rule lets in; user accounts do not exist in the default tenant. */
function accountsTenant(ctx: MapiContext, rule: AccessRule): Tenant {
  const tenant = tenantOf(ctx);
  // Choice: the user account resources answer 404 for the default tenant.
  if (tenant.isDefault) throw notFound("The default tenant has no user accounts.");
  authorize(ctx.caller, tenant, rule);
  return tenant;
}

const findAccount = (tenant: Tenant, username: string): Account | undefined =>
  tenant.users.find((a) => sameName(a.username, username));

function accountOf(tenant: Tenant, username: string): Account {
  const account = findAccount(tenant, username);
  if (!account) throw notFound(`User account ${username} does not exist.`);
  return account;
}

/** GET /userAccounts: usernames, filtered by prefix, sorted, paged. */
export function listUserAccounts(ctx: MapiContext): EmulatorResponse {
  const tenant = accountsTenant(ctx, READ_RULE);
  const query = readListQuery(ctx.req.query, ["username"] as const, ["username"] as const);
  const names = listPage(tenant.users, query, {
    candidates: (account) => [account.username],
    name: (account) => account.username,
  }).map((account) => account.username);
  return documentAnswer(ctx, "userAccounts", { username: names });
}

/** A new password from the query or a changePassword body, checked against the tenant's rules. */
function setPassword(tenant: Tenant, account: Account, password: string): void {
  const profile = profileOf(account);
  // Choice: only locally authenticated accounts have a password to change; for RADIUS ones it is 400.
  if (!profile.localAuthentication) throw badRequest(`${account.username} is not authenticated locally.`);
  checkAccountPassword(password, account.username, tenant.consoleSecurity, profile.passwordHistory);
  account.passwordMd5 = md5Hex(password);
  profile.passwordHistory = [account.passwordMd5, ...profile.passwordHistory].slice(0, 100);
}

/** PUT /userAccounts?password=…: the password travels in the query, never in the body. */
export function createUserAccount(ctx: MapiContext): EmulatorResponse {
  const tenant = accountsTenant(ctx, SECURITY_RULE);
  const { properties } = requestBody(ctx, ["userAccount"]);
  const patch = readNewAccount(properties);
  const username = patch.username as string;
  if (findAccount(tenant, username)) throw conflict(`User account ${username} already exists.`);
  if (tenant.users.length >= MAX_ACCOUNTS)
    throw badRequest(`A tenant can have at most ${MAX_ACCOUNTS} user accounts.`);
  const password = ctx.req.query.get("password");
  const local = patch.localAuthentication as boolean;
  if (local && password === null) throw badRequest("'password' parameter is required.");
  // Choice: a RADIUS account (localAuthentication false) takes no password: sending one is 400.
  if (!local && password !== null)
    throw badRequest("'password' is valid only for a locally authenticated account.");
  const roles = (patch.roles as Role[] | undefined) ?? [];
  const account = newTenantAccount(
    ctx.store.state,
    { username, roles, forcePasswordChange: patch.forcePasswordChange as boolean },
    { localAuthentication: local, passwordHistory: [] },
  );
  applyAccountPatch(account, { ...patch, roles: undefined });
  if (password !== null) setPassword(tenant, account, password);
  tenant.users.push(account);
  ctx.store.commit();
  return emptyAnswer();
}

/** GET /userAccounts/{u}: the part this caller may see; never a password. */
export function getUserAccount(ctx: MapiContext): EmulatorResponse {
  const tenant = accountsTenant(ctx, READ_RULE);
  const account = accountOf(tenant, ctx.req.params.username);
  return documentAnswer(ctx, "userAccount", accountView(account, ctx.caller, isVerbose(ctx)));
}

/** HEAD /userAccounts/{u}: 200, or a missing (or hidden) account as configured (302 by default on HCP). */
export function headUserAccount(ctx: MapiContext): EmulatorResponse {
  try {
    accountOf(accountsTenant(ctx, READ_RULE), ctx.req.params.username);
    return { status: 200 };
  } catch (err) {
    const hidden = err instanceof MapiError && (err.status === 404 || err.status === 403);
    if (hidden && ctx.store.state.config.headMissingStatus === 302) return { status: 302 };
    throw err;
  }
}

/** POST /userAccounts/{u}[?password=…]: a partial change; roles are replaced whole; a new username renames. */
export function modifyUserAccount(ctx: MapiContext): EmulatorResponse {
  const tenant = accountsTenant(ctx, MODIFY_RULE);
  const account = accountOf(tenant, ctx.req.params.username);
  const { properties } = requestBody(ctx, ["userAccount"]);
  const patch = readAccountChange(ctx.caller, properties);
  const newName = patch.username as string | undefined;
  // Choice: renaming onto a taken username is 400 (an invalid value): the status table gives 409 to PUT only.
  if (newName !== undefined && !sameName(newName, account.username) && findAccount(tenant, newName))
    throw badRequest(`User account ${newName} already exists.`);
  const password = ctx.req.query.get("password");
  if (password !== null) refuseWithoutSecurity(ctx.caller, "This change");
  const changed: Account = structuredClone(account);
  applyAccountPatch(changed, patch);
  if (password !== null) setPassword(tenant, changed, password);
  // Choice: a change that would leave no enabled local SECURITY account is 403, like deleting the last one.
  if (
    !keepsSecurityUser(
      tenant,
      tenant.users.map((a) => (a === account ? changed : a)),
    )
  )
    throw forbidden("The tenant must keep an enabled, locally authenticated account with the SECURITY role.");
  Object.assign(account, changed);
  ctx.store.commit();
  return emptyAnswer();
}

/** POST /userAccounts/{u}/changePassword with <updatePasswordRequest><newPassword>. */
export function changePassword(ctx: MapiContext): EmulatorResponse {
  const tenant = accountsTenant(ctx, SECURITY_RULE);
  const account = accountOf(tenant, ctx.req.params.username);
  const { properties } = requestBody(ctx, ["updatePasswordRequest"]);
  checkPropertyNames(properties, ["newPassword"], ["newPassword"], "updatePasswordRequest");
  if (properties.newPassword === undefined) throw badRequest("'newPassword' is required.");
  setPassword(tenant, account, readText(properties.newPassword, "newPassword", 256));
  ctx.store.commit();
  return emptyAnswer();
}

/** DELETE /userAccounts/{u}: never the last enabled, locally authenticated SECURITY account (403). */
export function deleteUserAccount(ctx: MapiContext): EmulatorResponse {
  const tenant = accountsTenant(ctx, SECURITY_RULE);
  const account = accountOf(tenant, ctx.req.params.username);
  const remaining = tenant.users.filter((a) => a !== account);
  if (!keepsSecurityUser(tenant, remaining))
    throw forbidden(
      "The last enabled, locally authenticated account with the SECURITY role cannot be deleted.",
    );
  tenant.users = remaining;
  ctx.store.commit();
  return emptyAnswer();
}
