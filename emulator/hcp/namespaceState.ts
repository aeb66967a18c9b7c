import { randomUUID } from "node:crypto";
import { type Quota, quotaBytes, type Tenant, USAGE_FIGURES, type Usage } from "./state";

/** The settable properties of a namespace (reference-next §1.2), as the emulator keeps them. */
export interface NamespaceSettings {
  description: string;
  hardQuota: Quota;
  softQuota: number;
  hashScheme: string;
  enterpriseMode: boolean;
  searchEnabled: boolean;
  indexingEnabled: boolean;
  customMetadataIndexingEnabled: boolean;
  replicationEnabled: boolean;
  readFromReplica: boolean;
  serviceRemoteSystemRequests: boolean;
  tags: string[];
  /** "" when the namespace has no owner. */
  owner: string;
  ownerType: "LOCAL" | "EXTERNAL";
  aclsUsage: "NOT_ENABLED" | "ENFORCED" | "NOT_ENFORCED";
  optimizedFor: string;
  allowErasureCoding: boolean;
  multipartUploadAutoAbortDays: number;
  authMinimumPermissions: string[];
  authAndAnonymousMinimumPermissions: string[];
  authUsersAlwaysGrantedAllPermissions: boolean;
  indexingDefault: boolean;
  customMetadataValidationEnabled: boolean;
  allowPermissionAndOwnershipChanges: boolean;
  appendEnabled: boolean;
  atimeSynchronizationEnabled: boolean;
  servicePlan: string;
  directoryUsage: string;
  retentionType: string;
  s3UnversionedOverwrite: boolean;
}

/** The versioningSettings sub-resource; never part of a namespace GET. */
export interface NamespaceVersioning {
  enabled: boolean;
  prune: boolean;
  pruneDays: number;
  keepDeletionRecords: boolean;
  useDeleteMarkers: boolean;
}

/** The complianceSettings sub-resource (retention basics). */
export interface ComplianceSettings {
  retentionDefault: string;
  minimumRetentionAfterInitialUnspecified: string;
  shreddingDefault: boolean;
  customMetadataChanges: "ADD" | "ALL" | "NONE";
  dispositionEnabled: boolean;
}

/** A namespace of a tenant: what MAPI manages, and the usage figures its objects make. */
export interface Namespace {
  name: string;
  id: string;
  /** yyyy-MM-ddTHH:mm:ss±hhmm */
  creationTime: string;
  settings: NamespaceSettings;
  versioning: NamespaceVersioning;
  compliance: ComplianceSettings;
  usage: Usage;
}

export const defaultCompliance = (): ComplianceSettings => ({
  retentionDefault: "0",
  minimumRetentionAfterInitialUnspecified: "0y+0M+0d",
  shreddingDefault: false,
  customMetadataChanges: "ADD",
  dispositionEnabled: false,
});

export const emptyUsage = (): Usage => Object.fromEntries(USAGE_FIGURES.map((f) => [f, 0])) as Usage;

/** What a PUT without properties makes: the tenant's namespaceDefaults, then the documented defaults. */
export function defaultSettings(tenant: Tenant): NamespaceSettings {
  const d = tenant.namespaceDefaults;
  return {
    description: d.description,
    hardQuota: { ...d.hardQuota },
    softQuota: d.softQuota,
    hashScheme: d.hashScheme,
    // Choice: enterpriseMode from namespaceDefaults counts only where the tenant may set the mode; else enterprise.
    enterpriseMode: tenant.complianceConfigurationEnabled ? d.enterpriseMode : true,
    searchEnabled: tenant.searchConfigurationEnabled && d.searchEnabled,
    indexingEnabled: false,
    customMetadataIndexingEnabled: false,
    replicationEnabled: tenant.replicationConfigurationEnabled && d.replicationEnabled,
    readFromReplica: false,
    serviceRemoteSystemRequests: true,
    tags: [],
    owner: "",
    ownerType: "LOCAL",
    aclsUsage: "NOT_ENABLED",
    optimizedFor: concreteOptimization(d.optimizedFor),
    allowErasureCoding: tenant.erasureCodingSelectionEnabled && d.allowErasureCoding,
    multipartUploadAutoAbortDays: d.multipartUploadAutoAbortDays,
    authMinimumPermissions: [],
    authAndAnonymousMinimumPermissions: [],
    authUsersAlwaysGrantedAllPermissions: true,
    indexingDefault: true,
    customMetadataValidationEnabled: false,
    allowPermissionAndOwnershipChanges: false,
    appendEnabled: false,
    atimeSynchronizationEnabled: false,
    servicePlan: tenant.servicePlanSelectionEnabled ? d.servicePlan : tenant.servicePlan,
    directoryUsage: concreteDirectoryUsage(d.directoryUsage),
    retentionType: d.retentionType,
    s3UnversionedOverwrite: d.s3UnversionedOverwrite,
  };
}

/**
 * namespaceDefaults may say DEFAULT (optimizedFor) or Default (directoryUsage), meaning the system's own
 * setting; a namespace always holds CLOUD or ALL, and Balanced or Unbalanced (reference-next §1.2).
 */
// Choice: the system setting is the documented factory one, optimized for all protocols (SYS90 "Protocol optimization").
export const concreteOptimization = (value: string): string => (value === "DEFAULT" ? "ALL" : value);
// Choice (INFERRED): the system's directory usage is Balanced; Unbalanced is the setting a namespace opts into.
export const concreteDirectoryUsage = (value: string): string => (value === "Default" ? "Balanced" : value);

export function defaultVersioning(tenant: Tenant): NamespaceVersioning {
  const d = tenant.namespaceDefaults.versioningSettings;
  const enabled = tenant.versioningConfigurationEnabled && d.enabled;
  return {
    enabled,
    prune: enabled && d.prune,
    pruneDays: enabled && d.prune ? d.pruneDays : 0,
    keepDeletionRecords: true,
    useDeleteMarkers: d.useDeleteMarkers,
  };
}

/** A new namespace with the tenant's defaults and no objects. */
export function newNamespace(tenant: Tenant, name: string, creationTime: string): Namespace {
  return {
    name,
    id: randomUUID(),
    creationTime,
    settings: defaultSettings(tenant),
    versioning: defaultVersioning(tenant),
    compliance: defaultCompliance(),
    usage: emptyUsage(),
  };
}

const GIB = 1024 ** 3;

/** A byte count as a quota in GB (what the control API's hardQuotaBytes becomes). */
export const quotaOfBytes = (bytes: number): Quota => ({ amount: bytes / GIB, unit: "GB" });

/** Space the tenant's namespaces take from its hard quota, `except` one left out (the one being changed). */
export const allocatedBytes = (tenant: Tenant, except?: Namespace): number =>
  tenant.namespaces
    .filter((ns) => ns !== except)
    .reduce((sum, ns) => sum + quotaBytes(ns.settings.hardQuota), 0);
