import {
  adoptSettingProperty,
  type FieldSpec,
  inputKeys,
  type PropertySpec,
  type ResourceSpec,
  type ValueSpec,
} from "../../core/spec";
import type { Validator } from "../../core/validate";
import { addressSet, isAddressEntry, isQuota, lowerCase, quotaBytes } from "../values";

/** What several HCP specs share: the tenant and its account, ipSettings, quotas, enumerations in any case. */

/** The tenant-level role an account needs to change a settings document. */
export type TenantRole = "SECURITY" | "ADMINISTRATOR";

/** The keys of a tenant-setting resource that are not settings: which tenant, and how to sign in there. */
export const accountKeys: readonly string[] = ["tenant", "username", "password", "adopt"];

/** The tenant a settings resource belongs to, and the tenant-level account the provider signs in with. */
export function tenantAccount(role: TenantRole): Record<string, PropertySpec> {
  // HCP gives the initial user SECURITY alone (it then grants roles), so it fits only SECURITY settings.
  const example =
    role === "SECURITY"
      ? "e.g. the tenant's initial user"
      : "the tenant's initial user has only SECURITY, so grant it ADMINISTRATOR or use another account";
  return {
    tenant: {
      value: { type: "string", minLength: 1, maxLength: 63 },
      required: true,
      // Another tenant's document is another object; the old one gets its defaults back afterwards.
      replaces: "createFirst",
      normalise: lowerCase,
      doc: "The tenant's name; the resource id. Compared case-insensitively. A change replaces the resource.",
    },
    username: {
      value: { type: "string", minLength: 1, maxLength: 64 },
      notCompared: true,
      doc:
        `A tenant-level account with the ${role} role (${example}), used to sign in at \`<tenant>.<domain>\`. ` +
        "Without it the system-level account (`hcp:username`) is used, which works only where the tenant allows " +
        "administration by system-level accounts. Not a setting: never compared, only kept so refresh and " +
        "destroy can sign in (a new value is stored with the next update).",
    },
    password: {
      value: { type: "string", minLength: 1 },
      secret: true,
      notCompared: true,
      doc: "The password of `username`, given with it. Always stored as a secret; never compared.",
    },
    adopt: adoptSettingProperty("the tenant's settings"),
  };
}

/** username and password come together: one without the other cannot sign in. */
export function checkAccount(v: Validator, news: Record<string, unknown>): void {
  if ((news.username === undefined) === (news.password === undefined)) return;
  const [missing, given] = news.username === undefined ? ["username", "password"] : ["password", "username"];
  v.fail(missing, `${missing} is required with ${given}`);
}

/** The settings of a tenant-setting spec: its inputs without the tenant and the account. */
export function settingKeys(spec: ResourceSpec): string[] {
  return inputKeys(spec).filter((key) => !accountKeys.includes(key));
}

/** Settings that are the elements of their names in their document, unless a setting's own `wire` says otherwise. */
export function namedElements(settings: Record<string, PropertySpec>): Record<string, PropertySpec> {
  return Object.fromEntries(
    Object.entries(settings).map(([key, p]) => [key, { ...p, wire: { path: key, ...p.wire } }]),
  );
}

// --- ipSettings (reference §10)

const addressProblem = (entry: string): string | undefined =>
  isAddressEntry(entry)
    ? undefined
    : `must be an IP address, a CIDR block (10.0.0.0/8, fd00::/8) or address/netmask, got "${entry}"`;

const addressList = (doc: string): FieldSpec => ({
  value: { type: "array", items: { type: "string", rule: addressProblem } },
  doc,
});

export const ipSettingsKeys = ["allowAddresses", "denyAddresses", "allowIfInBothLists"] as const;

/** Allow and deny lists of addresses; only the members given are managed. */
export const ipSettings: ValueSpec = {
  type: "object",
  typeName: "HcpIpSettings",
  doc: "Which client addresses may connect: allow and deny lists. Only the members given are managed; as an output, those members as HCP holds them.",
  fields: {
    allowAddresses: addressList(
      'Addresses allowed in: single IPv4 or IPv6 addresses, CIDR blocks (10.0.0.0/8, fd00::/8) or IPv4 address/netmask, or comma-separated lists of them. Compared as a set. HCP default ["0.0.0.0/0"].',
    ),
    denyAddresses: addressList("Addresses kept out, in the same forms. Compared as a set. HCP default none."),
    allowIfInBothLists: {
      value: { type: "boolean" },
      doc: "Whether an address in both lists is allowed in (HCP default true).",
    },
  },
};

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

// --- values

/** `"<number with at most 2 decimals> <MB|GB|TB>"`, at least `minimum` when given. */
export function quotaRule(example: string, minimum?: string): (value: string) => string | undefined {
  return (value) => {
    if (!isQuota(value))
      return `must be a number with at most 2 decimals and MB, GB or TB, e.g. "${example}", got "${value}"`;
    if (minimum !== undefined && (quotaBytes(value) as number) < (quotaBytes(minimum) as number))
      return `must be at least ${minimum}, got "${value}"`;
    return undefined;
  };
}

/** An enumeration HCP reads in any case. */
export function oneOfAnyCase(allowed: readonly string[]): (value: string) => string | undefined {
  return (value) =>
    allowed.some((a) => a.toLowerCase() === value.toLowerCase())
      ? undefined
      : `must be one of ${allowed.join(", ")} (any case), got "${value}"`;
}
