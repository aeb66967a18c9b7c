import type { ValueSpec } from "../../core/spec";

/** Value specs more than one Acronis resource uses. */
export const uuid: ValueSpec = { type: "string", format: "uuid" };
export const languageCode: ValueSpec = {
  type: "string",
  pattern: /^[a-z]{2}(-[A-Z]{2})?$/,
  patternHint: "a language code such as en or en-US",
};
export const text = (maxLength: number): ValueSpec => ({ type: "string", maxLength });
export const email: ValueSpec = { type: "string", format: "email" };
