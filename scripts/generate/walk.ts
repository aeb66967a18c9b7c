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

/** Every named object type of all specs, each once; one name must mean one type. */
export function allObjectTypes(specs: readonly ResourceSpec[]): Extract<ValueSpec, { type: "object" }>[] {
  const found = new Map<string, Extract<ValueSpec, { type: "object" }>>();
  for (const object of specs.flatMap(objectTypes)) {
    const known = found.get(object.typeName);
    if (known && known !== object) throw new Error(`two different object types are named ${object.typeName}`);
    found.set(object.typeName, object);
  }
  return [...found.values()];
}
