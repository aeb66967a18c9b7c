import { isMark } from "../core/ownership";
import type { Codec } from "../core/wire";
import { wireQuota } from "./values";

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

/** An account's roles in HCP's spelling (the program may give any case); HCP answers them so. */
export const upperCaseRoles: Codec = {
  name: "roles in upper case",
  toWire: (value) => (Array.isArray(value) ? value.map((role) => String(role).toUpperCase()) : value),
  fromWire: (value) => value ?? undefined,
};
