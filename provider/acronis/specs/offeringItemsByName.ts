import { isUnknown } from "../../core/normalise";
import type { HeldItem, WantedItem } from "../offeringItemMatch";

/**
 * The engine diffs lists by position, so a quota change or an added item would read as items renamed
 * into each other. The inputs the engine stores hold the items keyed by name instead: the plan then
 * names the item that changes (`~ items: { ~ workstations: { ~ quota: … } }`).
 */

/** An item's key among the stored inputs: its name, with the application and infrastructure the program gives. */
export function itemLabel(item: WantedItem): string {
  return [item.name, item.applicationId, item.infraId].filter((part) => part !== undefined).join("/");
}

/** The listed items keyed by label, in label order; anything not fully known, or not a list, as it is. */
export function itemsByName(items: unknown): unknown {
  if (!Array.isArray(items) || !items.every(isKnownItem)) return items;
  const labels = items.map(itemLabel);
  if (new Set(labels).size !== labels.length) return items;
  const order = labels
    .map((label, i) => ({ label, item: items[i] }))
    .sort((a, b) => compare(a.label, b.label));
  return Object.fromEntries(order.map(({ label, item }) => [label, item]));
}

/** The wanted items, from the program's list or the stored inputs keyed by name. */
export function wantedItems(items: unknown): WantedItem[] {
  if (Array.isArray(items)) return items as WantedItem[];
  if (items === null || typeof items !== "object" || isUnknown(items)) return [];
  return Object.values(items as Record<string, WantedItem>);
}

/**
 * Items as a program would list what the tenant holds (for the inputs of a refresh that found drift): by
 * name, with the application and infrastructure only where two held items share the name.
 */
export function wantedFormOf(held: readonly HeldItem[]): WantedItem[] {
  const shared = (name: string) => held.filter((h) => h.name === name).length > 1;
  return held.map((h) => {
    const item: WantedItem = shared(h.name)
      ? { name: h.name, applicationId: h.applicationId, infraId: h.infraId }
      : { name: h.name };
    if (h.quota) item.quota = { value: h.quota.value, overage: h.quota.overage };
    return JSON.parse(JSON.stringify(item)) as WantedItem;
  });
}

function isKnownItem(item: unknown): item is WantedItem {
  if (item === null || typeof item !== "object" || isUnknown(item)) return false;
  const { name, applicationId, infraId } = item as Record<string, unknown>;
  const optionalText = (v: unknown) => v === undefined || (typeof v === "string" && !isUnknown(v));
  return typeof name === "string" && !isUnknown(name) && optionalText(applicationId) && optionalText(infraId);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
