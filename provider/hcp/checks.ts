import { isUnknown } from "../core/normalise";
import type { Validator } from "../core/validate";
import { addressSet, isAddressEntry } from "./values";

/** Check rules the HCP resources share, on top of Validator's. Unknown (preview) values always pass. */

/** The value at a dotted path (`ipSettings.allowAddresses.0`). */
export function valueAt(inputs: object, path: string): unknown {
  let current: unknown = inputs;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Adds `<path> <reason>` when the value is present, known and `problem` finds fault with it. */
export function checkValue(
  v: Validator,
  inputs: object,
  path: string,
  problem: (value: unknown) => string | undefined,
): void {
  const value = valueAt(inputs, path);
  if (value === undefined || value === null || isUnknown(value)) return;
  const reason = problem(value);
  if (reason) v.fail(path, `${path} ${reason}`);
}

/** Runs `each` on every entry of the list at `path` (after checking it is a list). */
export function checkEach(
  v: Validator,
  inputs: object,
  path: string,
  each: (entryPath: string) => void,
  opts: { maxLength?: number } = {},
): void {
  v.array(path);
  const list = valueAt(inputs, path);
  if (!Array.isArray(list)) return;
  if (opts.maxLength !== undefined && list.length > opts.maxLength) {
    v.fail(path, `${path} may hold at most ${opts.maxLength} entries, got ${list.length}`);
  }
  list.forEach((_, i) => {
    each(`${path}.${i}`);
  });
}

export const ipSettingsKeys = ["allowAddresses", "denyAddresses", "allowIfInBothLists"] as const;

/** ipSettings (reference §10): allow and deny lists of addresses, CIDR blocks or address/netmask pairs. */
export function checkIpSettings(
  v: Validator,
  inputs: object,
  path: string,
  opts: { required?: boolean } = {},
): void {
  v.object(path, opts).knownKeys(ipSettingsKeys, path).boolean(`${path}.allowIfInBothLists`);
  for (const list of ["allowAddresses", "denyAddresses"]) {
    checkEach(v, inputs, `${path}.${list}`, (entry) => {
      v.string(entry);
      checkValue(v, inputs, entry, (value) =>
        typeof value === "string" && !isAddressEntry(value)
          ? `must be an IP address, a CIDR block (10.0.0.0/8, fd00::/8) or address/netmask, got "${value}"`
          : undefined,
      );
    });
  }
}

/** ipSettings as the API means it: address lists as sets, the flag as a boolean. */
export function normaliseIpSettings(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const settings = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of ipSettingsKeys) {
    if (settings[key] === undefined || settings[key] === null) continue;
    result[key] = key === "allowIfInBothLists" ? settings[key] === true : addressSet(settings[key]);
  }
  return result;
}

/** The keys of `managed` (a nested input object) picked from what the API holds. */
export function pickKeys<T extends object>(fromApi: T | undefined, managed: object): Partial<T> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(managed)) {
    if ((managed as Record<string, unknown>)[key] === undefined) continue;
    picked[key] = (fromApi as Record<string, unknown> | undefined)?.[key];
  }
  return picked as Partial<T>;
}

/** Free text as HCP keeps it: XML drops the whitespace around a value. */
export function trimmed(value: unknown): unknown {
  return typeof value === "string" ? value.trim() : value;
}
