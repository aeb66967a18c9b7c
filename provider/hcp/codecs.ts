import { isMark } from "../core/ownership";
import type { Codec } from "../core/wire";
import { normaliseNamespaceQuota, pickKeys, wireQuota } from "./values";

/** The conversions between HCP's elements and the programs' values, named for the specs' `wire` entries. */

/** A quota sent as HCP documents it (`50 GB`), read as HCP renders it (`50.00 GB`: specs compare by size). */
export const quota: Codec = {
  name: "quota",
  toWire: (value) => (typeof value === "string" ? wireQuota(value) : value),
  fromWire: (value) => value ?? undefined,
};

/** A namespace's retention mode, which HCP keeps as the boolean `enterpriseMode` (false is compliance). */
export const enterpriseMode: Codec = {
  name: "retention mode as enterpriseMode",
  wireType: "boolean",
  toWire: (value) => (value === undefined ? undefined : value === "enterprise"),
  fromWire: (value) => (typeof value === "boolean" ? (value ? "enterprise" : "compliance") : undefined),
};

/** Tags without the provider's ownership mark, which the provider adds and never shows. */
export const unmarkedTags: Codec = {
  name: "tags without the ownership mark",
  toWire: (value) => value,
  fromWire: (value) => (Array.isArray(value) ? value.filter((tag) => !isMark(tag)) : undefined),
};

/** A tenant's namespace quota, which HCP keeps as text: a count, or "None" for no limit. */
export const namespaceQuotaText: Codec = {
  name: "namespace quota as text",
  wireType: "string",
  toWire: (value) => (value === undefined ? undefined : String(value)),
  fromWire: (value) => (value === undefined ? undefined : normaliseNamespaceQuota(value)),
};

/** An account's roles in HCP's spelling (the program may give any case); HCP answers them so. */
export const upperCaseRoles: Codec = {
  name: "roles in upper case",
  toWire: (value) => (Array.isArray(value) ? value.map((role) => String(role).toUpperCase()) : value),
  fromWire: (value) => value ?? undefined,
};

/**
 * A structure of which the program manages only the members it gives (ipSettings, a template): read gives
 * those members as HCP holds them; without given ones (nothing managed yet), the structure HCP holds.
 */
export const givenMembers: Codec = {
  name: "given members",
  toWire: (value) => value,
  fromWire: (value, given) =>
    given && typeof given === "object" ? pickKeys(value ?? undefined, given) : (value ?? undefined),
};

/** An enumeration the program gives in any case, sent in the reference's spelling (HCP answers it so). */
export function spelledAs(allowed: readonly string[]): Codec {
  return {
    name: `one of ${allowed.join(", ")} as spelled`,
    toWire: (value) =>
      typeof value === "string"
        ? (allowed.find((a) => a.toLowerCase() === value.toLowerCase()) ?? value)
        : value,
    fromWire: (value) => value ?? undefined,
  };
}

/** The permission mask: each permission sent once; read sorted, as HCP holds a set. */
export const permissionSet: Codec = {
  name: "permission set",
  toWire: (value) => (Array.isArray(value) ? [...new Set(value)] : value),
  fromWire: (value) => (Array.isArray(value) ? [...value].sort() : undefined),
};
