import type { ResourceSpec, ValueSpec } from "../core/spec";
import { mappedProperties } from "../core/wire";
import type { FieldKind, Shape } from "./xml";

/** The XML kind of a program value: lists of text are `strings`, objects structures of their fields; anything else not a number or flag is text. */
function kindOf(value: ValueSpec): FieldKind {
  if (value.type === "array")
    return value.items.type === "object" ? [kindOf(value.items) as Shape] : "strings";
  if (value.type === "object")
    return Object.fromEntries(Object.entries(value.fields).map(([key, field]) => [key, kindOf(field.value)]));
  return value.type === "integer" || value.type === "boolean" ? value.type : "string";
}

/** The XML shape of a document from its spec: each mapped property's element and the type the API holds. */
export function elementShape(spec: ResourceSpec): Shape {
  const shape: Record<string, FieldKind> = {};
  for (const [key, wire] of mappedProperties(spec))
    shape[wire.path] = wire.codec.wireType ?? kindOf(spec.properties[key].value);
  return shape;
}
