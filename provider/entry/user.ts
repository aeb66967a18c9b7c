// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/user.js")` in each resource's state.

import { UserProvider } from "../acronis/resources/user";
import { guarded } from "../core/guard";

export = guarded(new UserProvider());
