import { sortedSet } from "../../core/normalise";
import { adoptSettingProperty, type ResourceSpec } from "../../core/spec";
import { userRolePolicies } from "../codecs";
import { uuid } from "./values";

/**
 * Role ids a program may grant (DOC:users/roles).
 * Choice: those of the OAS `userRole` enum; GEN's `backup_admin` and `monitoring_admin` are not in it (docs/contract.md).
 */
export const knownRoles = [
  "partner_admin",
  "hci_admin",
  "company_admin",
  "unit_admin",
  "readonly_admin",
  "backup_user",
  "sync_share_admin",
  "sync_share_user",
  "sync_share_guest",
] as const;

export const accessPolicySpec: ResourceSpec = {
  type: "AccessPolicy",
  module: "acronis",
  entry: "accessPolicy",
  doc: "The roles of an Acronis user (PUT /users/{id}/access_policies replaces the set). Destroying the resource removes them all (a new user's default).",
  id: "The user's UUID, also its import id.",
  properties: {
    userId: {
      value: uuid,
      required: true,
      replaces: "createFirst",
      doc: "The user. A change replaces the resource.",
    },
    roles: {
      value: { type: "array", items: { type: "string", enum: knownRoles } },
      required: true,
      normalise: (v) => sortedSet(v as string[]),
      doc: 'The user\'s complete set of roles in its tenant, e.g. ["company_admin"]; order does not matter.',
      // Each policy names the user and its tenant: the codec takes them from the other values.
      wire: { path: "items", codec: userRolePolicies },
    },
    adopt: adoptSettingProperty("the user's roles"),
    tenantId: { role: "output", value: uuid, required: true, doc: "The user's tenant." },
  },
};
