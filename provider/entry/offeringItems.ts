// The provider object is this module's exports, so a program that loads the package from node_modules
// stores only `require("tenant-estates/dist/provider/entry/offeringItems.js")` in each resource's state.

import { OfferingItemsProvider } from "../acronis/resources/offeringItems";
import { guarded } from "../core/guard";

export = guarded(new OfferingItemsProvider());
