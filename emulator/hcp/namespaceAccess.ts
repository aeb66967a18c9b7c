import { type AccessRule, authorize, type Caller } from "./auth";
import { type MapiContext, tenantOf } from "./context";
import { forbidden, notFound } from "./errors";
import type { Namespace } from "./namespaceState";
import { type Role, sameName, type Tenant } from "./state";

/**
 * How a caller reaches a tenant's namespaces: by its roles, or as a tenant account with the
 * allow-namespace-management property ("anm"), which reaches only the namespaces it owns.
 */
export type NamespaceAccess = "roles" | "anm";

export const isAnm = (caller: Caller): boolean =>
  caller.level === "tenant" && caller.account.profile?.allowNamespaceManagement === true;

/** The tenant in the URL and how the caller may act on its namespaces; 403 when it may not. */
export function namespaceTenant(
  ctx: MapiContext,
  roles: readonly Role[],
  anmAllowed: boolean,
): { tenant: Tenant; access: NamespaceAccess } {
  const tenant = tenantOf(ctx);
  // Choice: the default tenant's default namespace is not modelled; its namespace resources answer 404.
  if (tenant.isDefault) throw notFound("The default tenant's namespaces are not available here.");
  const rule: AccessRule = { tenantRoles: roles };
  try {
    authorize(ctx.caller, tenant, rule);
    return { tenant, access: "roles" };
  } catch (err) {
    if (
      anmAllowed &&
      isAnm(ctx.caller) &&
      ctx.caller.level === "tenant" &&
      ctx.caller.tenant.id === tenant.id
    )
      return { tenant, access: "anm" };
    throw err;
  }
}

export const ownedBy = (namespace: Namespace, caller: Caller): boolean =>
  namespace.settings.owner !== "" && sameName(namespace.settings.owner, caller.account.username);

/** The namespace in the URL; an ANM-only caller sees only its own (others are 403). */
export function namespaceOf(ctx: MapiContext, tenant: Tenant, access: NamespaceAccess): Namespace {
  const name = ctx.req.params.namespace;
  const namespace = tenant.namespaces.find((ns) => sameName(ns.name, name));
  if (!namespace) throw notFound(`Namespace ${name} does not exist.`);
  if (access === "anm" && !ownedBy(namespace, ctx.caller))
    throw forbidden(`This account does not own namespace ${namespace.name}.`);
  return namespace;
}
