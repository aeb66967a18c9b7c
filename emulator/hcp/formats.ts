import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { badRequest, unsupportedMediaType } from "./errors";
import type { Quota, QuotaUnit } from "./state";

export type BodyFormat = "xml" | "json";
export type AnswerFormat = BodyFormat | "csv";

export const MEDIA_TYPES: Record<AnswerFormat, string> = {
  xml: "application/xml",
  json: "application/json",
  csv: "text/csv",
};

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const xmlParser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
});
const compactXml = new XMLBuilder({});
const prettyXml = new XMLBuilder({ format: true, indentBy: "    " });

const mediaTypeOf = (headerValue: string): string => headerValue.split(";")[0].trim().toLowerCase();

/** The format of an answer with a body, from the Accept header; XML when there is none. */
export function answerFormat(accept: string | undefined, csvAllowed: boolean): AnswerFormat {
  if (accept === undefined || accept.trim() === "") return "xml";
  // Choice: media ranges are taken in the order listed, ignoring q-values; application/javascript (JSONP) is not offered.
  for (const range of accept.split(",").map(mediaTypeOf)) {
    if (range === "application/xml" || range === "application/*" || range === "*/*") return "xml";
    if (range === "application/json") return "json";
    if (range === "text/csv" && csvAllowed) return "csv";
  }
  throw unsupportedMediaType(`Unsupported media type in Accept: ${accept}`);
}

/** The format of a request body, from its Content-Type (required whenever there is a body). */
export function bodyFormat(contentType: string | undefined): BodyFormat {
  if (contentType === undefined) throw unsupportedMediaType("A request body needs a Content-Type header.");
  const type = mediaTypeOf(contentType);
  if (type === "application/xml") return "xml";
  if (type === "application/json") return "json";
  throw unsupportedMediaType(`Unsupported media type in Content-Type: ${contentType}`);
}

/** The properties of an XML or JSON body; XML must have one of `roots` as its root element. */
export function parseBody(
  text: string,
  format: BodyFormat,
  roots: readonly string[],
): Record<string, unknown> {
  if (format === "json") return readObject(parseJson(text), "request body");
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw badRequest(`Malformed XML: ${verdict.err.msg}`);
  const document = xmlParser.parse(text) as Record<string, unknown>;
  const [root, ...others] = Object.keys(document);
  if (!roots.includes(root) || others.length > 0) throw badRequest(`The root element must be <${roots[0]}>.`);
  return readObject(document[root], roots[0]);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`Malformed JSON: ${(err as Error).message}`);
  }
}

/** XML with the declaration and `root` as the root element, or JSON of `content` itself. */
export function renderDocument(root: string, content: unknown, format: BodyFormat, pretty: boolean): string {
  if (format === "json") return pretty ? JSON.stringify(content, null, 2) : JSON.stringify(content);
  const builder = pretty ? prettyXml : compactXml;
  return `${XML_DECLARATION}${pretty ? "\n" : ""}${builder.build({ [root]: content })}`;
}

/** CSV with a header line; every line ends with a newline. */
export function renderCsv(header: readonly string[], rows: readonly (string | number | boolean)[][]): string {
  return [header, ...rows].map((cells) => `${cells.map(csvCell).join(",")}\n`).join("");
}

function csvCell(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const TRUE_SPELLINGS = new Set(["true", "t", "1"]);

/** true/t/1 are true; any other text, including invalid spellings, is false (as documented). */
export function readBoolean(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  // Choice: a Boolean is a JSON Boolean or text; a JSON number or structure is not a documented form (400).
  if (typeof value !== "string")
    throw badRequest("Invalid value: a Boolean is required (true, false, t, f, 1 or 0).");
  return TRUE_SPELLINGS.has(value);
}

/** An integer given as a number or a numeric string, within [min, max]. */
export function readInteger(value: unknown, name: string, min: number, max: number): number {
  const number =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^[-+]?\d+$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isInteger(number)) throw badRequest(`Invalid value for '${name}': an integer is required.`);
  if (number < min || number > max) throw badRequest(`'${name}' must be from ${min} through ${max}.`);
  return number;
}

/** A scalar as text, at most `maxLength` characters. */
export function readText(value: unknown, name: string, maxLength: number): string {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    throw badRequest(`Invalid value for '${name}': text is required.`);
  }
  const text = String(value);
  if ([...text].length > maxLength) throw badRequest(`'${name}' must be at most ${maxLength} characters.`);
  return text;
}

/** A structure; an empty XML element counts as an empty one. */
export function readObject(value: unknown, name: string): Record<string, unknown> {
  if (value === "") return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest(`Invalid value for '${name}': a structure is required.`);
  }
  return value as Record<string, unknown>;
}

/** The entries of a wrapped list: `<tags><tag>…` in XML, `{"tag":[…]}` in JSON (a bare array is accepted too). */
export function readItems(value: unknown, item: string, name: string): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value)) return value;
  const wrapper = readObject(value, name);
  const stray = Object.keys(wrapper).find((key) => key !== item);
  if (stray !== undefined) throw badRequest(`'${name}' may hold only '${item}' entries, not '${stray}'.`);
  const entries = wrapper[item];
  if (entries === undefined) return [];
  return Array.isArray(entries) ? entries : [entries];
}

export function readTextList(value: unknown, item: string, name: string, maxLength: number): string[] {
  return readItems(value, item, name).map((entry) => readText(entry, item, maxLength));
}

/** One of `allowed`, returned in its canonical spelling. */
export function readEnum<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  caseSensitive: boolean,
): T {
  const text = readText(value, name, 256);
  const match = allowed.find((option) => (caseSensitive ? option === text : sameText(option, text)));
  if (match === undefined)
    throw badRequest(`Invalid value for '${name}'. Valid values are ${allowed.join(", ")}.`);
  return match;
}

const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const QUOTA_PATTERN = /^(\d+(?:\.\d{1,2})?) (MB|GB|TB)$/;

/** "100 GB", "100.00 GB" or "1.5 TB": a number with at most two decimals, a space and the unit, as documented. */
export function parseQuota(value: unknown, name: string): Quota {
  const match = QUOTA_PATTERN.exec(readText(value, name, 64));
  if (!match) throw badRequest(`Invalid value for '${name}': use a number and MB, GB or TB, e.g. "100 GB".`);
  return { amount: Number(match[1]), unit: match[2].toUpperCase() as QuotaUnit };
}

// Choice: quotas are rendered with two decimals ("100.00 GB") in XML as well as JSON.
export const formatQuota = (quota: Quota): string => `${quota.amount.toFixed(2)} ${quota.unit}`;

export interface Timestamp {
  ms: number;
  offsetMinutes: number;
}

const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})$/;

/**
 * yyyy-MM-ddTHH:mm:ss±hhmm, the one documented form. An unencoded '+' in a query arrives as a space and is
 * refused: it must travel as %2B.
 */
export function parseTimestamp(text: string, name: string): Timestamp {
  const match = TIMESTAMP_PATTERN.exec(text);
  if (!match) throw badRequest(`Invalid value for '${name}': use yyyy-MM-ddTHH:mm:ss±hhmm.`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const sign = match[7] === "-" ? -1 : 1;
  const offsetMinutes = sign * (Number(match[8]) * 60 + Number(match[9]));
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClock);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw badRequest(`Invalid value for '${name}': no such date and time.`);
  }
  return { ms: wallClock - offsetMinutes * 60_000, offsetMinutes };
}

/** The instant `ms` as yyyy-MM-ddTHH:mm:ss±hhmm, on the clock of the given UTC offset. */
export function formatTimestamp(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  const magnitude = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? "-" : "+"}${two(Math.floor(magnitude / 60))}${two(magnitude % 60)}`;
  return `${date}T${time}${offset}`;
}
