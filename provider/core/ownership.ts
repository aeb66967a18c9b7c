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

/** How one kind of object keeps a mark: its field's length, and whether the field is a case-insensitive tag. */
export interface MarkField {
  maxLength: number;
  /** HCP tags: compared case-insensitively, so kept in lower case, and never with a comma. */
  tag?: boolean;
}

/**
 * The marks that say "this resource of this stack made it": `ours`, the current form, which names the stack and
 * the resource (`tenant-estates:<project>/<stack>@<resource>`), and `earlier`, the stack-only form earlier
 * releases wrote, still recognised so stored stacks keep recovering their lost creates.
 */
export interface ResourceMarks {
  ours: string;
  earlier: string;
  owner: string;
  tag: boolean;
}

const digest = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The stack part of a hashed mark: the same for every resource of one stack. */
const hashedStack = (owner: string): string => `~${digest(owner).slice(0, 16)}`;

/**
 * This resource's marks, or undefined outside a stack (no `__owner`). `discriminator` is what earlier
 * releases appended (users' login), kept so their marks are still recognised.
 */
export function resourceMarks(
  inputs: Owned,
  field: MarkField,
  discriminator = "",
): ResourceMarks | undefined {
  const owner = inputs.__owner;
  if (owner === undefined) return undefined;
  const asKept = (mark: string) => (field.tag ? mark.toLowerCase() : mark);
  const earlier = asKept(ownershipMark(owner, field.maxLength, discriminator));
  if (inputs.__resourceName === undefined) return { ours: earlier, earlier, owner, tag: field.tag === true };
  const readable = `${markPrefix}${owner}@${inputs.__resourceName}`;
  const usable = readable.length <= field.maxLength && !(field.tag && readable.includes(","));
  const stack = hashedStack(owner);
  const hashed = `${markPrefix}${stack}@${digest(`${owner}@${inputs.__resourceName}`)}`.slice(
    0,
    field.maxLength,
  );
  return { ours: asKept(usable ? readable : hashed), earlier, owner, tag: field.tag === true };
}

/**
 * Who an object belongs to, as far as its mark tells: this resource, another resource of this stack, another
 * stack, or nobody said.
 */
export type Claim = "ours" | "another resource" | "another stack" | "unmarked";

export function claimOf(found: string | null | undefined, marks: ResourceMarks | undefined): Claim {
  if (!isMark(found)) return "unmarked";
  if (marks === undefined) return "another stack";
  const seen = marks.tag ? found.toLowerCase() : found;
  if (seen === marks.ours || seen === marks.earlier) return "ours";
  const stack = stackPart(seen);
  const same = (text: string) => (marks.tag ? text.toLowerCase() : text);
  return stack === same(marks.owner) || stack === hashedStack(marks.owner)
    ? "another resource"
    : "another stack";
}

/** The stack a mark names (`<project>/<stack>`, or the hash that stands for it). */
export function stackPart(mark: string): string {
  return mark.slice(markPrefix.length).split(/[@#]/)[0];
}

/** The resource a current-form mark names, when it is readable. */
export function markedResource(mark: string): string | undefined {
  const rest = mark.slice(markPrefix.length);
  const at = rest.indexOf("@");
  return at < 0 || rest.startsWith("~") ? undefined : rest.slice(at + 1);
}

/** What a stack's mark names, for messages: `<project>/<stack>`, or that it is hashed. */
export function markedOwner(mark: string): string {
  const named = stackPart(mark);
  return named.startsWith("~") ? "another stack (its name is hashed in the mark)" : `stack ${named}`;
}

/** The mark among an object's tags that tells who created it: this resource's if it is there, else any other. */
export function markAmongTags(
  tags: readonly string[] | undefined,
  marks: ResourceMarks | undefined,
): string | undefined {
  const found = (tags ?? []).filter(isMark).map((tag) => tag.toLowerCase());
  return found.find((mark) => claimOf(mark, marks) === "ours") ?? found[0];
}
