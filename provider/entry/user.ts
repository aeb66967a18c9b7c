// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/user.js")` in each resource's state.

import { guarded } from "../guard";
import { UserProvider } from "../user";

export = guarded(new UserProvider(), "User", "acronis");
