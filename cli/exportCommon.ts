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
