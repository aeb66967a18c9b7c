// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/apiClient.js")` in each resource's state.

import { ApiClientProvider } from "../acronis/resources/apiClient";
import { guarded } from "../core/guard";

export = guarded(new ApiClientProvider());
