// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/folderTenant.js")` in each resource's state.
import { FolderTenantProvider } from "../acronis/resources/resellerTenants";
import { guarded } from "../core/guard";

export = guarded(new FolderTenantProvider());
