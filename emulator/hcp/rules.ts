import { isIP } from "node:net";
import { badRequest } from "./errors";

const RESERVED_TENANT_NAMES = new Set([
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

/** 1-63 letters, digits and inner hyphens, not xn--, not a reserved word (these names become host names). */
export function checkTenantName(name: string): void {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(name)) {
    throw badRequest(
      "Invalid tenant name: use 1-63 letters, digits and hyphens, not starting or ending with a hyphen.",
    );
  }
  if (name.toLowerCase().startsWith("xn--"))
    throw badRequest("Invalid tenant name: it must not start with 'xn--'.");
  // Choice: "Default" is refused as reserved; creating the default tenant through PUT is not modelled.
  if (RESERVED_TENANT_NAMES.has(name.toLowerCase())) throw badRequest(`'${name}' is a reserved name.`);
}

/** 1-63 letters, digits and inner hyphens, not xn-- (the name becomes a host name under the tenant's). */
export function checkNamespaceName(name: string): void {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(name)) {
    throw badRequest(
      "Invalid namespace name: use 1-63 letters, digits and hyphens, not starting or ending with a hyphen.",
    );
  }
  if (name.toLowerCase().startsWith("xn--"))
    throw badRequest("Invalid namespace name: it must not start with 'xn--'.");
}

// Choice: a user account's name is 1-64 characters without control characters, not starting with '[' or a space.
export function checkAccountUsername(username: string): void {
  if (
    [...username].length < 1 ||
    [...username].length > 64 ||
    /^[[\s]/.test(username) ||
    [...username].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  ) {
    throw badRequest("Invalid 'username': use 1-64 characters, not starting with '[' or a space.");
  }
}

// Choice: usernames are 1-64 letters, digits and . _ - @ characters.
export function checkUsername(username: string): void {
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(username)) {
    throw badRequest("Invalid 'username': use 1-64 letters, digits and the characters . _ - @.");
  }
}

/** At most 64 characters, at least the tenant minimum, with characters from two of: letters, digits, others. */
export function checkPassword(password: string, minimumLength: number): void {
  const groups = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((group) => group.test(password)).length;
  if (password.length < minimumLength || password.length > 64 || groups < 2) {
    throw badRequest(
      `Invalid 'password': it must be ${minimumLength}-64 characters and mix two of letters, digits and other characters.`,
    );
  }
}

/** 1-64 characters without commas (the namespace tag rule, assumed for tenants). */
export function checkTag(tag: string): void {
  if (tag.length === 0 || tag.length > 64 || tag.includes(",")) {
    throw badRequest(`Invalid tag '${tag}': tags are 1-64 characters without commas.`);
  }
}

/** An ipSettings entry: an address, address/prefix, IPv4 address/netmask, or a comma-separated list of those. */
export function checkAddressEntry(entry: string, property: string): void {
  if (!entry.split(",").every((part) => isAddressPart(part.trim()))) {
    throw badRequest(`Invalid IP address or CIDR '${entry}' in '${property}'.`);
  }
}

function isAddressPart(part: string): boolean {
  const [address, mask, ...extra] = part.split("/");
  const version = isIP(address);
  if (version === 0 || extra.length > 0) return false;
  if (mask === undefined) return true;
  if (/^\d{1,3}$/.test(mask)) return Number(mask) <= (version === 4 ? 32 : 128);
  return version === 4 && isIPv4Netmask(mask);
}

function isIPv4Netmask(mask: string): boolean {
  if (isIP(mask) !== 4) return false;
  const value = mask.split(".").reduce((sum, octet) => sum * 256 + Number(octet), 0);
  const hostBits = 0xffffffff - value;
  return (hostBits & (hostBits + 1)) === 0;
}

// Choice: an email address is checked only for the shape local@domain.
export function checkEmailList(text: string, property: string): void {
  const addresses = text.split(",").map((a) => a.trim());
  if (!addresses.every((address) => /^[^\s@]+@[^\s@]+$/.test(address))) {
    throw badRequest(`Invalid email address in '${property}': ${text}`);
  }
}

/** The special retention values: deletion allowed, deletion prohibited, initial unspecified (any case). */
const SPECIAL_RETENTION = ["0", "-1", "-2", "deletion allowed", "deletion prohibited", "initial unspecified"];
// Choice: offset units are case-sensitive except that Y is read as y (the documentation's example writes A+7Y).
const RETENTION_OFFSET =
  /^A(?:[+-]\d{1,4}[yY])?(?:[+-]\d{1,4}M)?(?:[+-]\d{1,4}w)?(?:[+-]\d{1,4}d)?(?:[+-]\d{1,4}h)?(?:[+-]\d{1,4}m)?(?:[+-]\d{1,4}s)?$/;
const RETENTION_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:?\d{2}$/;

// Choice: a class is C+<1-64 letters, digits, _ or ->; a fixed date is yyyy-MM-ddTHH:mm:ss±hhmm or seconds since 1970.
export function checkRetentionValue(value: string, property: string): void {
  const ok =
    SPECIAL_RETENTION.includes(value.toLowerCase()) ||
    (value.length > 1 && RETENTION_OFFSET.test(value)) ||
    /^C\+[A-Za-z0-9_-]{1,64}$/.test(value) ||
    RETENTION_DATE.test(value) ||
    /^\d{1,12}$/.test(value);
  if (!ok) throw badRequest(`Invalid retention value '${value}' for '${property}'.`);
}

/** minimumRetentionAfterInitialUnspecified: an offset such as 1y+0M+0d. */
export function checkMinimumRetention(value: string): void {
  if (!/^\d{1,4}y\+\d{1,4}M\+\d{1,4}d$/.test(value)) {
    throw badRequest(`Invalid value for 'minimumRetentionAfterInitialUnspecified': use <n>y+<n>M+<n>d.`);
  }
}
