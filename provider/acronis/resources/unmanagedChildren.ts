import { SafetyRefusal } from "../../core/errors";
import { isMark, stackPart } from "../../core/ownership";
import type { Tenant } from "../types";

/** A refusal names at most this many tenants, then counts the rest. */
const namedAtMost = 10;

/**
 * The children of a partner or folder that the stack does not manage: those without a mark of the stack
 * the parent's own mark names. The parent is in this stack's state, so its mark is this stack's.
 */
// Choice: a parent without a mark (its internalTag set by the program) cannot show any child to be the stack's: all count as unmanaged.
export function unmanagedChildren(parent: Tenant, children: readonly Tenant[]): Tenant[] {
  const stack = isMark(parent.internal_tag) ? stackPart(parent.internal_tag) : undefined;
  return children.filter(
    (child) => stack === undefined || !isMark(child.internal_tag) || stackPart(child.internal_tag) !== stack,
  );
}

/** `"Name" (kind id)` for each tenant, the first `namedAtMost`, then how many more. */
export function namedTenants(tenants: readonly Tenant[]): string {
  const named = tenants.slice(0, namedAtMost).map((t) => `"${t.name}" (${t.kind} ${t.id})`);
  const more = tenants.length - named.length;
  return more > 0 ? `${named.join(", ")} and ${more} more` : named.join(", ");
}

/** Disabling a partner or folder stops the service of every tenant below it: never of tenants the stack does not manage. */
export function refuseStoppingOthers(kind: string, parent: Tenant, children: readonly Tenant[]): void {
  const others = unmanagedChildren(parent, children);
  if (others.length === 0) return;
  const why = isMark(parent.internal_tag)
    ? "without this stack's ownership mark"
    : "which this stack cannot show to be its own (the tenant's internalTag holds no ownership mark)";
  throw new SafetyRefusal(
    `${kind} tenant "${parent.name}" has ${others.length} child tenant(s) ${why}: ${namedTenants(others)}; ` +
      `disabling it would stop their service, so nothing was changed: move them elsewhere, or set deletionPolicy to "retain" (and run \`pulumi up\`) to only forget the ${kind}`,
  );
}
