/** Access policies (roles) of a user: GET the set, PUT `{"items":[…]}` to replace it. */
import { randomUUID } from "node:crypto";
import { type ApiHandler, ok } from "./call";
import { ROLE_TENANT_KINDS } from "./catalog";
import { invalid } from "./errors";
import { asObject, isUuid, type Json, requiredString, toInt } from "./input";
import type { AccessPolicyRecord, AcronisState, Caller, TenantRecord, UserRecord } from "./model";
import { findTenant, visibleUser } from "./tree";

export function accessPoliciesOf(state: AcronisState, userId: string): AccessPolicyRecord[] {
  return state.accessPolicies.filter((p) => p.trustee_id === userId).map((p) => ({ ...p }));
}

/** A policy as answers show it (OAS `items_1`); removed policies are gone, so deleted_at is null. */
export function policyView(policy: AccessPolicyRecord, user: UserRecord): Json {
  const created = policy.created_at ?? user.created_at;
  return { ...policy, created_at: created, updated_at: policy.updated_at ?? created, deleted_at: null };
}

export const policyViews = (state: AcronisState, user: UserRecord): Json[] =>
  accessPoliciesOf(state, user.id).map((p) => policyView(p, user));

/** The OAS `accessPoliciesList` of a user: the policies and when they were read. */
const policyList = (state: AcronisState, user: UserRecord, now: Date): Json => ({
  timestamp: now.toISOString(),
  items: policyViews(state, user),
});

export const getAccessPolicies: ApiHandler = ({ state, caller, params, now }) =>
  ok(policyList(state, visibleUser(state, caller, params.id), now));

/** The PUT replaces the user's whole set of roles. */
export const putAccessPolicies: ApiHandler = ({ state, caller, params, body, now }) => {
  const user = visibleUser(state, caller, params.id);
  const items = asObject(body, "request body").items;
  if (!Array.isArray(items)) throw invalid(`"items" must be an array of access policies`);
  const tenant = findTenant(state, user.tenant_id)!;
  const roles = new Set(items.map((raw, i) => readPolicyRole(raw, `items[${i}]`, user, tenant)));
  const held = accessPoliciesOf(state, user.id);
  // Choice: a role the user already holds keeps its stored policy; new ones get a fresh id, issuer = caller, version 1.
  const next = [...roles].map(
    (role) => held.find((p) => p.role_id === role) ?? newPolicy(user, role, caller, now),
  );
  state.accessPolicies = [...state.accessPolicies.filter((p) => p.trustee_id !== user.id), ...next];
  return ok(policyList(state, user, now));
};

function newPolicy(user: UserRecord, roleId: string, caller: Caller, now: Date): AccessPolicyRecord {
  return {
    id: randomUUID(),
    issuer_id: caller.tenantId,
    tenant_id: user.tenant_id,
    trustee_id: user.id,
    trustee_type: "user",
    role_id: roleId,
    version: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

/** Validates one sent policy and returns its role; `id` / `issuer_id` may be any UUID (the docs send zeros). */
function readPolicyRole(raw: unknown, where: string, user: UserRecord, tenant: TenantRecord): string {
  const item = asObject(raw, where);
  checkUuidIfSent(item, "id", where);
  checkUuidIfSent(item, "issuer_id", where);
  if (item.version !== undefined) toInt(item.version, `${where}.version`);
  if (requiredString(item, "tenant_id") !== user.tenant_id) {
    throw invalid(`"${where}.tenant_id" must be the user's tenant ${user.tenant_id}`);
  }
  if (requiredString(item, "trustee_id") !== user.id)
    throw invalid(`"${where}.trustee_id" must be the user ${user.id}`);
  if (item.trustee_type !== "user") throw invalid(`"${where}.trustee_type" must be "user"`);
  const role = requiredString(item, "role_id");
  if (!Object.hasOwn(ROLE_TENANT_KINDS, role)) throw invalid(`"${where}.role_id": unknown role "${role}"`);
  const kinds = ROLE_TENANT_KINDS[role];
  if (!kinds.includes(tenant.kind)) {
    throw invalid(
      `the role "${role}" cannot be granted in a ${tenant.kind} tenant (only in ${kinds.join(", ")})`,
    );
  }
  return role;
}

function checkUuidIfSent(item: Json, key: string, where: string): void {
  if (item[key] !== undefined && !isUuid(item[key])) throw invalid(`"${where}.${key}" must be a UUID`);
}
