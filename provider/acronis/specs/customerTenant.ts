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
  id: "The tenant's UUID, also its import id (`pulumi import` takes only a customer tenant).",
  properties: {
    ...declared,
    ancestralAccess: {
      value: { type: "boolean" },
      doc: 'true (default): "Managed by service provider"; false: "Self-service" management mode.',
      wire: { path: "ancestral_access" },
    },
    // Choice: set at create only, never read back: the OAS has it in tenantPost.settings and in no answer or PUT.
    enhancedSecurity: {
      value: { type: "boolean" },
      createOnly: true,
      doc: "Backup encryption, set when the tenant is created (POST /tenants `settings.enhanced_security`). The API neither shows nor changes it afterwards: a program that changes it fails at preview, and an adopted tenant keeps its own.",
      wire: { path: "settings.enhanced_security", write: "create", read: false },
    },
    pricingMode: {
      value: { type: "string", enum: pricingModes },
      doc: "Billing mode (GET/PUT /tenants/{id}/pricing): customers start in `trial`; `production` bills them. Switching to production is one-way: a program that switches back fails at preview.",
      // Shown in the tenant object, written through /tenants/{id}/pricing by the provider.
      wire: { path: "pricing_mode", write: "never" },
    },
    updateLock: {
      value: { type: "boolean" },
      doc: "true: only users of the API client's tenant may change the customer tenant (Acronis `update_lock`); default false.",
      wire: { path: "update_lock.enabled" },
    },
    deletionPolicy,
    adopt,
    tenantId,
    kind,
  },
  check(v, news, olds) {
    const created = Object.keys(olds).length > 0;
    if (created && (olds.enhancedSecurity ?? false) !== (news.enhancedSecurity ?? false))
      v.fail(
        "enhancedSecurity",
        "enhancedSecurity is set when the tenant is created: the API cannot change it afterwards (turned on, Acronis encrypts the backups for good)",
      );
    if (olds.pricingMode === "production" && news.pricingMode === "trial")
      v.fail(
        "pricingMode",
        "pricingMode cannot go back from production to trial (Acronis switches to production once, for good)",
      );
  },
};
