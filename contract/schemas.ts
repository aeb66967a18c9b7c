/** Compiles a contract's schemas with ajv: one definitions document per API and per way of reading. */
import Ajv2019, { type ErrorObject, type ValidateFunction } from "ajv/dist/2019";
import addFormats from "ajv-formats";
import type { ContractFile, Schema } from "./document";

/**
 * How a body is read. `request`: as the contract writes it. `answer`: every object that lists its properties
 * refuses others, so an emulator cannot invent fields. `coerced`: values arrive as text (query strings, XML),
 * converted to the schema's types, a lone element to a one-item list. `coercedAnswer`: both (XML answers).
 */
export type Reading = "request" | "answer" | "coerced" | "coercedAnswer";

const coerces = (reading: Reading): boolean => reading === "coerced" || reading === "coercedAnswer";
const closes = (reading: Reading): boolean => reading === "answer" || reading === "coercedAnswer";

export class SchemaSet {
  private readonly compilers = new Map<Reading, Ajv2019>();
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly definitions: Record<string, Schema>;

  constructor(
    private readonly api: string,
    files: readonly ContractFile[],
  ) {
    this.definitions = mergeDefinitions(files);
  }

  /** Problems of `value` against `schema`, each as `path: message`; [] when it conforms. */
  problems(schema: Schema, value: unknown, reading: Reading): string[] {
    const validate = this.compiled(schema, reading);
    if (validate(coerces(reading) ? this.shaped(schema, value) : value)) return [];
    return (validate.errors ?? []).map(describe);
  }

  /**
   * Text read off XML has no types: an empty element becomes an object where the schema wants one, and a
   * lone element a one-item list (ajv's coercion does both for plain values only).
   */
  private shaped(schema: Schema | undefined, value: unknown): unknown {
    const target = this.resolved(schema);
    if (!target) return value;
    const types = ([] as unknown[]).concat(target.type ?? []);
    if (types.includes("array") && value !== undefined && !Array.isArray(value)) value = [value];
    if (types.includes("object") && value === "") value = {};
    if (Array.isArray(value)) return value.map((v) => this.shaped(target.items as Schema | undefined, v));
    if (value === null || typeof value !== "object") return value;
    const branches = [target, ...((target.anyOf ?? target.oneOf ?? target.allOf ?? []) as Schema[])];
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const branch of branches.map((b) => this.resolved(b))) {
      const properties = (branch?.properties ?? {}) as Record<string, Schema>;
      for (const [name, property] of Object.entries(properties))
        if (name in out) out[name] = this.shaped(property, out[name]);
    }
    return out;
  }

  private resolved(schema: Schema | undefined): Schema | undefined {
    return resolvedIn(this.definitions, schema);
  }

  private compiled(schema: Schema, reading: Reading): ValidateFunction {
    const key = `${reading}\u0000${JSON.stringify(schema)}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.compiler(reading).compile(this.rebased(schema, reading, false));
      this.cache.set(key, validate);
    }
    return validate;
  }

  private compiler(reading: Reading): Ajv2019 {
    let ajv = this.compilers.get(reading);
    if (!ajv) {
      ajv = new Ajv2019({
        strict: true,
        // Closing adds `unevaluatedProperties` beside a `$ref`, which has no `type` of its own.
        strictTypes: false,
        allErrors: true,
        coerceTypes: coerces(reading) ? "array" : false,
      });
      addFormats(ajv);
      const definitions = Object.fromEntries(
        Object.entries(this.definitions).map(([name, s]) => [name, this.rebased(s, reading, true)]),
      );
      ajv.addSchema({ $id: this.id(reading), definitions });
      this.compilers.set(reading, ajv);
    }
    return ajv;
  }

  private id(reading: Reading): string {
    return `urn:contract:${this.api}:${reading}`;
  }

  /**
   * Points `#/definitions/x` at the shared document; for answers, closes objects (see Reading) where they are
   * used: a definition's own root stays open, since `allOf` may compose it with siblings.
   */
  private rebased(schema: Schema, reading: Reading, isDefinition: boolean): Schema {
    const base = this.id(reading);
    const close = closes(reading);
    // Subschemas that see only part of the object: closing them would refuse their siblings' fields.
    const partial = new Set(["allOf", "not", "if", "then", "else"]);
    const walk = (node: unknown, part: boolean): unknown => {
      if (Array.isArray(node)) return node.map((n) => walk(n, part));
      if (node === null || typeof node !== "object") return node;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string" && v.startsWith("#/")) out[k] = `${base}${v}`;
        else if ((k === "properties" || k === "definitions") && v && typeof v === "object")
          out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, walk(s, false)]));
        else out[k] = walk(v, partial.has(k));
      }
      const objectLike = "properties" in out || "allOf" in out || "$ref" in out;
      const open = "additionalProperties" in out || "unevaluatedProperties" in out;
      if (close && objectLike && !open && !part) out.unevaluatedProperties = false;
      return out;
    };
    return walk(schema, isDefinition) as Schema;
  }
}

/** The schema a `#/definitions/x` reference stands for, followed to the end; others as they are. */
export function resolvedIn(definitions: Record<string, Schema>, schema: unknown): Schema | undefined {
  const s = schema as Schema | undefined;
  const ref = s?.$ref;
  return typeof ref === "string"
    ? resolvedIn(definitions, definitions[ref.replace("#/definitions/", "")])
    : s;
}

/** One API's definitions from all its files; a name defined twice must be defined alike. */
export function mergeDefinitions(files: readonly ContractFile[]): Record<string, Schema> {
  const merged: Record<string, Schema> = {};
  for (const file of files) {
    for (const [name, schema] of Object.entries(file.definitions ?? {})) {
      if (name in merged && JSON.stringify(merged[name]) !== JSON.stringify(schema))
        throw new Error(`contract: definition ${name} differs between files (in ${file.title})`);
      merged[name] = schema;
    }
  }
  return merged;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || "(body)";
  const params = error.params as Record<string, unknown>;
  const detail =
    params.additionalProperty ?? params.unevaluatedProperty ?? params.missingProperty ?? params.allowedValues;
  return `${where}: ${error.message}${detail === undefined ? "" : ` (${JSON.stringify(detail)})`}`;
}
