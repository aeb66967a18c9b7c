// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/hcpSearchSecurity.js")` in each resource's state.

import { guarded } from "../core/guard";
import { HcpSearchSecurityProvider } from "../hcp/resources/hcpSearchSecurity";

export = guarded(new HcpSearchSecurityProvider());
