import { createHash } from "node:crypto";

/**
 * The mark a stack leaves on each object it creates, in a field the resource does not manage (Acronis
 * tenants: `internal_tag`; users: `external_id`; HCP tenants: a tag). Neither API can label an object
 * otherwise. The mark is how a later `up` tells its own lost create (a run killed after the API made the
 * object, before the engine saved it) from an object someone else made, and an object another stack
 * created from one nobody claims.
 */
export const markPrefix = "tenant-estates:";

/**
 * The stack the SDK declares a resource in (`<project>/<stack>`), passed as the hidden input `__owner`, and,
 * where the spec asks for it, the resource's own name, `__resourceName`.
 */
export interface Owned {
  __owner?: string;
  __resourceName?: string;
}

/**
 * The mark of `owner` on one object, at most `maxLength` characters: readable when it fits, else a hash.
 * `discriminator` makes marks unique per object where the field may have to be (users' external_id).
 */
export function ownershipMark(owner: string, maxLength: number, discriminator = ""): string {
  const readable = `${markPrefix}${owner}${discriminator ? `#${discriminator}` : ""}`;
  if (readable.length <= maxLength) return readable;
  const digest = createHash("sha256").update(`${owner}#${discriminator}`).digest("hex");
  return `${markPrefix}~${digest.slice(0, Math.max(8, maxLength - markPrefix.length - 1))}`;
}

export const isMark = (value: unknown): value is string =>
  typeof value === "string" && value.startsWith(markPrefix);

/** Who an object belongs to, as far as its mark tells: this stack, another stack, or nobody said. */
export type Claim = "ours" | "another stack" | "unmarked";

export function claimOf(found: string | null | undefined, ours: string | undefined): Claim {
  if (!isMark(found)) return "unmarked";
  return found === ours ? "ours" : "another stack";
}

/** What a stack's mark names, for messages: `<project>/<stack>`, or that it is hashed. */
export function markedOwner(mark: string): string {
  const named = mark.slice(markPrefix.length).split("#")[0];
  return named.startsWith("~") ? "another stack (its name is hashed in the mark)" : `stack ${named}`;
}

/** The mark kept as a tag (HCP compares tags case-insensitively, so it is lower case). */
export function tagMark(inputs: Owned, maxLength: number): string | undefined {
  return inputs.__owner ? ownershipMark(inputs.__owner, maxLength).toLowerCase() : undefined;
}

/** The mark among an object's tags that tells who created it: this stack's if it is there, else any other. */
export function markAmongTags(
  tags: readonly string[] | undefined,
  ours: string | undefined,
): string | undefined {
  const marks = (tags ?? []).filter(isMark).map((tag) => tag.toLowerCase());
  return marks.find((mark) => mark === ours) ?? marks[0];
}
