import { isIP } from "node:net";

/** Pure rules and normal forms of HCP values (quotas, names, addresses, passwords), for check and diff. */

export const quotaUnits = ["MB", "GB", "TB"] as const;
export type QuotaUnit = (typeof quotaUnits)[number];

// Choice: units are binary (1 GB = 2^30 bytes), as in the emulator.
const unitBytes: Record<QuotaUnit, number> = { MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

// Choice: a program may write the unit in any case and leave out the space before it; HCP is sent the
// documented form (wireQuota).
const quotaPattern = /^(\d+(?:\.\d{1,2})?)\s*(MB|GB|TB)$/i;

export interface Quota {
  /** In hundredths of the unit, so "100" and "100.00" are the same whole number. */
  hundredths: number;
  unit: QuotaUnit;
}

/** `"<number with at most 2 decimals> <MB|GB|TB>"`, e.g. `100 GB`, `100.00 GB`, `1.5 TB`; else undefined. */
export function parseQuota(text: string): Quota | undefined {
  const match = quotaPattern.exec(text.trim());
  if (!match) return undefined;
  const [whole, fraction = ""] = match[1].split(".");
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return { hundredths, unit: match[2].toUpperCase() as QuotaUnit };
}

export function isQuota(value: unknown): value is string {
  return typeof value === "string" && parseQuota(value) !== undefined;
}

/** The quota in bytes; undefined when it is not a quota. */
export function quotaBytes(text: string): number | undefined {
  const quota = parseQuota(text);
  return quota ? (quota.hundredths * unitBytes[quota.unit]) / 100 : undefined;
}

/** HCP's own rendering, two decimals and the unit in capitals (`100 gb` → `100.00 GB`); other text as given. */
export function normaliseQuota(text: string): string {
  const quota = parseQuota(text);
  if (!quota) return text;
  const whole = Math.floor(quota.hundredths / 100);
  const fraction = String(quota.hundredths % 100).padStart(2, "0");
  return `${whole}.${fraction} ${quota.unit}`;
}

/** A quota as HCP documents it (`<number> <MB|GB|TB>`): as given when it already is, else HCP's own rendering. */
export function wireQuota(text: string): string {
  return /^\d+(?:\.\d{1,2})? (?:MB|GB|TB)$/.test(text) ? text : normaliseQuota(text);
}

/** For diff: equal quotas compare equal however written (`1024 MB` is `1 GB`). */
export function quotaForDiff(value: unknown): unknown {
  return typeof value === "string" ? (quotaBytes(value) ?? value) : value;
}

/** `namespaceQuota` as the API means it: a count, or "None" for no limit (any case). */
export function normaliseNamespaceQuota(value: unknown): number | "None" | unknown {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return value;
  if (value.trim().toLowerCase() === "none") return "None";
  return /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}

/** A list compared as a set of case-insensitive words (authentication types, tags, plan names). */
export function caseInsensitiveSet(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return [...new Set(value.map((v) => String(v).trim().toLowerCase()))].sort();
}

export function lowerCase(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

// --- tenant names (reference §6)

export const reservedTenantNames: ReadonlySet<string> = new Set([
  "admin",
  "cifs",
  "default",
  "fcfs",
  "nfs",
  "scavenging",
  "search",
  "search-api",
  "smb",
  "smtp",
  "snmp",
  "www",
]);

/** Why a tenant name is refused, or undefined: 1–63 letters, digits, inner hyphens; no xn--; not reserved. */
export function tenantNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(name)) {
    return `must be 1-63 letters, digits and hyphens, not starting or ending with a hyphen, got "${name}"`;
  }
  if (name.toLowerCase().startsWith("xn--")) return `must not start with "xn--", got "${name}"`;
  if (reservedTenantNames.has(name.toLowerCase())) return `"${name}" is reserved by HCP`;
  return undefined;
}

// --- accounts (reference §2)

// Choice: usernames are 1-64 letters, digits and . _ - @, as in the emulator.
export const usernamePattern = /^[A-Za-z0-9._@-]{1,64}$/;

/** A new tenant's consoleSecurity.minimumPasswordLength, which its initial user's password must meet. */
export const defaultMinimumPasswordLength = 6;

/**
 * Why a password is refused, or undefined: at most 64 characters, at least `minimumLength`, with
 * characters from two of letters, digits and others. The message never repeats the password.
 */
export function passwordProblem(
  password: string,
  minimumLength = defaultMinimumPasswordLength,
): string | undefined {
  if (password.length < minimumLength) return `must have at least ${minimumLength} characters`;
  if (password.length > 64) return "must have at most 64 characters";
  const groups = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((group) => group.test(password)).length;
  if (groups < 2) return "must mix at least two of: letters, digits, other characters";
  return undefined;
}

// --- IP addresses (reference §10)

/** A single IPv4/IPv6 address, a CIDR block (`10.0.0.0/8`, `fd00::/8`), or an IPv4 `address/netmask`. */
export function isIpOrCidr(text: string): boolean {
  const [address, mask, ...rest] = text.trim().split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (mask === undefined) return true;
  if (/^\d{1,3}$/.test(mask)) return Number(mask) <= (version === 4 ? 32 : 128);
  return version === 4 && isIpv4Netmask(mask);
}

/** Contiguous ones then zeros, e.g. 255.255.255.0. */
function isIpv4Netmask(mask: string): boolean {
  if (isIP(mask) !== 4) return false;
  const bits = mask.split(".").reduce((sum, octet) => sum * 256 + Number(octet), 0);
  const hostBits = 0xffffffff - bits;
  return (hostBits & (hostBits + 1)) === 0;
}

/** An allow/deny entry: one address or block, or a comma-separated list of them. */
export function isAddressEntry(text: string): boolean {
  return text.split(",").every((part) => isIpOrCidr(part));
}

/** Address lists compared as sets: trimmed, lower-case (IPv6 hex), spaces after commas dropped. */
export function addressSet(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const entries = value.map((entry) =>
    String(entry)
      .split(",")
      .map((part) => part.trim().toLowerCase())
      .join(","),
  );
  return [...new Set(entries)].sort();
}

// --- settings documents

/** Free text as HCP keeps it: XML drops the whitespace around a value. */
export function trimmed(value: unknown): unknown {
  return typeof value === "string" ? value.trim() : value;
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
