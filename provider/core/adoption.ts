import { debugLog } from "./debugLog";
import { NameConflictError, OwnershipError } from "./errors";
import { claimOf, markedOwner } from "./ownership";

/**
 * The object to adopt, unless its mark names another stack: adoption takes over objects nobody claims
 * and this stack's own, never those another stack created.
 */
export function refuseAnotherStacks<T>(
  what: string,
  existing: T,
  found: string | null | undefined,
  ours: string | undefined,
): T {
  if (claimOf(found, ours) !== "another stack") return existing;
  throw new OwnershipError(
    `${what} exists and was created by ${markedOwner(found as string)}, as its ownership mark says: ` +
      "it is not adopted. Remove it from that stack's program first, or choose another name",
  );
}

/**
 * After a create was refused because the name is taken: the existing object, when this stack's mark is
 * on it. That is this stack's own create, made by a run that was killed before the engine saved it.
 */
export async function ownLostCreate<T>(
  what: string,
  err: unknown,
  findExisting: () => Promise<T | undefined>,
  markOf: (object: T) => string | null | undefined,
  ours: string | undefined,
): Promise<T | undefined> {
  if (!(err instanceof NameConflictError) || ours === undefined) return undefined;
  const existing = await findExisting();
  if (existing === undefined) return undefined;
  const claim = claimOf(markOf(existing), ours);
  debugLog(
    `${what}: the name is taken by an object ${claim === "ours" ? "this stack created: taking it back" : `marked ${claim}: not taken`}`,
  );
  return claim === "ours" ? existing : undefined;
}
