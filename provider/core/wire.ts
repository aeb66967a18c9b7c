import type { ResourceSpec } from "./spec";

/**
 * Where a property lives in the API object, and how its value is written there. Create and update bodies,
 * read's outputs and `export` all derive from it, so a mapped property is one edit of its spec.
 */

/**
 * The resource's other values, for a field that carries them too (a user's roles name the user and its
 * tenant): the inputs being written, or the given values a read starts from.
 */
export type WireContext = Readonly<Record<string, unknown>>;

/** A named conversion between the program's value and the API's. */
export interface Codec {
  readonly name: string;
  /** The API's type where it differs from the program's (a mode kept as a boolean). */
  readonly wireType?: "string" | "integer" | "boolean";
  toWire(value: unknown, context?: WireContext): unknown;
  /** The program's value for the API's, or undefined when the API holds none; `given`: the program's own. */
  fromWire(value: unknown, given?: unknown, context?: WireContext): unknown;
  /** With a `readPath`: what answers hold there once a written value has taken effect (the round trip's API). */
  answered?(written: unknown): unknown;
}

/** When the property is sent: in both bodies (default), only at create, only at update, or never (another call writes it). */
export type WireWrite = "always" | "create" | "update" | "never";

export interface WireSpec {
  /** A dotted path in the API object (`contact.email`, `settings.enhanced_security`), or an element name. */
  path: string;
  /** Where answers hold it, when not at `path` (written as `enabled`, answered as `mfa_status`). */
  readPath?: string;
  /** Default: `identity`. */
  codec?: Codec;
  /** Default: `always`. */
  write?: WireWrite;
  /** false: no answer holds it (set at create and never shown): read keeps the value the program gave. */
  read?: boolean;
}

/** The same value on both sides; null, the API's "none", reads as absent. */
export const identity: Codec = {
  name: "identity",
  toWire: (value) => value,
  fromWire: (value) => value ?? undefined,
};

/** A boolean the API keeps as 0 or 1. */
export const zeroOne: Codec = {
  name: "boolean as 0/1",
  toWire: (value) => (value === undefined ? undefined : value ? 1 : 0),
  fromWire: (value) => (value === undefined || value === null ? undefined : value === 1 || value === "1"),
};

/** Text the API answers as absent when empty: read gives "" so an input that clears the field matches. */
export const text: Codec = {
  name: "text",
  toWire: (value) => value,
  fromWire: (value) => (typeof value === "string" ? value : ""),
};

/** A list the API may answer as null or leave out (Acronis redirect URIs, HCP recipients): read gives []. */
export const listOrEmpty: Codec = {
  name: "list, none as empty",
  toWire: (value) => value,
  fromWire: (value) => (Array.isArray(value) ? value : []),
};

/**
 * An object of text fields of which the program manages only the keys it gives (a contact): read gives those
 * keys, "" where the API holds none; without given keys (an export), every field the API holds.
 */
export function givenKeys(fields: readonly string[]): Codec {
  return {
    name: "given keys",
    toWire: (value) => value,
    fromWire(value, given) {
      const held = (value ?? {}) as Record<string, unknown>;
      const keys = given && typeof given === "object" ? Object.keys(given) : fields.filter((k) => k in held);
      if (!given && keys.length === 0) return undefined;
      return Object.fromEntries(keys.map((k) => [k, typeof held[k] === "string" ? held[k] : ""]));
    },
  };
}

/** The value at a dotted path, or undefined where a step is missing. */
export function getPath(object: unknown, path: string): unknown {
  let at: unknown = object;
  for (const step of path.split(".")) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** Sets a value at a dotted path, making the objects on the way. */
export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const steps = path.split(".");
  let at = object;
  for (const step of steps.slice(0, -1)) {
    if (at[step] === null || typeof at[step] !== "object") at[step] = {};
    at = at[step] as Record<string, unknown>;
  }
  at[steps[steps.length - 1]] = value;
}

/** A mapping with its defaults filled in. */
const complete = (wire: WireSpec): Required<WireSpec> => ({
  codec: identity,
  write: "always",
  read: true,
  ...wire,
  readPath: wire.readPath ?? wire.path,
});

/** The properties of a spec that name an API field, with their mapping. */
export function mappedProperties(spec: ResourceSpec): [string, Required<WireSpec>][] {
  return Object.entries(spec.properties).flatMap(([key, p]): [string, Required<WireSpec>][] =>
    p.wire ? [[key, complete(p.wire)]] : [],
  );
}

/**
 * The API body for these inputs: every mapped property the inputs give and `stage` sends, through its
 * codec (which sees the other inputs). `keys` limits it to some properties (the managed ones, the changed ones).
 */
export function toWire(
  spec: ResourceSpec,
  inputs: Record<string, unknown>,
  stage: "create" | "update" = "create",
  keys?: readonly string[],
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, wire] of mappedProperties(spec)) {
    if (keys && !keys.includes(key)) continue;
    if (wire.write === "never" || (wire.write !== "always" && wire.write !== stage)) continue;
    const value = wire.codec.toWire(inputs[key], inputs);
    if (value !== undefined) setPath(body, wire.path, value);
  }
  return body;
}

/**
 * The program's values of the mapped properties as the API object holds them; a property no answer holds
 * takes its value from `given` (the inputs it was created with, which the codecs also see).
 */
export function fromWire(
  spec: ResourceSpec,
  api: unknown,
  given: Record<string, unknown> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, wire] of mappedProperties(spec))
    values[key] = wire.read
      ? wire.codec.fromWire(getPath(api, wire.readPath), given[key], given)
      : given[key];
  return values;
}

/** The API field names of the mapped properties at the top of the object (the XML elements HCP sends). */
export function wireFields(spec: ResourceSpec): string[] {
  return [...new Set(mappedProperties(spec).map(([, wire]) => wire.path.split(".")[0]))];
}
