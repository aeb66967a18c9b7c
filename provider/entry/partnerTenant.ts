// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/partnerTenant.js")` in each resource's state.
import { PartnerTenantProvider } from "../acronis/resources/resellerTenants";
import { guarded } from "../core/guard";

export = guarded(new PartnerTenantProvider());
