import type { ResourceSpec } from "../../core/spec";
import { tenantProperties } from "./tenantCommon";

/** A reseller under the API client's partner (or under another partner or a folder). */
export const partnerTenantSpec: ResourceSpec = {
  type: "PartnerTenant",
  module: "acronis",
  entry: "partnerTenant",
  doc: "An Acronis partner tenant: a reseller in the hierarchy, with its own partners, folders and customers (POST /tenants kind `partner`; always in production billing; disable, then delete only when `deletionPolicy` says so and it has no child tenants). Disabling it is refused, before any change, while it has child tenants without this stack's ownership mark (their service would stop with it); with a `TenantRemovalGuard` listing it (the estate file declares one), already at preview.",
  id: "The tenant's UUID, also its import id (`pulumi import` takes only a tenant of this kind).",
  properties: tenantProperties("partner"),
};

/** A folder groups partners and customers that share offering items and branding. */
export const folderTenantSpec: ResourceSpec = {
  type: "FolderTenant",
  module: "acronis",
  entry: "folderTenant",
  doc: "An Acronis folder tenant: groups partners and customers under a partner (POST /tenants kind `folder`; disable, then delete only when `deletionPolicy` says so and it has no child tenants). Disabling it is refused, before any change, while it has child tenants without this stack's ownership mark (their service would stop with it); with a `TenantRemovalGuard` listing it (the estate file declares one), already at preview.",
  id: "The tenant's UUID, also its import id (`pulumi import` takes only a tenant of this kind).",
  properties: tenantProperties("folder"),
};
