/** Reads a body off the wire into the value its schema describes: JSON as is, forms and XML as text. */
import { XMLParser } from "fast-xml-parser";

export type BodyReading = { value: unknown; textual: boolean } | { problem: string };

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
});

export function bodyValue(text: string, contentType: string | undefined, xmlRoot?: string): BodyReading {
  const media = contentType?.split(";")[0].trim().toLowerCase() ?? "";
  if (media === "application/json") {
    try {
      return { value: JSON.parse(text), textual: false };
    } catch {
      return { problem: "not valid JSON" };
    }
  }
  if (media === "application/x-www-form-urlencoded") {
    return { value: Object.fromEntries(new URLSearchParams(text)), textual: true };
  }
  if (media === "application/xml" || media === "text/xml") return xmlValue(text, xmlRoot);
  return { problem: `media type ${JSON.stringify(media)} is not one the contract reads` };
}

/** An XML document as its JSON form: the root element's children, elements as keys, text as strings. */
function xmlValue(text: string, xmlRoot: string | undefined): BodyReading {
  let parsed: Record<string, unknown>;
  try {
    parsed = xml.parse(text, true) as Record<string, unknown>;
  } catch (err) {
    return { problem: `not well-formed XML (${(err as Error).message})` };
  }
  const roots = Object.keys(parsed);
  if (roots.length !== 1) return { problem: `one root element expected, found ${roots.length}` };
  if (xmlRoot && roots[0] !== xmlRoot)
    return { problem: `root element <${roots[0]}>, expected <${xmlRoot}>` };
  const content = parsed[roots[0]];
  // An empty element (<tenant/>) is an object without properties.
  return { value: content === "" ? {} : content, textual: true };
}
