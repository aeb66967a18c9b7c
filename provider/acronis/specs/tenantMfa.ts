import { adoptSettingProperty, type ResourceSpec } from "../../core/spec";
import { mfaStatusEnabled } from "../codecs";
import { uuid } from "./values";

export const tenantMfaSpec: ResourceSpec = {
  type: "TenantMfa",
  module: "acronis",
  entry: "tenantMfa",
  doc: "Two-factor authentication for every user of an Acronis tenant (PUT /tenants/{id}/mfa/status). Destroying the resource turns it off again (the platform default).",
  id: "The tenant's UUID, also its import id.",
  properties: {
    tenantId: {
      value: uuid,
      required: true,
      replaces: "createFirst",
      doc: "The tenant whose users must use two-factor authentication. A change replaces the resource.",
    },
    enabled: {
      value: { type: "boolean" },
      required: true,
      doc: "Whether two-factor authentication is on.",
      wire: { path: "enabled", readPath: "mfa_status", codec: mfaStatusEnabled },
    },
    adopt: adoptSettingProperty("the tenant's two-factor setting"),
    mfaStatus: {
      role: "output",
      value: { type: "string" },
      required: true,
      doc: "`enabled`, `disabled` or `disable_in_progress`, as the API reports it.",
      wire: { path: "mfa_status", write: "never" },
    },
  },
};
