import type { EmulatorResponse } from "../core/router";
import { type AccessRule, authorize, authorizeSystem } from "./auth";
import {
  checkPropertyNames,
  documentAnswer,
  emptyAnswer,
  isVerbose,
  type MapiContext,
  requestBody,
  tenantOf,
} from "./context";
import { badRequest, conflict, forbidden, MapiError } from "./errors";
import { formatTimestamp, readBoolean, readText } from "./formats";
import { listPage, readListQuery } from "./listing";
import { checkPassword, checkTenantName, checkUsername } from "./rules";
import {
  type Account,
  findTenant,
  type HcpState,
  newTenant,
  quotaBytes,
  sameName,
  type Tenant,
} from "./state";
import {
  CREATE_SETTABLE,
  checkTenantLimits,
  readTenantPatch,
  settableBy,
  TENANT_PROPERTIES,
  tenantView,
} from "./tenantProperties";
import { newTenantAccount } from "./userAccountProperties";

const READ_RULE: AccessRule = {
  tenantRoles: ["MONITOR", "ADMINISTRATOR"],
  systemRoles: ["MONITOR", "ADMINISTRATOR"],
};
const MODIFY_RULE: AccessRule = { tenantRoles: ["ADMINISTRATOR"], systemRoles: ["ADMINISTRATOR"] };

/** GET /tenants: names, filtered by prefix, sorted, then paged. */
export function listTenants(ctx: MapiContext): EmulatorResponse {
  authorizeSystem(ctx.caller, ["MONITOR", "ADMINISTRATOR"]);
  const query = readListQuery(ctx.req.query, ["name", "hardQuota"] as const, ["name", "tag"] as const);
  const names = listPage(ctx.store.state.tenants, query, {
    // filterType without filterString keeps every tenant.
    candidates: (tenant, filterType) => (filterType === "name" ? [tenant.name] : tenant.tags),
    compare: (a, b, sortType) =>
      sortType === "hardQuota" ? quotaBytes(a.hardQuota) - quotaBytes(b.hardQuota) : 0,
    name: (tenant) => tenant.name,
  }).map((tenant) => tenant.name);
  return documentAnswer(ctx, "tenants", { name: names });
}

/** PUT /tenants: creates a tenant and, with LOCAL authentication, its initial security user. */
export function createTenant(ctx: MapiContext): EmulatorResponse {
  authorizeSystem(ctx.caller, ["ADMINISTRATOR"]);
  const { properties } = requestBody(ctx, ["tenant"]);
  checkPropertyNames(properties, TENANT_PROPERTIES, CREATE_SETTABLE, "a tenant");
  if (properties.name === undefined) throw badRequest("'name' is required.");
  // Choice: hardQuota is required on create, as in the Tenant Management Console.
  if (properties.hardQuota === undefined) throw badRequest("'hardQuota' is required.");
  const name = readText(properties.name, "name", 63);
  checkTenantName(name);
  const state = ctx.store.state;
  if (findTenant(state, name)) throw conflict(`Tenant ${name} already exists.`);
  const patch = readTenantPatch(properties, state);
  const tenant: Tenant = { ...newTenant(name, patch.hardQuota!, formatTimestamp(Date.now(), 0)), ...patch };
  const initialUser = readInitialUser(ctx.req.query, tenant, state);
  if (initialUser) tenant.users.push(initialUser);
  state.tenants.push(tenant);
  ctx.store.commit();
  return emptyAnswer();
}

/** The initial user from the query: required exactly when the tenant has LOCAL authentication. */
function readInitialUser(query: URLSearchParams, tenant: Tenant, state: HcpState): Account | undefined {
  const username = query.get("username");
  const password = query.get("password");
  if (!tenant.authenticationTypes.includes("LOCAL")) {
    if (username !== null || password !== null) {
      throw badRequest("'username' and 'password' are valid only when LOCAL authentication is enabled.");
    }
    return undefined;
  }
  if (username === null) throw badRequest("'username' parameter is required.");
  if (password === null) throw badRequest("'password' parameter is required.");
  checkUsername(username);
  checkPassword(password, tenant.consoleSecurity.minimumPasswordLength);
  // Choice: forcePasswordChange is recorded on the account but does not block MAPI requests.
  const forcePasswordChange = readBoolean(query.get("forcePasswordChange") ?? "false");
  return newTenantAccount(state, { username, password, roles: ["SECURITY"], forcePasswordChange });
}

/** GET /tenants/{t}: what the caller's level may see, read-only properties with verbose=true. */
export function getTenant(ctx: MapiContext): EmulatorResponse {
  const tenant = tenantOf(ctx);
  authorize(ctx.caller, tenant, READ_RULE);
  return documentAnswer(ctx, "tenant", tenantView(tenant, ctx.caller, isVerbose(ctx), ctx.domain));
}

/** HEAD /tenants/{t}: 200 when it exists; a missing (or forbidden, with 302) tenant as configured. */
export function headTenant(ctx: MapiContext): EmulatorResponse {
  try {
    authorize(ctx.caller, tenantOf(ctx), READ_RULE);
    return { status: 200 };
  } catch (err) {
    const hidden = err instanceof MapiError && (err.status === 404 || err.status === 403);
    if (hidden && ctx.store.state.config.headMissingStatus === 302) return { status: 302 };
    throw err;
  }
}

/** POST /tenants/{t}: a partial update; lists given are replaced whole. */
export function modifyTenant(ctx: MapiContext): EmulatorResponse {
  const tenant = tenantOf(ctx);
  authorize(ctx.caller, tenant, MODIFY_RULE);
  if (ctx.req.query.has("username") || ctx.req.query.has("password")) {
    throw badRequest("'username' and 'password' are valid only when creating a tenant.");
  }
  const { properties } = requestBody(ctx, ["tenant"]);
  const { name, ...changes } = properties;
  // Choice: tenants cannot be renamed; name may be sent only unchanged (a GET answer posted back).
  if (name !== undefined && !sameName(readText(name, "name", 63), tenant.name)) {
    throw forbidden("A tenant cannot be renamed.");
  }
  checkPropertyNames(changes, TENANT_PROPERTIES, settableBy(ctx.caller, tenant), "a tenant");
  const patch = readTenantPatch(changes, ctx.store.state);
  checkTenantLimits({ ...tenant, ...patch });
  Object.assign(tenant, patch);
  ctx.store.commit();
  return emptyAnswer();
}

/** DELETE /tenants/{t}: only a tenant without namespaces, never the default tenant. */
export function deleteTenant(ctx: MapiContext): EmulatorResponse {
  authorizeSystem(ctx.caller, ["ADMINISTRATOR"]);
  const tenant = tenantOf(ctx);
  // Choice: deleting the default tenant is 403.
  if (tenant.isDefault) throw forbidden("The default tenant cannot be deleted.");
  const owned = tenant.namespaces.length;
  // Choice: a tenant that still owns namespaces is 403, naming the count: the status table gives 409 to PUT only,
  // and 403 to the like refusal of a namespace that holds objects (D97 status codes).
  if (owned > 0)
    throw forbidden(`Tenant ${tenant.name} cannot be deleted because it owns ${owned} namespace(s).`);
  const state = ctx.store.state;
  state.tenants = state.tenants.filter((t) => t !== tenant);
  ctx.store.commit();
  return emptyAnswer();
}
