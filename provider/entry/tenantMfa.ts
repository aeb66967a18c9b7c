// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/tenantMfa.js")` in each resource's state.

import { TenantMfaProvider } from "../acronis/resources/tenantMfa";
import { guarded } from "../core/guard";

export = guarded(new TenantMfaProvider());
