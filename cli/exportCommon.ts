/** What both exports share: the report to stderr, sorted plain objects, unique keys. */

/** What the export tells the user on stderr: progress, and what the estate file cannot express. */
export interface ExportReport {
  progress(message: string): void;
  notExpressed(message: string): void;
}

/** The keys of an object in sorted order, undefined and null left out, so equal estates print alike. */
export function sortedPlain<T extends object>(value: T): T {
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries) as T;
}

/** Keys as the estate schema wants them (at most 63 characters), made unique with a counter. */
export function withUniqueKeys<T extends { key?: string }>(entries: T[]): T[] {
  const taken = new Set<string>();
  return entries.map((entry) => {
    const base = (entry.key ?? "x").slice(0, 59).replace(/-+$/, "") || "x";
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    return { ...entry, key };
  });
}

/** Whether a value says nothing: absent, an empty string, an empty list or an object with no member. */
const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === "" ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0);

/** `sortedPlain` all the way down, empty values left out too (objects in lists are compacted, kept). */
export function compactSorted<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => compactSorted(item)) as T;
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value)
    .map(([key, member]) => [key, compactSorted(member)] as const)
    .filter(([, member]) => !isEmpty(member));
  return sortedPlain(Object.fromEntries(entries)) as T;
}
