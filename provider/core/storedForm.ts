import { jsonEqual } from "./normalise";
import type { PropertyRules } from "./resource";

/**
 * What makes a refresh after `up` show nothing: the outputs keep the create-only inputs (`adopt`,
 * initial passwords), which no read can see, and a read that finds the object as stored leaves the
 * stored inputs alone, so the engine shows no difference.
 */

/** The outputs of a create or update, holding the create-only inputs the program gave, as it gave them. */
export function withWriteOnlyInputs<T extends object | undefined>(
  rules: PropertyRules,
  inputs: object | undefined,
  outs: T,
): T {
  return copyWriteOnly(rules, inputs, outs, true);
}

/** The refreshed outputs, with the create-only values the previous outputs held (a read cannot see them). */
export function keepWriteOnlyOutputs<T extends object | undefined>(
  rules: PropertyRules,
  previous: object,
  refreshed: T,
): T {
  return copyWriteOnly(rules, previous, refreshed, false);
}

function copyWriteOnly<T extends object | undefined>(
  rules: PropertyRules,
  from: object | undefined,
  outs: T,
  replace: boolean,
): T {
  if (!outs || !from) return outs;
  const source = from as Record<string, unknown>;
  const kept: Record<string, unknown> = { ...outs };
  for (const [key, rule] of Object.entries(rules)) {
    if (!rule.createOnly || source[key] === undefined) continue;
    if (replace || kept[key] === undefined) kept[key] = source[key];
  }
  return kept as T;
}

/** Whether a read found the object exactly as the previous outputs hold it (the provider's code aside). */
export function unchangedOutputs(previous: object, refreshed: object): boolean {
  const { __provider: _stored, ...held } = previous as Record<string, unknown>;
  const { __provider: _read, ...now } = refreshed as Record<string, unknown>;
  return jsonEqual(held, now);
}
