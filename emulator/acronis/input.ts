/** Reading request values; query strings and the control API carry text, so booleans and ints accept strings. */
import { invalid } from "./errors";

export type Json = Record<string, unknown>;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string =>
  typeof value === "string" && UUID_PATTERN.test(value);

export function asObject(value: unknown, what: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalid(`${what} must be a JSON object`);
  return value as Json;
}

export function toBool(value: unknown, name: string): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "True") return true;
  if (value === "false" || value === "False") return false;
  throw invalid(`"${name}" must be a boolean`);
}

export function toInt(value: unknown, name: string): number {
  const n = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n)) throw invalid(`"${name}" must be an integer`);
  return n;
}

export function toNumber(value: unknown, name: string): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) throw invalid(`"${name}" must be a number`);
  return n;
}

export function optBool(body: Json, key: string): boolean | undefined {
  return body[key] === undefined ? undefined : toBool(body[key], key);
}

export function optInt(body: Json, key: string): number | undefined {
  return body[key] === undefined ? undefined : toInt(body[key], key);
}

// Choice: a write without `version` is 400 (not 409).
export function requiredVersion(body: Json): number {
  if (body.version === undefined || body.version === null) throw invalid(`"version" is required`);
  return toInt(body.version, "version");
}

export function optString(body: Json, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(`"${key}" must be a string`);
  return value;
}

export function optNullableString(body: Json, key: string): string | null | undefined {
  return body[key] === null ? null : optString(body, key);
}

export function requiredString(body: Json, key: string): string {
  const value = optString(body, key);
  if (value === undefined || value.trim() === "") throw invalid(`"${key}" is required`);
  return value;
}

export function optStringList(body: Json, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw invalid(`"${key}" must be an array of strings`);
  }
  return value as string[];
}

/** A boolean query flag: absent = false. */
export function queryFlag(query: URLSearchParams, key: string): boolean {
  const value = query.get(key);
  if (value === null) return false;
  if (value === "1") return true;
  if (value === "0") return false;
  return toBool(value.toLowerCase(), key);
}

/** Comma-separated ids from a query parameter. */
export function queryList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Drops undefined members so a spread never overwrites a default with undefined. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const EMAIL_PATTERN = /^\S+@\S+$/;

export const isEmail = (value: string): boolean => value.length >= 3 && EMAIL_PATTERN.test(value);

/** The media type of a Content-Type header, lower-cased, without parameters ("" when absent). */
export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0].trim().toLowerCase();
}
