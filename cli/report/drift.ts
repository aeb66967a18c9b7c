/**
 * Drift: each property an estate file declares whose live value (as `export` maps it) differs. Only what the
 * file declares is compared; what it leaves out is not managed, so never drift. Pure.
 */
import type { ReportRow } from "./model";

export type Drift = ReportRow["drift"][number];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Absent, null, "" and [] all say "not set": the export leaves such values out. */
const isUnset = (v: unknown) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** Plain JSON values compared as values; lists of text as sets (roles, tags). */
function sameValue(declared: unknown, live: unknown): boolean {
  if (isUnset(declared) || isUnset(live)) return isUnset(declared) && isUnset(live);
  if (Array.isArray(declared) && Array.isArray(live) && declared.every((v) => typeof v === "string"))
    return JSON.stringify([...declared].sort()) === JSON.stringify([...live].sort());
  return JSON.stringify(declared) === JSON.stringify(live);
}

/** The fields that name an entry of a list: offering items by name (and application, infrastructure), users by login. */
const identityKeys = ["login", "username", "name", "applicationId", "infraId"] as const;

/** A list of named entries (offering items, users, namespaces): compared entry by entry, else as a whole. */
const isEntryList = (v: unknown): v is Record<string, unknown>[] =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.every((e) => isPlainObject(e) && ["login", "username", "name"].some((k) => typeof e[k] === "string"));

/** How an entry of a declared list is named in a property path: its login or name. */
const labelOf = (entry: Record<string, unknown>) => String(entry.login ?? entry.username ?? entry.name);

/** The live entry with every identity field the declared entry gives. */
function matchingEntry(
  declared: Record<string, unknown>,
  live: readonly unknown[],
): Record<string, unknown> | undefined {
  const keys = identityKeys.filter((k) => declared[k] !== undefined);
  return live.find(
    (entry): entry is Record<string, unknown> =>
      isPlainObject(entry) && keys.every((k) => entry[k] === declared[k]),
  );
}

const nullIfUnset = (v: unknown) => (v === undefined ? null : v);

/**
 * What differs between a declared value and the live one, below `property`: objects key by key (the declared
 * keys only), lists of entries entry by entry (a declared entry gone live is one drift), other values whole.
 */
export function differences(declared: unknown, live: unknown, property: string): Drift[] {
  if (declared === undefined) return [];
  if (isPlainObject(declared))
    return Object.entries(declared).flatMap(([key, value]) =>
      differences(value, isPlainObject(live) ? live[key] : undefined, `${property}.${key}`),
    );
  if (isEntryList(declared)) {
    const entries = Array.isArray(live) ? live : [];
    return declared.flatMap((entry) => {
      const found = matchingEntry(entry, entries);
      const at = `${property}.${labelOf(entry)}`;
      return found ? differences(entry, found, at) : [{ property: at, declared: entry, live: null }];
    });
  }
  return sameValue(declared, live) ? [] : [{ property, declared, live: nullIfUnset(live) }];
}

/** A value in the form its property compares in (HCP: quotas as bytes, tags as a case-insensitive set). */
export type Normalise = (property: string, value: unknown) => unknown;

/**
 * The top-level properties of a declared tenant that differ from its live entry, `omit` left out. A property
 * with a normal form compares in it (objects and lists of entries as `differences` does), and shows as written.
 */
export function entryDrift(
  declared: Record<string, unknown>,
  live: Record<string, unknown>,
  omit: ReadonlySet<string>,
  normalise: Normalise = (_, value) => value,
): Drift[] {
  return Object.entries(declared)
    .filter(([key]) => !omit.has(key))
    .flatMap(([key, value]) => {
      if (isPlainObject(value) || isEntryList(value)) return differences(value, live[key], key);
      const same = sameValue(normalise(key, value), normalise(key, live[key]));
      return same ? [] : [{ property: key, declared: value, live: nullIfUnset(live[key]) }];
    });
}
