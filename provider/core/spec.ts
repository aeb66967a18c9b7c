import type * as pulumi from "@pulumi/pulumi";
import { debugLog } from "./debugLog";
import { isUnknown } from "./normalise";
import { diffProperties, type PropertyRules, readResult as readResultOf } from "./resource";
import { Validator } from "./validate";
import type { WireSpec } from "./wire";

/**
 * One resource, one spec: every property with its type, rule, normaliser, role, replace semantics and
 * documentation. The validator, the diff rules, `read`'s shape, the SDK classes, `schema.json` and
 * docs/resources.md all derive from it (the last three by `npm run generate`, checked by a test).
 */

/** The value of a property: what the validator checks and what schema.json and the SDK declare. */
export type ValueSpec =
  | {
      type: "string";
      minLength?: number;
      maxLength?: number;
      pattern?: RegExp;
      /** How the pattern reads in an error: `must be <hint>`. */
      patternHint?: string;
      format?: "uuid" | "email";
      enum?: readonly string[];
      /** A rule beyond length, pattern and enum (names, quotas, addresses): the reason, without the path. */
      rule?: (value: string) => string | undefined;
    }
  | { type: "boolean" }
  /** `nullMeans`: what null stands for when `nullable` (`unlimited`), said in the property's errors. */
  | { type: "integer"; min?: number; max?: number; nullable?: boolean; nullMeans?: string }
  | { type: "array"; items: ValueSpec; minLength?: number }
  | { type: "object"; typeName: string; doc: string; fields: Record<string, FieldSpec> }
  /** Checked by the property's own `check` (quotas, IP lists): declared as `type` for the SDK. */
  | { type: "custom"; tsType: string; schema: Record<string, unknown> };

/** A member of an object value. */
export interface FieldSpec {
  value: ValueSpec;
  doc: string;
  required?: boolean;
}

export interface PropertySpec extends FieldSpec {
  /** `input`: set by the program and returned as it is held; `output`: returned only. Default `input`. */
  role?: "input" | "output";
  /** Stored encrypted: wrapped in `pulumi.secret` by the SDK and listed in `additionalSecretOutputs`. */
  secret?: boolean;
  /** Used only at create (initial passwords, one-shot actions): never compared, never read back. */
  createOnly?: boolean;
  /** Not an object property (credentials the provider signs in with): kept, never compared. */
  notCompared?: boolean;
  /** A change replaces the object; `deleteFirst` when the vendor keeps the natural key unique. */
  replaces?: "createFirst" | "deleteFirst";
  /** Brings both sides to one form before comparing (quotas, lists as sets). */
  normalise?: (value: unknown) => unknown;
  /** What an absent input means; such a property is compared even when the program leaves it out. */
  default?: unknown;
  /** Whether the stored value satisfies the wanted one, where normalising is not enough (offering items). */
  equals?: (stored: unknown, wanted: unknown) => boolean;
  /** A rule beyond the value's type: the reason, without the property name, or undefined. */
  check?: (v: Validator, path: string, value: unknown) => void;
  /** This output is the resource's id: the SDK gives it as `id`, known in previews of updates. */
  isId?: boolean;
  /** The API field it is and its mapping: create and update bodies, read and `export` derive from it. */
  wire?: WireSpec;
}

export interface ResourceSpec {
  /** The SDK class, e.g. `CustomerTenant`. */
  type: string;
  module: "acronis" | "hcp";
  /** The entry module under provider/entry/ the state points at. */
  entry: string;
  doc: string;
  /** What the resource's id is. */
  id: string;
  properties: Record<string, PropertySpec>;
  /** The input that names the object in error messages, where it is not `name`, `login` or `tenant`. */
  subject?: string;
  /**
   * The `deletionPolicy` values under which removing the resource calls its provider (to delete or disable
   * the object). With any other value, or none, the SDK sets `retainOnDelete`: the plan shows the removal
   * as `delete [retain]`, and the engine only forgets the object.
   */
  retainUnlessPolicy?: readonly string[];
  /** Rules across properties, and rules that need the previous inputs. */
  check?: (v: Validator, news: Record<string, unknown>, olds: Record<string, unknown>) => void;
}

export const isInput = (p: PropertySpec): boolean => (p.role ?? "input") === "input";

export function inputKeys(spec: ResourceSpec): string[] {
  return Object.keys(spec.properties).filter((key) => isInput(spec.properties[key]));
}

/** The diff rules of the inputs (credentials and create-only inputs are never compared). */
export function propertyRules(spec: ResourceSpec): PropertyRules {
  const rules: PropertyRules = {};
  for (const key of inputKeys(spec)) {
    const p = spec.properties[key];
    rules[key] = {
      replaces: p.replaces !== undefined,
      deleteBeforeReplace: p.replaces === "deleteFirst",
      createOnly: p.createOnly || p.notCompared,
      normalise: p.normalise,
      default: p.default,
      equals: p.equals,
    };
  }
  return rules;
}

/** Every failure of the inputs, each naming the property and the rule, before any API call. */
export function validateInputs(
  spec: ResourceSpec,
  olds: object,
  news: object,
): pulumi.dynamic.CheckFailure[] {
  const inputs = news as Record<string, unknown>;
  // Every resource also has `account`, which the guard checks and applies (provider/core/accounts.ts).
  const v = new Validator(inputs).knownKeys([...inputKeys(spec), "account"]);
  for (const key of inputKeys(spec)) {
    const p = spec.properties[key];
    checkValue(v, key, p.value, inputs[key], p.required ?? false);
    if (p.check && inputs[key] !== undefined && inputs[key] !== null && !isUnknown(inputs[key]))
      p.check(v, key, inputs[key]);
  }
  spec.check?.(v, inputs, (olds ?? {}) as Record<string, unknown>);
  return v.failures;
}

function checkValue(v: Validator, path: string, value: ValueSpec, actual: unknown, required: boolean): void {
  switch (value.type) {
    case "string":
      if (value.enum) v.oneOf(path, value.enum, { required });
      else if (value.format === "uuid") v.uuid(path, { required });
      else if (value.format === "email") v.email(path, { required });
      else v.string(path, { required, ...value });
      if (value.rule && typeof actual === "string" && !isUnknown(actual)) {
        const reason = value.rule(actual);
        if (reason) v.fail(path, `${path} ${reason}`);
      }
      return;
    case "boolean":
      v.boolean(path, { required });
      return;
    case "integer":
      if (value.nullable && actual === null) return;
      v.integer(path, { required, min: value.min, max: value.max, nullMeans: value.nullMeans });
      return;
    case "custom":
      if (required && (actual === undefined || actual === null)) v.fail(path, `${path} is required`);
      return;
    case "object":
      v.object(path, { required }).knownKeys(Object.keys(value.fields), path);
      if (actual === null || typeof actual !== "object" || Array.isArray(actual) || isUnknown(actual)) return;
      for (const [name, field] of Object.entries(value.fields)) {
        const member = (actual as Record<string, unknown>)[name];
        checkValue(v, `${path}.${name}`, field.value, member, field.required ?? false);
      }
      return;
    case "array":
      v.array(path, { required, minLength: value.minLength });
      if (!Array.isArray(actual)) return;
      actual.forEach((item, i) => {
        checkValue(v, `${path}[${i}]`, value.items, item, true);
      });
      return;
  }
}

/**
 * The `adopt` input: take over the existing object of the same natural key instead of failing. `marking` says
 * where adoption leaves the stack's ownership mark, or why it cannot.
 */
export function adoptProperty(existing: string, marking: string): PropertySpec {
  return {
    value: { type: "boolean" },
    createOnly: true,
    doc: `When ${existing} already exists, take it over instead of failing: read it and apply only the declared differences (no write to a managed property when it already matches). An object another stack's mark claims is never adopted. ${marking} Used only at create.`,
  };
}

/** The `adopt` input of a setting every parent has: read it first and write only what differs. */
export function adoptSettingProperty(setting: string): PropertySpec {
  return {
    value: { type: "boolean" },
    createOnly: true,
    doc: `Take over ${setting} as it is: read it first and write only the declared differences (no write at all when it already matches). Used only at create.`,
  };
}

/** Whether the held object already has every declared input: adopting it then writes nothing. */
export function alreadySatisfies(spec: ResourceSpec, held: object, inputs: object): boolean {
  const satisfied = !diffProperties(held, inputs, propertyRules(spec)).changes;
  debugLog(
    `adopting an existing ${spec.type}: ${satisfied ? "it matches, nothing to write" : "writing the declared differences"}`,
  );
  return satisfied;
}

/** `read`'s answer: outputs of create's shape, and the refreshed values of the inputs the resource had. */
export function readResult(
  spec: ResourceSpec,
  id: string,
  refreshed: object,
  previousOutputs: object,
): pulumi.dynamic.ReadResult {
  return readResultOf(id, refreshed, propertyRules(spec), previousOutputs);
}
