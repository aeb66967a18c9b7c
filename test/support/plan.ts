import type { TestStack } from "./engine";

/** One resource a preview would change. */
export interface PlannedChange {
  /** The resource's name, the last segment of its URN. */
  name: string;
  /** create, update, replace or delete. */
  op: string;
  /** The inputs that change (dotted paths into objects, lists whole); none for a create or a delete. */
  properties: string[];
  /** Replacements only: the old object is deleted before its replacement is created. */
  deleteFirst?: boolean;
  /** Deletes and replacements of a resource with `retainOnDelete` in state: the engine only forgets the object (`[retain]`). */
  retain?: true;
}

interface JsonStep {
  op: string;
  urn: string;
  diffReasons?: string[];
  detailedDiff?: Record<string, unknown> | null;
  oldState?: { inputs?: Record<string, unknown>; retainOnDelete?: boolean };
  newState?: { inputs?: Record<string, unknown> };
}

/** Steps that are part of another step (a replacement) or no change at all. */
const notAChange = new Set(["same", "refresh", "read", "create-replacement", "delete-replaced"]);

/**
 * The plan of `pulumi preview --json`, one entry per changed resource, sorted by name. The Node.js
 * dynamic-provider host forwards no per-property diff (diffReasons and detailedDiff stay empty), so the
 * properties are what the CLI itself shows then: the stored inputs against the new ones. With
 * `--show-replacement-steps` the order of a replacement's delete and create says which comes first.
 */
export async function previewPlan(stack: TestStack, options: { refresh?: boolean } = {}) {
  const args = ["preview", "--json", "--show-replacement-steps", ...(options.refresh ? ["--refresh"] : [])];
  const steps = (JSON.parse((await stack.mustRun(args)).stdout) as { steps?: JsonStep[] }).steps ?? [];
  const position = (op: string, urn: string) => steps.findIndex((s) => s.op === op && s.urn === urn);
  return steps
    .filter((s) => !notAChange.has(s.op) && !s.urn.includes("::pulumi:pulumi:Stack::"))
    .map((s): PlannedChange => {
      const change: PlannedChange = { name: s.urn.split("::").pop() ?? s.urn, op: s.op, properties: [] };
      const reported = [...(s.diffReasons ?? []), ...Object.keys(s.detailedDiff ?? {})];
      if (reported.length > 0) change.properties = [...new Set(reported)].sort();
      else if (s.oldState && s.newState)
        change.properties = changedPaths(s.oldState.inputs ?? {}, s.newState.inputs ?? {}).sort();
      if (s.op === "replace")
        change.deleteFirst = position("delete-replaced", s.urn) < position("create-replacement", s.urn);
      if ((s.op === "delete" || s.op === "replace") && s.oldState?.retainOnDelete) change.retain = true;
      return change;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Paths where two input objects differ, `__provider` left out; an unknown value is a difference. */
function changedPaths(olds: Record<string, unknown>, news: Record<string, unknown>, prefix = ""): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  return [...new Set([...Object.keys(olds), ...Object.keys(news)])]
    .filter((key) => !key.startsWith("__"))
    .flatMap((key) => {
      const [a, b] = [olds[key], news[key]];
      if (isObject(a) && isObject(b)) return changedPaths(a, b, `${prefix}${key}.`);
      return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${prefix}${key}`];
    });
}
