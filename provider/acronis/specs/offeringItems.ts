import { adoptSettingProperty, type ResourceSpec, type ValueSpec } from "../../core/spec";
import { enabledOfferingItems } from "../codecs";
import { type HeldItem, itemsSatisfy, offeringItemKey } from "../offeringItemMatch";
import { wantedItems } from "./offeringItemsByName";
import { uuid } from "./values";

const limit = (nullMeans: string, doc: string) => ({
  value: { type: "integer", min: 0, nullable: true, nullMeans } as ValueSpec,
  doc,
});

export const offeringItemsSpec: ResourceSpec = {
  type: "OfferingItems",
  module: "acronis",
  entry: "offeringItems",
  doc: "The offering items (services, editions, quotas) enabled for an Acronis tenant. Items not listed are left as they are; an item removed from the list is disabled; destroying the resource disables the items it manages.",
  id: "The tenant's UUID, also its import id (an import manages every enabled item, with its quota).",
  properties: {
    tenantId: {
      value: uuid,
      required: true,
      replaces: "createFirst",
      doc: "The tenant. A change replaces the resource.",
    },
    items: {
      value: {
        type: "array",
        minLength: 1,
        items: {
          type: "object",
          typeName: "OfferingItem",
          doc: "An offering item to enable, with its quota where given. As an output: the item as the API holds it, application and infrastructure resolved.",
          fields: {
            name: {
              value: { type: "string", minLength: 1 },
              required: true,
              doc: "e.g. `workstations`, `storage`.",
            },
            applicationId: {
              value: uuid,
              doc: "Only needed when two applications offer an item of this name.",
            },
            infraId: {
              value: uuid,
              doc: "Only needed when an infra item (storage) is offered on more than one infrastructure.",
            },
            quota: {
              value: {
                type: "object",
                typeName: "Quota",
                doc: "A quota: `value` is the soft limit, `overage` the hard one; null means unlimited.",
                fields: {
                  value: {
                    ...limit(
                      "unlimited",
                      "Soft limit; `null` means unlimited (no quota). Bytes for storage items, a count for the others.",
                    ),
                    required: true,
                  },
                  overage: limit("no overage limit", "Hard limit (overage); `null` means no overage limit."),
                },
              },
              doc: "Managed only when given.",
            },
          },
        },
      },
      required: true,
      // The stored inputs hold the items keyed by name (offeringItemsByName.ts).
      equals: (stored, wanted) => itemsSatisfy((stored ?? []) as HeldItem[], wantedItems(wanted)),
      doc: "Items to enable, in any order. Plans name the item that changes (`~ items: { ~ workstations: { ~ quota: … } }`): the state keeps them keyed by name.",
      // Written as the resolved items (application and infrastructure found in the tenant's list).
      wire: { path: "offering_items", codec: enabledOfferingItems },
    },
    parentId: {
      value: uuid,
      notCompared: true,
      doc: "The tenant's parent, for a check at preview while the tenant is still to be created: that the parent offers every item to its children of `kind`. Leave it out when the same update changes what the parent offers. Never compared.",
    },
    kind: {
      value: { type: "string", enum: ["customer", "partner", "folder"] },
      notCompared: true,
      doc: "The tenant's kind, for the check `parentId` asks for (default `customer`). Never compared.",
    },
    adopt: adoptSettingProperty("the tenant's offering items"),
  },
  check(v, news) {
    if (!Array.isArray(news.items)) return;
    const seen = new Set<string>();
    news.items.forEach((item: { name?: unknown }, i) => {
      if (typeof item?.name !== "string") return;
      const key = offeringItemKey(item as { name: string });
      if (seen.has(key))
        v.fail(`items[${i}]`, `items[${i}] lists offering item "${item.name}" a second time`);
      seen.add(key);
    });
  },
};
