import type * as StructPb from "google-protobuf/google/protobuf/struct_pb";
import type { ResourceSpec } from "../core/spec";
import { structPb } from "./modules";

/** The signature key and value the engine marks a secret with (sdk/go/common/resource/sig). */
const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";

type Values = Record<string, unknown>;

const isSecret = (value: unknown): value is { value: unknown } =>
  typeof value === "object" && value !== null && (value as Values)[sigKey] === secretSig;

/** A value with every secret replaced by what it holds: the providers work on plain values. */
export function withoutSecrets(value: unknown): unknown {
  if (isSecret(value)) return withoutSecrets(value.value);
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v)]));
  return value;
}

/** A request's struct as plain values; an absent struct is an empty object. */
export function valuesOf(struct: StructPb.Struct | undefined): Values {
  return (withoutSecrets(struct?.toJavaScript() ?? {}) ?? {}) as Values;
}

export const structOf = (values: object): StructPb.Struct =>
  structPb.Struct.fromJavaScript(JSON.parse(JSON.stringify(values)) as Record<string, never>);

/** The spec's secret properties marked secret, so the engine stores them encrypted whatever the program says. */
export function withSecretsMarked(spec: ResourceSpec, values: Values): Values {
  const marked: Values = { ...values };
  for (const [key, property] of Object.entries(spec.properties)) {
    if (property.secret && marked[key] !== undefined && marked[key] !== null)
      marked[key] = { [sigKey]: secretSig, value: marked[key] };
  }
  return marked;
}

/** A value without its empty texts (an object's members, recursively), or undefined when nothing is left. */
function withoutEmptyText(value: unknown): unknown {
  if (value === "" || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) return value;
  const kept = Object.entries(value as Values)
    .map(([key, member]) => [key, withoutEmptyText(member)] as const)
    .filter(([, member]) => member !== undefined);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * The outputs of an object read by id alone, with no empty text in an object input (a contact): the
 * program manages an object's members one by one, and those of an imported one are the members it holds.
 */
export function importedOutputs(spec: ResourceSpec, outputs: Values): Values {
  const kept: Values = { ...outputs };
  for (const [key, property] of Object.entries(spec.properties)) {
    if ((property.role ?? "input") !== "input" || property.value.type !== "object") continue;
    const value = withoutEmptyText(kept[key]);
    if (value === undefined) delete kept[key];
    else kept[key] = value;
  }
  return kept;
}

/**
 * The inputs of an object read by id alone (`pulumi import`): every input the read gives back, except
 * what no read can see (create-only values, credentials), so a program declaring them plans no change.
 * Empty texts are left out, as a program leaves out what it does not set (an empty contact field is "").
 */
export function importedInputs(spec: ResourceSpec, outputs: Values): Values {
  const inputs: Values = {};
  for (const [key, property] of Object.entries(spec.properties)) {
    if ((property.role ?? "input") !== "input" || property.createOnly || property.notCompared) continue;
    const value = withoutEmptyText(outputs[key]);
    if (value !== undefined) inputs[key] = value;
  }
  return inputs;
}
