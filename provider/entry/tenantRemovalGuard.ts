// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/tenantRemovalGuard.js")` in each resource's state.
import { TenantRemovalGuardProvider } from "../acronis/resources/tenantRemovalGuard";
import { guarded } from "../core/guard";

export = guarded(new TenantRemovalGuardProvider());
