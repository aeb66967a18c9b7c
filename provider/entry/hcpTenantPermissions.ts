// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/hcpTenantPermissions.js")` in each resource's state.

import { guarded } from "../core/guard";
import { HcpTenantPermissionsProvider } from "../hcp/resources/hcpTenantPermissions";

export = guarded(new HcpTenantPermissionsProvider());
