import type { EmulatorResponse } from "../core/router";
import {
  checkPropertyNames,
  documentAnswer,
  emptyAnswer,
  isVerbose,
  type MapiContext,
  requestBody,
} from "./context";
import { badRequest, conflict, forbidden, MapiError } from "./errors";
import { formatTimestamp, readText } from "./formats";
import { listPage, readListQuery } from "./listing";
import { namespaceOf, namespaceTenant, ownedBy } from "./namespaceAccess";
import { checkOneWay, checkSettings, namespaceView, withSearchCouplings } from "./namespaceChecks";
import {
  CREATE_SETTABLE,
  MODIFY_SETTABLE,
  NAMESPACE_PROPERTIES,
  readSettingsPatch,
  readVersioning,
} from "./namespaceProperties";
import { defaultVersioning, newNamespace } from "./namespaceState";
import { checkNamespaceName } from "./rules";
import { quotaBytes, sameName, type Tenant } from "./state";

const MAX_NAMESPACES_PER_SYSTEM = 10_000;

/** GET /namespaces: names, filtered, sorted and paged; an ANM-only caller sees the namespaces it owns. */
export function listNamespaces(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["MONITOR", "ADMINISTRATOR", "COMPLIANCE"], true);
  const query = readListQuery(ctx.req.query, ["name", "hardQuota"] as const, ["name", "tag"] as const);
  const visible = tenant.namespaces.filter((ns) => access === "roles" || ownedBy(ns, ctx.caller));
  const names = listPage(visible, query, {
    candidates: (ns, filterType) => (filterType === "name" ? [ns.name] : ns.settings.tags),
    compare: (a, b, sortType) =>
      sortType === "hardQuota" ? quotaBytes(a.settings.hardQuota) - quotaBytes(b.settings.hardQuota) : 0,
    name: (ns) => ns.name,
  }).map((ns) => ns.name);
  return documentAnswer(ctx, "namespaces", { name: names });
}

/** Refuses a new namespace beyond the tenant's namespaceQuota or the system's 10,000. */
function checkCount(ctx: MapiContext, tenant: Tenant): void {
  // Choice: exceeding namespaceQuota is 400 (the status is undocumented); "None" sets no limit here.
  if (tenant.namespaceQuota !== null && tenant.namespaces.length >= tenant.namespaceQuota)
    throw badRequest(
      `Tenant ${tenant.name} already has ${tenant.namespaces.length} namespace(s), its namespaceQuota.`,
    );
  const all = ctx.store.state.tenants.reduce((sum, t) => sum + t.namespaces.length, 0);
  if (all >= MAX_NAMESPACES_PER_SYSTEM) throw badRequest("The system already has 10000 namespaces.");
}

/** PUT /namespaces: omitted properties take the tenant's namespaceDefaults, then HCP's defaults. */
export function createNamespace(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["ADMINISTRATOR"], true);
  const { properties } = requestBody(ctx, ["namespace"]);
  checkPropertyNames(properties, NAMESPACE_PROPERTIES, CREATE_SETTABLE, "a namespace");
  if (properties.name === undefined) throw badRequest("'name' is required.");
  const name = readText(properties.name, "name", 63);
  checkNamespaceName(name);
  if (tenant.namespaces.some((ns) => sameName(ns.name, name)))
    throw conflict(`Namespace ${name} already exists.`);
  checkCount(ctx, tenant);
  const patch = readSettingsPatch(properties, ctx.store.state);
  // Choice: a namespace an ANM-only account creates is owned by that account unless the body names an owner.
  if (access === "anm" && patch.owner === undefined) patch.owner = ctx.caller.account.username;
  const namespace = newNamespace(tenant, name, formatTimestamp(Date.now(), 0));
  const settings = { ...namespace.settings, ...patch };
  // Coupled defaults: indexing follows search, and reading from replicas follows replication, in the same PUT.
  settings.indexingEnabled = patch.indexingEnabled ?? patch.searchEnabled ?? false;
  settings.readFromReplica = patch.readFromReplica ?? patch.replicationEnabled ?? false;
  if (properties.versioningSettings !== undefined)
    namespace.versioning = readVersioning(properties.versioningSettings, defaultVersioning(tenant), true);
  checkSettings(settings, namespace.versioning, tenant, patch);
  namespace.settings = settings;
  tenant.namespaces.push(namespace);
  ctx.store.commit();
  return emptyAnswer();
}

/** GET /namespaces/{ns}; an ANM-only caller gets only name and owner of its own namespace. */
export function getNamespace(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["MONITOR", "ADMINISTRATOR"], true);
  const namespace = namespaceOf(ctx, tenant, access);
  const view = namespaceView(namespace, tenant, isVerbose(ctx), ctx.domain);
  const shown = access === "anm" ? { name: view.name, owner: view.owner } : view;
  return documentAnswer(ctx, "namespace", shown);
}

/** HEAD /namespaces/{ns}: 200, or a missing (or hidden) namespace as configured. */
export function headNamespace(ctx: MapiContext): EmulatorResponse {
  try {
    const { tenant, access } = namespaceTenant(ctx, ["MONITOR", "ADMINISTRATOR", "COMPLIANCE"], true);
    namespaceOf(ctx, tenant, access);
    return { status: 200 };
  } catch (err) {
    const hidden = err instanceof MapiError && (err.status === 404 || err.status === 403);
    if (hidden && ctx.store.state.config.headMissingStatus === 302) return { status: 302 };
    throw err;
  }
}

/** POST /namespaces/{ns}: a partial change; tags and permission lists are replaced; a new name renames. */
export function modifyNamespace(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["ADMINISTRATOR"], false);
  const namespace = namespaceOf(ctx, tenant, access);
  const { properties } = requestBody(ctx, ["namespace"]);
  checkPropertyNames(properties, NAMESPACE_PROPERTIES, MODIFY_SETTABLE, "a namespace");
  const { name, ...changes } = properties;
  const newName = name === undefined ? namespace.name : readText(name, "name", 63);
  if (!sameName(newName, namespace.name)) {
    checkNamespaceName(newName);
    // Choice: renaming onto a taken name is 400 (an invalid value): the status table gives 409 to PUT only.
    if (tenant.namespaces.some((ns) => sameName(ns.name, newName)))
      throw badRequest(`Namespace ${newName} already exists.`);
  }
  const patch = readSettingsPatch(changes, ctx.store.state);
  const current = namespace.settings;
  const next = withSearchCouplings({ ...current, ...patch });
  if (!next.replicationEnabled) next.readFromReplica = false;
  // Choice: an empty owner clears the owner.
  if (next.owner === "") next.ownerType = "LOCAL";
  else if (patch.owner !== undefined && patch.ownerType === undefined) next.ownerType = "LOCAL";
  checkOneWay(current, next);
  checkSettings(next, namespace.versioning, tenant, patch, namespace);
  namespace.settings = next;
  // Choice: a rename keeps the namespace's id, owner and usage.
  namespace.name = newName;
  ctx.store.commit();
  return emptyAnswer();
}

/** DELETE /namespaces/{ns}: only an empty namespace (403 while it holds objects). */
export function deleteNamespace(ctx: MapiContext): EmulatorResponse {
  const { tenant, access } = namespaceTenant(ctx, ["ADMINISTRATOR"], true);
  const namespace = namespaceOf(ctx, tenant, access);
  const objects = namespace.usage.objectCount;
  if (objects > 0)
    throw forbidden(
      `Namespace ${namespace.name} cannot be deleted because it contains ${objects} object(s).`,
    );
  tenant.namespaces = tenant.namespaces.filter((ns) => ns !== namespace);
  ctx.store.commit();
  return emptyAnswer();
}
