// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/accessPolicy.js")` in each resource's state.
import { AccessPolicyProvider } from "../acronis/resources/accessPolicy";
import { guarded } from "../core/guard";

export = guarded(new AccessPolicyProvider());
