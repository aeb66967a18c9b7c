import type { Codec } from "../core/wire";

/** The conversions between Acronis's fields and the programs' values, named for the specs' `wire` entries. */

/** A flag the API keeps as a status, `enabled` or `disabled`: any other status (or none) is not enabled. */
export const enabledStatus: Codec = {
  name: "enabled as status",
  wireType: "string",
  toWire: (value) => (value === undefined ? undefined : value ? "enabled" : "disabled"),
  fromWire: (value) => value === "enabled",
};
