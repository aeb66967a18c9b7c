/** Pure rules and normal forms of what lives inside an HCP tenant: namespaces and user accounts. */

/** Why a namespace name is refused, or undefined: 1-63 letters, digits, inner hyphens; no xn-- (reference-next §1.2). */
export function namespaceNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(name))
    return `must be 1-63 letters, digits and hyphens, not starting or ending with a hyphen, got "${name}"`;
  if (name.toLowerCase().startsWith("xn--")) return `must not start with "xn--", got "${name}"`;
  return undefined;
}

const specialRetention = ["0", "-1", "-2", "deletion allowed", "deletion prohibited", "initial unspecified"];
// Choice: as in the emulator, offset units are case-sensitive except that Y is read as y (the docs write A+7Y).
const retentionOffset =
  /^A(?:[+-]\d{1,4}[yY])?(?:[+-]\d{1,4}M)?(?:[+-]\d{1,4}w)?(?:[+-]\d{1,4}d)?(?:[+-]\d{1,4}h)?(?:[+-]\d{1,4}m)?(?:[+-]\d{1,4}s)?$/;
const retentionDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:?\d{2}$/;

/** Why a default retention is refused: a special value, an offset (A+7y), a class (C+name) or a fixed date. */
export function retentionProblem(value: string): string | undefined {
  const ok =
    specialRetention.includes(value.trim().toLowerCase()) ||
    (value.length > 1 && retentionOffset.test(value)) ||
    /^C\+[A-Za-z0-9_-]{1,64}$/.test(value) ||
    retentionDate.test(value) ||
    /^\d{1,12}$/.test(value);
  return ok
    ? undefined
    : `must be 0 (deletion allowed), -1 (deletion prohibited), -2 (initial unspecified), an offset such as "A+7y" or "A+1y+6M", a retention class "C+<name>" or a date "2030-01-01T00:00:00+0000", got "${value}"`;
}

/** The retention a special value's word or number means, so "Deletion Allowed" and "0" compare equal. */
export function normaliseRetention(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const words: Record<string, string> = {
    "deletion allowed": "0",
    "deletion prohibited": "-1",
    "initial unspecified": "-2",
  };
  const trimmed = value.trim();
  return words[trimmed.toLowerCase()] ?? trimmed.replace(/^(A[+-]\d{1,4})Y/, "$1y");
}

// Choice: a user account's name is 1-64 characters, not starting with "[" or a space, without control characters.
export function accountUsernameProblem(username: string): string | undefined {
  const length = [...username].length;
  if (length < 1 || length > 64) return `must have 1-64 characters, got ${length}`;
  if (/^[[\s]/.test(username)) return `must not start with "[" or a space, got "${username}"`;
  if ([...username].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return "must not contain control characters";
  return undefined;
}

/**
 * Why an account's password is refused before any call, or undefined: at most 64 characters, mixing
 * two of letters, digits and others. The minimum length is the tenant's (consoleSecurity), which only
 * HCP knows. The message never repeats the password.
 */
export function accountPasswordProblem(password: string): string | undefined {
  if (password.length === 0) return "must not be empty";
  if (password.length > 64) return "must have at most 64 characters";
  const groups = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((group) => group.test(password)).length;
  return groups < 2 ? "must mix at least two of: letters, digits, other characters" : undefined;
}

export const tenantRoles = ["ADMINISTRATOR", "COMPLIANCE", "MONITOR", "SECURITY"] as const;

/** Roles compared as a set of upper-case names. */
export function roleSet(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return [...new Set(value.map((role) => String(role).trim().toUpperCase()))].sort();
}
