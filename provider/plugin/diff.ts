import { changedProperties } from "../core/resource";
import { propertyRules, type ResourceSpec } from "../core/spec";

type Values = Record<string, unknown>;

export interface PropertyChange {
  /** `name`, or a member of an object input: `contact.email` (lists count whole). */
  path: string;
  kind: "add" | "delete" | "update";
  /** The change replaces the object. */
  replaces: boolean;
}

const isObject = (v: unknown): v is Values => typeof v === "object" && v !== null && !Array.isArray(v);

/** Paths where two input objects differ, members of objects one by one; an unknown value is a difference. */
export function changedPaths(olds: Values, news: Values, prefix = ""): string[] {
  return [...new Set([...Object.keys(olds), ...Object.keys(news)])].flatMap((key) => {
    const [a, b] = [olds[key], news[key]];
    if (isObject(a) && isObject(b)) return changedPaths(a, b, `${prefix}${key}.`);
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${prefix}${key}`];
  });
}

const topOf = (path: string) => path.split(".")[0];

function valueAt(values: Values, path: string): unknown {
  let current: unknown = values;
  for (const key of path.split(".")) current = isObject(current) ? current[key] : undefined;
  return current;
}

function kindOf(oldInputs: Values, news: Values, path: string): PropertyChange["kind"] {
  if (valueAt(oldInputs, path) === undefined) return "add";
  return valueAt(news, path) === undefined ? "delete" : "update";
}

/**
 * The properties a plan lists for a change the provider found: the declared inputs its rules see as
 * changed (normalised, so "60 GB" against "60.00 GB" is none), each at the paths where the program's old
 * and new inputs differ, as the engine shows a dynamic resource's change. A property changed only in the
 * object (drift) is listed by its name.
 */
export function propertyChanges(
  spec: ResourceSpec,
  olds: Values,
  oldInputs: Values,
  news: Values,
  replaces: readonly string[],
): PropertyChange[] {
  const changed = new Set([...changedProperties(olds, news, propertyRules(spec)), ...replaces]);
  if ((oldInputs.account ?? olds.account ?? "") !== (news.account ?? "")) changed.add("account");
  const paths = changedPaths(oldInputs, news).filter((path) => changed.has(topOf(path)));
  for (const key of changed) if (!paths.some((path) => topOf(path) === key)) paths.push(key);
  return paths.sort().map((path) => ({
    path,
    kind: kindOf(oldInputs, news, path),
    replaces: replaces.includes(topOf(path)),
  }));
}
