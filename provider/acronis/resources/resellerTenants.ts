import { folderTenantSpec, partnerTenantSpec } from "../specs/resellerTenants";
import { TenantProvider } from "./tenant";

/** Partners: declared tenants with nothing beyond the tenant object. */
export class PartnerTenantProvider extends TenantProvider {
  constructor() {
    super("partner", partnerTenantSpec);
  }
}

/** Folders: declared tenants with nothing beyond the tenant object. */
export class FolderTenantProvider extends TenantProvider {
  constructor() {
    super("folder", folderTenantSpec);
  }
}
