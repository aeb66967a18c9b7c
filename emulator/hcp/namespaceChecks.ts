import { badRequest, forbidden } from "./errors";
import { formatQuota } from "./formats";
import { type READ_ONLY, SETTING_NAMES } from "./namespaceProperties";
import {
  allocatedBytes,
  type Namespace,
  type NamespaceSettings,
  type NamespaceVersioning,
} from "./namespaceState";
import { quotaBytes, sameName, type Tenant } from "./state";

/**
 * The rules a namespace's settings must meet together, against its tenant: what the tenant allows
 * (search, replication, erasure coding, compliance mode, service plans, versioning), the couplings
 * (indexing needs search, erasure coding needs CLOUD, append excludes versioning) and the space.
 */
export function checkSettings(
  next: NamespaceSettings,
  versioning: NamespaceVersioning,
  tenant: Tenant,
  given: Partial<NamespaceSettings>,
  namespace?: Namespace,
): void {
  const refuse = (text: string) => {
    throw badRequest(text);
  };
  if (!next.enterpriseMode && !tenant.complianceConfigurationEnabled)
    refuse("'enterpriseMode' can be false only when the tenant may set the retention mode.");
  if (next.searchEnabled && !tenant.searchConfigurationEnabled)
    refuse("'searchEnabled' can be true only when the tenant allows search.");
  if (next.indexingEnabled && !next.searchEnabled) refuse("'indexingEnabled' needs searchEnabled.");
  if (next.customMetadataIndexingEnabled && !next.indexingEnabled)
    refuse("'customMetadataIndexingEnabled' needs indexingEnabled.");
  if (next.replicationEnabled && !tenant.replicationConfigurationEnabled)
    refuse("'replicationEnabled' can be true only when the tenant has replication.");
  if (next.readFromReplica && !next.replicationEnabled) refuse("'readFromReplica' needs replicationEnabled.");
  if (given.allowErasureCoding !== undefined && !tenant.erasureCodingSelectionEnabled)
    refuse("'allowErasureCoding' is valid only when the tenant selects erasure coding.");
  if (next.allowErasureCoding && next.optimizedFor !== "CLOUD")
    refuse("'allowErasureCoding' can be true only when 'optimizedFor' is CLOUD.");
  if (given.servicePlan !== undefined && !tenant.servicePlanSelectionEnabled)
    refuse("'servicePlan' is valid only when the tenant selects service plans.");
  if (given.ownerType !== undefined && given.owner === undefined)
    refuse("'ownerType' is valid only with 'owner'.");
  if (versioning.enabled && !tenant.versioningConfigurationEnabled)
    refuse("Versioning can be enabled only when the tenant allows versioning.");
  if (versioning.enabled && next.appendEnabled) refuse("Versioning and appendEnabled exclude each other.");
  checkOwner(next, tenant, namespace);
  checkSpace(next, tenant, namespace);
}

/** A LOCAL owner must be an account of the tenant, within its maxNamespacesPerUser. */
function checkOwner(next: NamespaceSettings, tenant: Tenant, namespace?: Namespace): void {
  if (next.owner === "" || next.ownerType !== "LOCAL") return;
  const account = tenant.users.find((u) => sameName(u.username, next.owner));
  if (!account) throw badRequest(`Owner '${next.owner}' is not a user account of the tenant.`);
  next.owner = account.username;
  const owned = tenant.namespaces.filter(
    (ns) => ns !== namespace && ns.settings.ownerType === "LOCAL" && sameName(ns.settings.owner, next.owner),
  ).length;
  if (!namespace || !sameName(namespace.settings.owner, next.owner)) {
    // Choice: exceeding maxNamespacesPerUser is 400 (the status is undocumented).
    if (owned >= tenant.maxNamespacesPerUser)
      throw badRequest(`'${next.owner}' already owns ${owned} namespaces, the tenant's maximum per user.`);
  }
}

/** No over-allocation of the tenant's hard quota, and never below what the namespace stores. */
function checkSpace(next: NamespaceSettings, tenant: Tenant, namespace?: Namespace): void {
  const wanted = quotaBytes(next.hardQuota);
  const free = quotaBytes(tenant.hardQuota) - allocatedBytes(tenant, namespace);
  // Choice: over-allocation and a quota below usage are 400 (the status is undocumented).
  if (wanted > free)
    throw badRequest(
      `'hardQuota' ${formatQuota(next.hardQuota)} exceeds the ${free} bytes of the tenant's hard quota not yet allocated.`,
    );
  const used = namespace?.usage.storageCapacityUsed ?? 0;
  if (wanted < used)
    throw badRequest(`'hardQuota' cannot be less than the ${used} bytes the namespace stores.`);
}

// Choice: breaking a one-way rule (compliance back to enterprise, aclsUsage back to NOT_ENABLED) is 403.
export function checkOneWay(current: NamespaceSettings, next: NamespaceSettings): void {
  if (!current.enterpriseMode && next.enterpriseMode)
    throw forbidden("A namespace in compliance mode cannot return to enterprise mode.");
  if (current.aclsUsage !== "NOT_ENABLED" && next.aclsUsage === "NOT_ENABLED")
    throw forbidden("'aclsUsage' cannot return to NOT_ENABLED.");
}

/** Turning search off turns indexing off, and indexing off turns custom-metadata indexing off. */
export function withSearchCouplings(next: NamespaceSettings): NamespaceSettings {
  const indexingEnabled = next.indexingEnabled && next.searchEnabled;
  return {
    ...next,
    indexingEnabled,
    customMetadataIndexingEnabled: next.customMetadataIndexingEnabled && indexingEnabled,
  };
}

/** What a GET shows: settable properties; verbose adds hashScheme and the read-only ones. */
export function namespaceView(
  namespace: Namespace,
  tenant: Tenant,
  verbose: boolean,
  domain: string,
): Record<string, unknown> {
  const s = namespace.settings;
  // Choice: conditional properties appear only where they apply (replication, erasure coding, service plans, owner).
  const hidden = new Set<string>([
    ...(tenant.replicationConfigurationEnabled ? [] : ["replicationEnabled"]),
    ...(s.replicationEnabled ? [] : ["readFromReplica"]),
    ...(tenant.erasureCodingSelectionEnabled ? [] : ["allowErasureCoding"]),
    ...(tenant.servicePlanSelectionEnabled ? [] : ["servicePlan"]),
    ...(s.owner === "" ? ["owner", "ownerType"] : []),
    ...(verbose ? [] : ["hashScheme"]),
  ]);
  const wrapped: Record<string, unknown> = {
    hardQuota: formatQuota(s.hardQuota),
    tags: { tag: s.tags },
    authMinimumPermissions: { permission: s.authMinimumPermissions },
    authAndAnonymousMinimumPermissions: { permission: s.authAndAnonymousMinimumPermissions },
  };
  const settings = SETTING_NAMES.filter((name) => !hidden.has(name)).map((name) => [
    name,
    wrapped[name] ?? s[name],
  ]);
  const readOnly: Record<(typeof READ_ONLY)[number], unknown> = {
    id: namespace.id,
    creationTime: namespace.creationTime,
    fullyQualifiedName: `${namespace.name}.${tenant.name}.${domain}`,
    mqeIndexingTimestamp: s.indexingEnabled ? namespace.creationTime : undefined,
    replicationTimestamp: s.replicationEnabled ? namespace.creationTime : undefined,
    isDplDynamic: true,
  };
  const extra = verbose
    ? [["dpl", "Dynamic"], ...Object.entries(readOnly).filter(([, value]) => value !== undefined)]
    : [];
  return Object.fromEntries([["name", namespace.name], ...settings, ...extra]);
}
