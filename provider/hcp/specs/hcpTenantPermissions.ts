import type { ResourceSpec } from "../../core/spec";
import { permissionSet } from "../codecs";
import { permissionNames } from "../types";
import { checkAccount, tenantAccount } from "./common";

/** The mask as HCP keeps it: a set, with DELETE added to PURGE and READ to SEARCH. */
export function effectivePermissions(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const set = new Set(value.map(String));
  if (set.has("PURGE")) set.add("DELETE");
  if (set.has("SEARCH")) set.add("READ");
  return [...set].sort();
}

export const hcpTenantPermissionsSpec: ResourceSpec = {
  type: "HcpTenantPermissions",
  module: "hcp",
  entry: "hcpTenantPermissions",
  doc: "The data access permission mask of an HCP tenant (POST /tenants/{tenant}/permissions; needs the ADMINISTRATOR role): no namespace of the tenant can grant more. Destroying the resource restores HCP's default, all six permissions.",
  id: "The tenant's name, also its import id. Read as the system-level account (`hcp:username`), so the tenant must allow administration by system-level accounts.",
  properties: {
    ...tenantAccount("ADMINISTRATOR"),
    permissions: {
      // The document is the list of its <permission> elements.
      wire: { path: "permission", codec: permissionSet },
      value: { type: "array", items: { type: "string", enum: permissionNames } },
      required: true,
      normalise: effectivePermissions,
      doc: "The mask, the most any namespace of the tenant may grant: any of DELETE, PRIVILEGED, PURGE, READ, SEARCH, WRITE (case-sensitive); an empty list clears it. HCP adds DELETE to PURGE and READ to SEARCH, and the comparison allows for that. Read back as HCP holds it, sorted.",
    },
  },
  check: checkAccount,
};
