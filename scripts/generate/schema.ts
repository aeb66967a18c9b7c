import { isInput, type ResourceSpec, type ValueSpec } from "../../provider/core/spec";
import { propertyOfKey, typeToken as token } from "../../provider/plugin/tokens";
import { objectTypes } from "./walk";

type Json = Record<string, unknown>;

/** A value in the Pulumi package schema's type language. */
function schemaType(spec: ResourceSpec, value: ValueSpec): Json {
  switch (value.type) {
    case "string":
      return value.enum
        ? { type: "string", enum: value.enum.map((v) => ({ value: v })) }
        : { type: "string" };
    case "boolean":
      return { type: "boolean" };
    case "integer":
      return { type: "integer" };
    case "array":
      return { type: "array", items: schemaType(spec, value.items) };
    case "object":
      return { $ref: `#/types/${token(spec, value.typeName)}` };
    case "custom":
      return value.schema;
  }
}

function property(spec: ResourceSpec, value: ValueSpec, doc: string, secret?: boolean): Json {
  return { ...schemaType(spec, value), description: doc, ...(secret ? { secret: true } : {}) };
}

/** A resource of schema.json: inputs, required inputs, outputs and required outputs. */
export function schemaResource(spec: ResourceSpec): Json {
  const entries = Object.entries(spec.properties);
  const inputs = entries.filter(([, p]) => isInput(p));
  return {
    description: `${spec.doc} The resource id: ${spec.id}`,
    inputProperties: Object.fromEntries(
      inputs.map(([name, p]) => [name, property(spec, p.value, p.doc, p.secret)]),
    ),
    requiredInputs: inputs.filter(([, p]) => p.required).map(([name]) => name),
    properties: Object.fromEntries(
      entries.map(([name, p]) => [name, property(spec, p.value, p.doc, p.secret)]),
    ),
    required: entries.filter(([, p]) => p.required || p.isId).map(([name]) => name),
  };
}

/** The object types of schema.json the resources use. */
export function schemaTypes(spec: ResourceSpec): Record<string, Json> {
  const types: Record<string, Json> = {};
  for (const object of objectTypes(spec)) {
    types[token(spec, object.typeName)] = {
      type: "object",
      description: object.doc,
      properties: Object.fromEntries(
        Object.entries(object.fields).map(([name, field]) => [name, property(spec, field.value, field.doc)]),
      ),
      required: Object.entries(object.fields)
        .filter(([, field]) => field.required)
        .map(([name]) => name),
    };
  }
  return types;
}

/**
 * The provider plugin's own properties: each stack key of `config.variables` (`acronis:baseUrl`) under its
 * camelCase name (`acronisBaseUrl`), same type, doc and secrecy. No defaults: an unset property falls back
 * to its environment variable, as the key does.
 */
export function providerSchema(variables: Record<string, Json>): Json {
  const inputProperties = Object.fromEntries(
    Object.entries(variables).flatMap(([key, { default: _fallback, ...variable }]) => {
      const property = propertyOfKey(key);
      return property
        ? [
            [
              property,
              {
                ...variable,
                description: `${variable.description} Stack key of the dynamic resources: \`${key}\`.`,
              },
            ],
          ]
        : [];
    }),
  );
  return {
    description:
      "The tenant-estates provider plugin: one instance per Acronis data center and HCP system. Each property also falls back to its environment variable.",
    inputProperties,
    properties: inputProperties,
  };
}

/** The `#/types/…` tokens a schema fragment refers to. */
function referencedTypes(fragment: unknown): string[] {
  return [...JSON.stringify(fragment).matchAll(/"#\/types\/([^"]+)"/g)].map((m) => m[1]);
}

/**
 * schema.json with its resources and their types derived from the specs. Config, functions, resources
 * without a spec and the types those use are kept as they are.
 */
export function packageSchema(current: Json, specs: readonly ResourceSpec[]): Json {
  const resources: Record<string, Json> = {};
  for (const spec of specs) resources[token(spec, spec.type)] = schemaResource(spec);
  const currentResources = (current.resources ?? {}) as Record<string, Json>;
  const kept = Object.keys(currentResources).filter((name) => !(name in resources));
  for (const name of kept) resources[name] = currentResources[name];
  const currentTypes = (current.types ?? {}) as Record<string, Json>;
  const types: Record<string, Json> = {};
  const keep = referencedTypes([kept.map((name) => currentResources[name]), current.functions]);
  while (keep.length > 0) {
    const name = keep.pop() as string;
    if (types[name] || !currentTypes[name]) continue;
    types[name] = currentTypes[name];
    keep.push(...referencedTypes(currentTypes[name]));
  }
  for (const spec of specs) Object.assign(types, schemaTypes(spec));
  const variables = ((current.config as Json | undefined)?.variables ?? {}) as Record<string, Json>;
  return { ...current, provider: providerSchema(variables), types, resources };
}
