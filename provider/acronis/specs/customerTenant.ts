import type { ResourceSpec } from "../../core/spec";
import { tenantProperties } from "./tenantCommon";

export { deletionPolicies, maxInternalTagLength } from "./tenantCommon";

export const pricingModes = ["trial", "production"] as const;

const { tenantId, kind, adopt, deletionPolicy, ...declared } = tenantProperties("customer");

export const customerTenantSpec: ResourceSpec = {
  type: "CustomerTenant",
  module: "acronis",
  entry: "customerTenant",
  doc: "An Acronis Cyber Protect Cloud customer tenant (POST /tenants; PUT with version; disable, then delete only when `deletionPolicy` says so).",
  id: "The tenant's UUID.",
  properties: {
    ...declared,
    ancestralAccess: {
      value: { type: "boolean" },
      doc: 'true (default): "Managed by service provider"; false: "Self-service" management mode.',
    },
    enhancedSecurity: {
      value: { type: "boolean" },
      doc: "Backup encryption. Cannot be turned off once on: a program that tries fails at preview.",
    },
    pricingMode: {
      value: { type: "string", enum: pricingModes },
      doc: "Billing mode (GET/PUT /tenants/{id}/pricing): customers start in `trial`; `production` bills them. Switching to production is one-way: a program that switches back fails at preview.",
    },
    deletionPolicy,
    adopt,
    tenantId,
    kind,
  },
  check(v, news, olds) {
    if (olds.enhancedSecurity === true && news.enhancedSecurity === false)
      v.fail(
        "enhancedSecurity",
        "enhancedSecurity cannot be turned off once enabled (Acronis encrypts the backups for good)",
      );
    if (olds.pricingMode === "production" && news.pricingMode === "trial")
      v.fail(
        "pricingMode",
        "pricingMode cannot go back from production to trial (Acronis switches to production once, for good)",
      );
  },
};
