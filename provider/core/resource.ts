import type * as pulumi from "@pulumi/pulumi";
import { type CreateProof, takeBackOrRefuse } from "./adoption";
import {
  ConflictError,
  NameConflictError,
  NetworkError,
  NotFoundError,
  ServerError,
  StateConflictError,
  VersionConflictError,
} from "./errors";
import { isUnknown, jsonEqual, plain } from "./normalise";
import { unprocessedStatuses } from "./retryTiming";

/** How `diff` treats one input property. */
export interface PropertyRule {
  /** A change destroys and recreates the object. */
  replaces?: boolean;
  /** The replacement deletes the old object first: the vendor keeps its natural key unique. */
  deleteBeforeReplace?: boolean;
  /** Read only at create (initial passwords, one-shot actions): never diffed. */
  createOnly?: boolean;
  /** Brings both sides to one form before comparing (quotas, booleans, lists as sets). */
  normalise?: (value: unknown) => unknown;
  /** The value an absent input means (a deletion policy): then it is compared even when not set. */
  default?: unknown;
  /** Whether the stored value satisfies the wanted one, where equality after normalising is not enough. */
  equals?: (stored: unknown, wanted: unknown) => boolean;
}

export type PropertyRules = Record<string, PropertyRule>;

/**
 * Compares only the declared input keys, normalised. `olds` are the stored outputs, which hold every
 * managed input key (read and create return the same shape). A key absent from `news` is not managed.
 */
export function diffProperties(
  oldOutputs: object,
  newInputs: object,
  rules: PropertyRules,
): pulumi.dynamic.DiffResult {
  const changed = changedProperties(oldOutputs, newInputs, rules);
  const replaces = changed.filter((key) => rules[key].replaces);
  const deleteBeforeReplace = replaces.some((key) => rules[key].deleteBeforeReplace === true);
  return { changes: changed.length > 0, replaces, deleteBeforeReplace };
}

/** The declared input keys whose wanted value the stored outputs do not satisfy (createOnly keys never). */
export function changedProperties(oldOutputs: object, newInputs: object, rules: PropertyRules): string[] {
  const olds = oldOutputs as Record<string, unknown>;
  const news = newInputs as Record<string, unknown>;
  return Object.entries(rules)
    .filter(([key, rule]) => {
      if (rule.createOnly) return false;
      const next = news[key] ?? rule.default;
      if (next === undefined) return false;
      const held = olds[key] ?? rule.default;
      if (isUnknown(next)) return true;
      return rule.equals
        ? !rule.equals(held, next)
        : !jsonEqual(normaliseWith(rule, held), normaliseWith(rule, next));
    })
    .map(([key]) => key);
}

function normaliseWith(rule: PropertyRule, value: unknown): unknown {
  if (value === undefined || value === null) return value ?? null;
  return rule.normalise ? rule.normalise(value) : value;
}

/** The inputs a user set, among the keys a resource manages (createOnly keys included). */
export function managedKeys(inputs: object, rules: PropertyRules): string[] {
  const values = inputs as Record<string, unknown>;
  return Object.keys(rules).filter((key) => values[key] !== undefined && values[key] !== null);
}

/**
 * The answer of `read`: outputs of the same shape as create's, and the refreshed values of the inputs
 * the resource had, so `preview --refresh` shows drift property by property.
 */
export function readResult(
  id: string,
  refreshed: object,
  rules: PropertyRules,
  previousOutputs: object,
): pulumi.dynamic.ReadResult {
  const outputs = refreshed as Record<string, unknown>;
  const previous = previousOutputs as Record<string, unknown>;
  const inputs: Record<string, unknown> = {};
  for (const key of Object.keys(rules)) {
    if (previous[key] === undefined) continue;
    // createOnly inputs cannot be read back: they keep the value they were created with.
    inputs[key] = rules[key].createOnly ? previous[key] : outputs[key];
  }
  return { id, props: plain(outputs), inputs: plain(inputs) };
}

/** Check's answer: the inputs as given (without undefined), plus the failures. */
export function checkResult<T>(
  inputs: T,
  failures: pulumi.dynamic.CheckFailure[],
): pulumi.dynamic.CheckResult<T> {
  return { inputs: plain(inputs), failures };
}

/**
 * A create that made the object but failed a later step. The host hands `id` and `properties` to the
 * engine (ErrorResourceInitFailed), which records the object in state, so nothing is left untracked;
 * the next `pulumi up` finishes the job with `update`.
 */
export class PartialCreateError extends Error {
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];

  constructor(
    readonly id: string,
    outputs: object,
    inputs: object,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(reason);
    this.name = "PartialCreateError";
    // Later read/update/delete find their provider in the stored outputs.
    this.properties = plain({ ...outputs, __provider: (inputs as { __provider?: string }).__provider });
    this.reasons = [reason];
  }
}

/** Runs the steps after the object exists; a failure there becomes a PartialCreateError. */
export async function finishCreate<O extends object>(
  id: string,
  inputs: object,
  known: O,
  steps: () => Promise<O>,
): Promise<pulumi.dynamic.CreateResult<O>> {
  try {
    return { id, outs: plain(await steps()) };
  } catch (err) {
    throw new PartialCreateError(id, known, inputs, err);
  }
}

/** The answer of a call, or undefined when the API says the object is gone (404). */
export async function unlessGone<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}

/** Whether a failed write may have taken effect: no answer, or a server error that does not say otherwise. */
export function outcomeUnknown(err: unknown): boolean {
  if (err instanceof NetworkError) return true;
  return err instanceof ServerError && !unprocessedStatuses.has(err.status ?? 0);
}

/**
 * A create that is never blindly repeated. When its outcome is unknown, the object is looked up by its
 * natural key (tenant name under its parent, user login, HCP name) and taken back only when `proof` shows
 * this create made it (see takeBackOrRefuse); only when it is proven absent is the create sent again.
 */
export async function createOnce<T>(
  create: () => Promise<T>,
  findExisting: () => Promise<T | undefined>,
  proof: CreateProof<T>,
  attempts = 3,
): Promise<T> {
  // An object that cannot carry a mark is proven this create's by the name being free just before it.
  let freeBefore = proof.marks === undefined && (await findExisting()) === undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (err) {
      if (!outcomeUnknown(err)) throw err;
      const existing = await findExisting();
      if (existing !== undefined) return takeBackOrRefuse(proof, existing, freeBefore, err);
      freeBefore = true;
      if (attempt >= attempts) throw err;
    }
  }
}

/**
 * A conflict other than a stale version, said as one line naming the object: a repeat would fail the
 * same way, so the user is told what stands in the way. An error already explained is left as it is.
 */
export function explainConflict(what: string, err: unknown): unknown {
  if (!(err instanceof ConflictError) || err instanceof VersionConflictError || err.explanation) return err;
  return err.copyWith({ explanation: `${what}: ${conflictAdvice(err)}` });
}

function conflictAdvice(err: ConflictError): string {
  if (err instanceof NameConflictError) return "the name is already taken: choose another name";
  if (err instanceof StateConflictError) return "its current state does not allow this";
  return "refused as a conflict";
}

/**
 * A write that carries the object's `version` (Acronis): on a version conflict the object is read again
 * and the same desired change is applied once more to the fresh version. A second version conflict is
 * reported; any other conflict (a taken name, a locked tenant) fails at once, since a repeat cannot help.
 * `knownVersion`, when the caller has one from an answer just received, saves the first read.
 */
export async function withFreshVersion<T>(
  what: string,
  readVersion: () => Promise<number>,
  write: (version: number) => Promise<T>,
  knownVersion?: number,
): Promise<T> {
  try {
    return await write(knownVersion ?? (await readVersion()));
  } catch (err) {
    if (!(err instanceof VersionConflictError)) throw explainConflict(what, err);
    try {
      return await write(await readVersion());
    } catch (again) {
      if (!(again instanceof VersionConflictError)) throw explainConflict(what, again);
      throw new Error(
        `${what} was changed by someone else while it was being updated, twice; run \`pulumi up\` again (${again.message})`,
      );
    }
  }
}
