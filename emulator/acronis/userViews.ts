/** Users as answers show them: one user (OAS `user`), the signed-in one (`userMe`) and listings' items by `lod`. */
import { policyViews } from "./accessPolicies";
import { contactView } from "./contact";
import type { Json } from "./input";
import type { AcronisState, UserRecord } from "./model";
import type { Lod } from "./paging";
import { findTenant } from "./tree";

/** What every shape of a user carries (the `stamps` of a listing but the policies). */
function stamps(u: UserRecord): Json {
  return {
    id: u.id,
    version: u.version,
    tenant_id: u.tenant_id,
    created_at: u.created_at,
    updated_at: u.updated_at,
    // Deleted users are removed at once, so no answer shows one.
    deleted_at: null,
    origin_id: u.origin_id ?? null,
    origin_external_id: u.origin_external_id ?? null,
    disable_after: u.disable_after ?? null,
  };
}

/** One user (GET, POST, PUT /users…, the one-time-token login). */
export function userView(u: UserRecord): Json {
  return {
    ...stamps(u),
    login: u.login,
    contact: contactView(u.contact, u),
    activated: u.activated,
    enabled: u.enabled,
    terms_accepted: u.terms_accepted,
    language: u.language,
    idp_id: u.idp_id,
    ...(u.external_id === null ? {} : { external_id: u.external_id }),
    personal_tenant_id: u.personal_tenant_id,
    business_types: [...u.business_types],
    notifications: [...u.notifications],
    mfa_status: u.mfa_status,
  };
}

/** GET /users/me: the user with its policies and the fields only this call has (OAS `userMe`). */
export function meView(state: AcronisState, u: UserRecord): Json {
  const tenant = findTenant(state, u.tenant_id);
  return {
    ...userView(u),
    access_policies: policyViews(state, u),
    tenant_kind: tenant?.kind,
    tenant_pricing_model: tenant?.pricing_mode,
    brand_id: tenant?.brand_uuid,
    login_totp_time: null,
  };
}

/**
 * A user as GET /users lists it: `stamps`, `basic` (+ login, enabled, personal tenant) or `full` (the user).
 * Choice: `access_policies` (required in every shape) is filled only when with_access_policies asks.
 */
export function userListItem(state: AcronisState, u: UserRecord, lod: Lod, withPolicies: boolean): Json {
  const access_policies = withPolicies ? policyViews(state, u) : [];
  if (lod === "stamps") return { ...stamps(u), access_policies };
  if (lod === "basic")
    return {
      ...stamps(u),
      access_policies,
      personal_tenant_id: u.personal_tenant_id,
      login: u.login,
      enabled: u.enabled,
    };
  return { ...userView(u), access_policies };
}
