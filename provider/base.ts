import type * as pulumi from "@pulumi/pulumi";
import { isUnknown, jsonEqual, plain } from "./common/normalise";

/** How `diff` treats one input property. */
export interface PropertyRule {
  /** A change destroys and recreates the object. */
  replaces?: boolean;
  /** Read only at create (initial passwords, one-shot actions): never diffed. */
  createOnly?: boolean;
  /** Brings both sides to one form before comparing (quotas, booleans, lists as sets). */
  normalise?: (value: unknown) => unknown;
}

export type PropertyRules = Record<string, PropertyRule>;

/**
 * Compares only the declared input keys, normalised. `olds` are the stored outputs, which hold every
 * managed input key (read and create return the same shape). A key absent from `news` is not managed.
 */
export function diffProperties(olds: Record<string, unknown>, news: Record<string, unknown>, rules: PropertyRules): pulumi.dynamic.DiffResult {
  const changed: string[] = [];
  const replaces: string[] = [];
  for (const [key, rule] of Object.entries(rules)) {
    if (rule.createOnly || !(key in news) || news[key] === undefined) continue;
    const next = news[key];
    const same = !isUnknown(next) && jsonEqual(normaliseWith(rule, olds[key]), normaliseWith(rule, next));
    if (same) continue;
    changed.push(key);
    if (rule.replaces) replaces.push(key);
  }
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
}

function normaliseWith(rule: PropertyRule, value: unknown): unknown {
  if (value === undefined || value === null) return value ?? null;
  return rule.normalise ? rule.normalise(value) : value;
}

/** The inputs a user set, among the keys a resource manages (createOnly keys included). */
export function managedKeys(inputs: Record<string, unknown>, rules: PropertyRules): string[] {
  return Object.keys(rules).filter((key) => inputs[key] !== undefined && inputs[key] !== null);
}

/**
 * The answer of `read`: outputs of the same shape as create's, and the refreshed values of the inputs
 * the resource had, so `preview --refresh` shows drift property by property.
 */
export function readResult(
  id: string,
  outputs: Record<string, unknown>,
  rules: PropertyRules,
  previous: Record<string, unknown>,
): pulumi.dynamic.ReadResult {
  const inputs: Record<string, unknown> = {};
  for (const key of Object.keys(rules)) {
    if (previous[key] === undefined) continue;
    // createOnly inputs cannot be read back: they keep the value they were created with.
    inputs[key] = rules[key].createOnly ? previous[key] : outputs[key];
  }
  return { id, props: plain(outputs), inputs: plain(inputs) };
}

/** Check's answer: the inputs as given (without undefined), plus the failures. */
export function checkResult<T>(inputs: T, failures: pulumi.dynamic.CheckFailure[]): pulumi.dynamic.CheckResult<T> {
  return { inputs: plain(inputs), failures };
}
