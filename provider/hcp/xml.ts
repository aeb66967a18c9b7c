import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { normaliseBoolean } from "../core/normalise";

/**
 * MAPI XML: property names are element names, and every list is a wrapper element holding one element
 * per entry (`<tags><tag>a</tag></tags>`). In memory a list is a plain array, whatever its length; the
 * wrappers exist only on the wire.
 */

/** Wrapper element → entry element, for the lists inside the data types this project uses. */
export const listEntries: Readonly<Record<string, string>> = {
  tags: "tag",
  authenticationTypes: "authenticationType",
  allowAddresses: "ipAddress",
  denyAddresses: "ipAddress",
  permissions: "permission",
  recipients: "recipient",
  roles: "role",
};

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

// Tag values stay text: "0001" or "5" must not turn into numbers before the data type says what they are.
const parserOptions = { ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false };

export type XmlObject = Record<string, unknown>;

/** A document's root element and its content, lists unwrapped into arrays. */
export interface XmlDocument {
  root: string;
  content: unknown;
}

/** Parses a MAPI answer; malformed XML is an error naming what was being read. */
export function parseXml(text: string, what: string): XmlDocument {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw new Error(`HCP answered malformed XML for ${what}: ${verdict.err.msg}`);
  // Parser and builder are made per call: a module-level instance would be captured into the serialized provider.
  const parsed = new XMLParser(parserOptions).parse(text) as XmlObject;
  const [root, ...others] = Object.keys(parsed);
  if (root === undefined || others.length > 0)
    throw new Error(`HCP answered XML without one root for ${what}`);
  return { root, content: unwrapLists(parsed[root]) };
}

/** The content of a document whose root must be `root`, as an object ("" for an empty element is {}). */
export function parseXmlObject(text: string, root: string, what: string): XmlObject {
  const document = parseXml(text, what);
  if (document.root !== root)
    throw new Error(`HCP answered <${document.root}> instead of <${root}> for ${what}`);
  return asObject(document.content);
}

/** The entries of a list document such as `<tenants><name>a</name>…</tenants>`. */
export function parseXmlList(text: string, root: string, entry: string, what: string): unknown[] {
  return entriesOf(parseXmlObject(text, root, what), entry);
}

/** A request body: `<?xml …?><root>…</root>`, arrays of known lists wrapped, undefined and null left out. */
export function buildXml(root: string, content: XmlObject): string {
  return `${declaration}${new XMLBuilder({}).build({ [root]: wrapLists(content) })}`;
}

/** A list body such as `<permissions><permission>READ</permission></permissions>`. */
export function buildXmlList(root: string, entry: string, entries: readonly unknown[]): string {
  return `${declaration}${new XMLBuilder({}).build({ [root]: { [entry]: entries.map(wrapLists) } })}`;
}

function asObject(value: unknown): XmlObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as XmlObject) : {};
}

/** The entries of a wrapper: absent or empty is [], one entry is [entry]. */
function entriesOf(wrapper: unknown, entry: string): unknown[] {
  const value = asObject(wrapper)[entry];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function unwrapLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapLists);
  if (typeof value !== "object" || value === null) return value;
  const result: XmlObject = {};
  for (const [key, child] of Object.entries(value)) {
    const entry = listEntries[key];
    result[key] = entry ? entriesOf(child, entry).map(unwrapLists) : unwrapLists(child);
  }
  return result;
}

function wrapLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wrapLists);
  if (typeof value !== "object" || value === null) return value;
  const result: XmlObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined || child === null) continue;
    const entry = listEntries[key];
    result[key] = entry && Array.isArray(child) ? { [entry]: child.map(wrapLists) } : wrapLists(child);
  }
  return result;
}

/**
 * What each property of a data type holds, so XML text becomes typed values. A nested Shape is a
 * structure; `[Shape]` a list of structures. Properties a shape does not name stay as parsed.
 */
export type FieldKind = "string" | "integer" | "boolean" | "strings" | Shape | readonly [Shape];
export interface Shape {
  readonly [property: string]: FieldKind;
}

/** The parsed content read as `shape` says: numbers, booleans, lists and nested structures. */
export function typed<T>(shape: Shape, content: unknown): T {
  return typedObject(shape, content) as T;
}

function typedObject(shape: Shape, content: unknown): XmlObject {
  const result: XmlObject = {};
  for (const [key, value] of Object.entries(asObject(content))) {
    const kind = shape[key];
    result[key] = kind === undefined ? value : typedValue(kind, value);
  }
  return result;
}

function typedValue(kind: FieldKind, value: unknown): unknown {
  if (kind === "string") return value === undefined || value === null ? "" : String(value);
  if (kind === "integer") return toInteger(value);
  if (kind === "boolean") return normaliseBoolean(value) ?? false;
  if (kind === "strings") return listOf(value).map((entry) => String(entry));
  if (Array.isArray(kind))
    return listOf(value).map((entry) => typedObject((kind as readonly [Shape])[0], entry));
  return typedObject(kind as Shape, value);
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null || value === "" ? [] : [value];
}

function toInteger(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : Number(String(value).trim());
  return Number.isFinite(number) && String(value).trim() !== "" ? number : undefined;
}
