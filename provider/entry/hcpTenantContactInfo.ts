// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/hcpTenantContactInfo.js")` in each resource's state.

import { guarded } from "../core/guard";
import { HcpTenantContactInfoProvider } from "../hcp/resources/hcpTenantContactInfo";

export = guarded(new HcpTenantContactInfoProvider());
