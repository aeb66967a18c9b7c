// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/accessPolicy.js")` in each resource's state.
import { AccessPolicyProvider } from "../accessPolicy";
import { guarded } from "../guard";

export = guarded(new AccessPolicyProvider(), "AccessPolicy", "acronis");
