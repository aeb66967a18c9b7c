/** Small pure normalisers shared by the providers' check, diff and read. */

/** The value Pulumi passes to check/diff for inputs not known until apply (runtime/rpc.js `unknownValue`). */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True for a preview-time unknown, anywhere a value can be. */
export function isUnknown(value: unknown): boolean {
  return value === unknownValue;
}

/**
 * A deep copy without `undefined`, functions or class instances: the only shape the engine's protobuf
 * Struct accepts ("Unexpected struct type" otherwise).
 */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Booleans as the APIs send them: true/false, "true"/"false", "t"/"f", "1"/"0", 1/0. */
export function normaliseBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const v = value.trim().toLowerCase();
    if (v === "true" || v === "t" || v === "1") return true;
    if (v === "false" || v === "f" || v === "0") return false;
  }
  return undefined;
}

/** A list compared as a set: sorted, de-duplicated. */
export function sortedSet(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])].sort();
}

/** Deep equality of JSON values, key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
