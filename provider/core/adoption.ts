import { debugLog } from "./debugLog";
import { NameConflictError, OwnershipError } from "./errors";
import { type Claim, claimOf, markedOwner, markedResource, type ResourceMarks } from "./ownership";

/** Who the mark says made an object, for a message: another stack, or another resource of this one. */
function madeBy(claim: Claim, found: string, marks: ResourceMarks | undefined): string {
  if (claim !== "another resource") return `was created by ${markedOwner(found)}`;
  const resource = markedResource(found);
  return `is managed by ${resource === undefined ? "another resource" : `resource "${resource}"`} of this stack (stack ${marks?.owner})`;
}

/**
 * The object to adopt, unless its mark names another stack or another resource of this stack: adoption takes
 * over objects nobody claims and this resource's own, never those someone else manages.
 */
export function refuseAnotherStacks<T>(
  what: string,
  existing: T,
  found: string | null | undefined,
  marks: ResourceMarks | undefined,
  resourceName?: string,
): T {
  const claim = claimOf(found, marks);
  if (claim === "ours" || claim === "unmarked") return existing;
  const advice =
    claim === "another resource"
      ? `One object has one resource: remove one of the two declarations${resourceName ? ` ("${resourceName}" or the other)` : ""}`
      : "Remove it from that stack's program first, or choose another name";
  throw new OwnershipError(
    `${what} exists and ${madeBy(claim, found as string, marks)}, as its ownership mark says: it is not adopted. ${advice}`,
  );
}

/**
 * How a create whose outcome is unknown (a 5xx, a dropped connection) proves that the object it then finds is
 * its own: by this resource's mark, which the create body carried, or, for an object that cannot carry one,
 * by having seen the name free just before the create was sent.
 */
export interface CreateProof<T> {
  what: string;
  markOf: (object: T) => string | null | undefined;
  /** Undefined when the object cannot carry this resource's mark (a user-set tag, HCP user accounts). */
  marks: ResourceMarks | undefined;
  resourceName?: string;
}

/**
 * The object found after an unknown outcome, when the proof says this create made it; otherwise a one-line
 * refusal: the name is taken, by whom if marked, and how to take it over on purpose.
 */
export function takeBackOrRefuse<T>(proof: CreateProof<T>, found: T, freeBefore: boolean, cause: unknown): T {
  const mark = proof.markOf(found);
  const claim = claimOf(mark, proof.marks);
  if (claim === "ours") return found;
  // Choice: an unmarkable object is this create's only when the name was seen free just before it was sent.
  if (claim === "unmarked" && proof.marks === undefined && freeBefore) return found;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const head = `${proof.what}: the create's outcome is unknown (${reason}) and the name is taken by an object that`;
  if (claim === "unmarked")
    throw new OwnershipError(
      `${head} this create cannot prove it made (it carries no mark of this resource): it is not taken over. Set \`adopt: true\` to take it over on purpose`,
    );
  throw new OwnershipError(
    `${head} ${madeBy(claim, mark as string, proof.marks)}, as its ownership mark says: it is not taken over. ` +
      (claim === "another resource"
        ? `One object has one resource: remove one of the two declarations${proof.resourceName ? ` ("${proof.resourceName}" or the other)` : ""}`
        : "To take it over on purpose, remove it from that stack's program, then set `adopt: true`"),
  );
}

/**
 * After a create was refused because the name is taken: the existing object, when this resource's mark is
 * on it. That is this resource's own create, made by a run that was killed before the engine saved it. The
 * mark of another resource of this stack is refused, naming both.
 */
export async function ownLostCreate<T>(
  err: unknown,
  findExisting: () => Promise<T | undefined>,
  proof: CreateProof<T>,
): Promise<T | undefined> {
  if (!(err instanceof NameConflictError) || proof.marks === undefined) return undefined;
  const existing = await findExisting();
  if (existing === undefined) return undefined;
  const claim = claimOf(proof.markOf(existing), proof.marks);
  debugLog(
    `${proof.what}: the name is taken by an object ${claim === "ours" ? "this resource created: taking it back" : `marked ${claim}: not taken`}`,
  );
  if (claim === "another resource")
    refuseAnotherStacks(proof.what, existing, proof.markOf(existing), proof.marks, proof.resourceName);
  return claim === "ours" ? existing : undefined;
}

/** Whether adoption should write this resource's mark: only into an empty field, never over someone's value. */
export function markToWrite(
  found: string | null | undefined,
  marks: ResourceMarks | undefined,
): string | undefined {
  if (marks === undefined) return undefined;
  // Choice: a field that holds a value the program does not manage is kept; such an object stays unmarked.
  return found === undefined || found === null || found === "" ? marks.ours : undefined;
}
