// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/customerTenant.js")` in each resource's state.
import { CustomerTenantProvider } from "../acronis/resources/customerTenant";
import { guarded } from "../core/guard";

export = guarded(new CustomerTenantProvider());
