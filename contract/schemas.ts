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
    const ref = schema?.$ref;
    if (typeof ref !== "string") return schema;
    return this.resolved(this.definitions[ref.replace("#/definitions/", "")]);
  }

  private compiled(schema: Schema, reading: Reading): ValidateFunction {
    const key = `${reading}\u0000${JSON.stringify(schema)}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.compiler(reading).compile(this.rebased(schema, reading, new Set()));
      this.cache.set(key, validate);
    }
    return validate;
  }

  private compiler(reading: Reading): Ajv2019 {
    let ajv = this.compilers.get(reading);
    if (!ajv) {
      ajv = new Ajv2019({
        strict: true,
        allErrors: true,
        coerceTypes: coerces(reading) ? "array" : false,
      });
      addFormats(ajv);
      const composed = composedNames(this.definitions);
      const definitions = Object.fromEntries(
        Object.entries(this.definitions).map(([name, s]) => [name, this.rebased(s, reading, composed)]),
      );
      ajv.addSchema({ $id: this.id(reading), definitions });
      this.compilers.set(reading, ajv);
    }
    return ajv;
  }

  private id(reading: Reading): string {
    return `urn:contract:${this.api}:${reading}`;
  }

  /** Points `#/definitions/x` at the shared document; for answers, closes objects (see Reading). */
  private rebased(schema: Schema, reading: Reading, composed: ReadonlySet<string>): Schema {
    const base = this.id(reading);
    const close = closes(reading);
    const walk = (node: unknown, inComposition: boolean): unknown => {
      if (Array.isArray(node)) return node.map((n) => walk(n, inComposition));
      if (node === null || typeof node !== "object") return node;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string" && v.startsWith("#/")) out[k] = `${base}${v}`;
        else if (k === "properties" && v && typeof v === "object")
          out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, walk(s, false)]));
        else if (k === "allOf" || k === "anyOf" || k === "oneOf") out[k] = walk(v, true);
        else out[k] = walk(v, false);
      }
      const closable = "properties" in out && !("additionalProperties" in out);
      if (close && closable && !inComposition && !("unevaluatedProperties" in out))
        out.unevaluatedProperties = false;
      return out;
    };
    const named = Object.entries(this.definitions).find(([, s]) => s === schema)?.[0];
    return walk(schema, named !== undefined && composed.has(named)) as Schema;
  }
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

/** Definitions used as a member of allOf/anyOf/oneOf: closing them would refuse their siblings' fields. */
function composedNames(definitions: Record<string, Schema>): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown, member: boolean): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, member);
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && member && typeof v === "string") names.add(v.replace("#/definitions/", ""));
      visit(v, k === "allOf" || k === "anyOf" || k === "oneOf");
    }
  };
  visit(definitions, false);
  return names;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || "(body)";
  const params = error.params as Record<string, unknown>;
  const detail =
    params.additionalProperty ?? params.unevaluatedProperty ?? params.missingProperty ?? params.allowedValues;
  return `${where}: ${error.message}${detail === undefined ? "" : ` (${JSON.stringify(detail)})`}`;
}
