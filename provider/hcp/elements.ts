import type { ResourceSpec } from "../core/spec";
import { mappedProperties } from "../core/wire";
import type { FieldKind, Shape } from "./xml";

/** The XML shape of a settings document from its spec: each mapped property's element and its type. */
export function elementShape(spec: ResourceSpec): Shape {
  const shape: Record<string, FieldKind> = {};
  for (const [key, wire] of mappedProperties(spec)) {
    const value = spec.properties[key].value;
    shape[wire.path] = value.type === "integer" ? "integer" : value.type === "boolean" ? "boolean" : "string";
  }
  return shape;
}
