/** The tenant hierarchy: lookups, the API client's reach, and cascading removal. */
import { accessDenied, fail, notFound } from "./errors";
import type { AcronisState, Caller, TenantRecord, UserRecord } from "./model";

export const findTenant = (state: AcronisState, id: string): TenantRecord | undefined =>
  state.tenants.find((t) => t.id === id);

export const findUser = (state: AcronisState, id: string): UserRecord | undefined =>
  state.users.find((u) => u.id === id);

export const childrenOf = (state: AcronisState, id: string): TenantRecord[] =>
  state.tenants.filter((t) => t.parent_id === id);

export const usersOf = (state: AcronisState, tenantId: string): UserRecord[] =>
  state.users.filter((u) => u.tenant_id === tenantId);

/** True when `id` is `ancestorId` or lies below it. */
export function isWithin(state: AcronisState, ancestorId: string, id: string): boolean {
  for (let t = findTenant(state, id); t; t = t.parent_id ? findTenant(state, t.parent_id) : undefined) {
    if (t.id === ancestorId) return true;
  }
  return false;
}

/** The tenant and all tenants below it, parents before children. */
export function subtree(state: AcronisState, rootId: string): TenantRecord[] {
  const root = findTenant(state, rootId);
  const result = root ? [root] : [];
  for (let i = 0; i < result.length; i++) result.push(...childrenOf(state, result[i].id));
  return result;
}

/** A tenant named in the path: 404 when unknown, 403 (1002) when outside the caller's subtree. */
export function visibleTenant(state: AcronisState, caller: Caller, id: string): TenantRecord {
  const tenant = findTenant(state, id);
  if (!tenant && !isAboveTree(state, id)) throw notFound();
  if (!tenant || !isWithin(state, caller.tenantId, id)) {
    throw accessDenied(`tenant ${id} is outside the API client's tenant`);
  }
  return tenant;
}

/** An unstored tenant that some stored tenant names as its parent exists above the emulated tree. */
const isAboveTree = (state: AcronisState, id: string): boolean =>
  state.tenants.some((t) => t.parent_id === id);

// Choice: a tenant named in a request body that does not exist is 404 with code 1005 (tenant not found).
export function referencedTenant(
  state: AcronisState,
  caller: Caller,
  id: string,
  field: string,
): TenantRecord {
  if (!findTenant(state, id) && !isAboveTree(state, id)) {
    throw fail(404, 1005, `"${field}": tenant ${id} does not exist`);
  }
  return visibleTenant(state, caller, id);
}

/** A user named in the path: 404 when unknown, 403 when their tenant is outside the caller's subtree. */
export function visibleUser(state: AcronisState, caller: Caller, id: string): UserRecord {
  const user = findUser(state, id);
  if (!user) throw notFound();
  if (!isWithin(state, caller.tenantId, user.tenant_id)) {
    throw accessDenied(`user ${id} is outside the API client's tenant`);
  }
  return user;
}

/** Deletes the tenant, its subtree, their users, access policies, offering items, API clients and usages. */
export function removeTenantSubtree(state: AcronisState, id: string): void {
  const tenantIds = new Set(subtree(state, id).map((t) => t.id));
  const userIds = new Set(state.users.filter((u) => tenantIds.has(u.tenant_id)).map((u) => u.id));
  state.tenants = state.tenants.filter((t) => !tenantIds.has(t.id));
  state.users = state.users.filter((u) => !userIds.has(u.id));
  state.offeringItems = state.offeringItems.filter((i) => !tenantIds.has(i.tenant_id));
  state.accessPolicies = state.accessPolicies.filter(
    (p) => !userIds.has(p.trustee_id) && !tenantIds.has(p.tenant_id),
  );
  state.clients = state.clients.filter((c) => !tenantIds.has(c.tenant_id));
  state.usages = state.usages.filter((u) => !tenantIds.has(u.tenant_id));
}
