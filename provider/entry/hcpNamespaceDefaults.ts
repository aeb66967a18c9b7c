// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/hcpNamespaceDefaults.js")` in each resource's state.

import { guarded } from "../core/guard";
import { HcpNamespaceDefaultsProvider } from "../hcp/resources/hcpNamespaceDefaults";

export = guarded(new HcpNamespaceDefaultsProvider());
