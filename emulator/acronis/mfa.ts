/** Tenant two-factor authentication: GET/PUT /tenants/{id}/mfa/status; unit tenants inherit it. */
import { type ApiHandler, ok } from "./call";
import { invalid } from "./errors";
import { asObject, toBool } from "./input";
import type { AcronisState, TenantRecord } from "./model";
import { findTenant, usersOf, visibleTenant } from "./tree";

/** The MFA setting in force: a unit's comes from the nearest non-unit ancestor. */
export function effectiveMfaStatus(state: AcronisState, tenant: TenantRecord): TenantRecord["mfa_status"] {
  const parent = tenant.kind === "unit" && tenant.parent_id ? findTenant(state, tenant.parent_id) : undefined;
  return parent ? effectiveMfaStatus(state, parent) : tenant.mfa_status;
}

function mfaView(state: AcronisState, tenant: TenantRecord): unknown {
  return {
    mfa_status: effectiveMfaStatus(state, tenant),
    // Users never set up TOTP against the emulator.
    users_with_totp_enabled_count: 0,
    users_count: usersOf(state, tenant.id).length,
    update_allowed: tenant.kind !== "unit",
  };
}

export const getMfaStatus: ApiHandler = ({ state, caller, params }) =>
  ok(mfaView(state, visibleTenant(state, caller, params.id)));

export const putMfaStatus: ApiHandler = ({ state, caller, params, body, now }) => {
  const tenant = visibleTenant(state, caller, params.id);
  const input = asObject(body, "request body");
  if (input.enabled === undefined) throw invalid(`"enabled" is required`);
  const enabled = toBool(input.enabled, "enabled");
  // Choice: a PUT on a unit tenant is 400, as units inherit their parent's setting.
  if (tenant.kind === "unit")
    throw invalid("unit tenants inherit two-factor authentication from their parent");
  tenant.mfa_status = enabled ? "enabled" : "disabled";
  tenant.updated_at = now.toISOString();
  return ok(mfaView(state, tenant));
};
