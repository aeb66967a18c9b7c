import type { ResourceSpec, ValueSpec } from "../../provider/core/spec";

/** Every named object type a spec uses, outermost first, each once. */
export function objectTypes(spec: ResourceSpec): Extract<ValueSpec, { type: "object" }>[] {
  const found = new Map<string, Extract<ValueSpec, { type: "object" }>>();
  const visit = (value: ValueSpec) => {
    if (value.type === "array") visit(value.items);
    if (value.type !== "object" || found.has(value.typeName)) return;
    found.set(value.typeName, value);
    for (const field of Object.values(value.fields)) visit(field.value);
  };
  for (const property of Object.values(spec.properties)) visit(property.value);
  return [...found.values()];
}

/** A `camelCase` name as the file name the SDK and entry modules use. */
export const fileNameOf = (spec: ResourceSpec): string => spec.entry;
