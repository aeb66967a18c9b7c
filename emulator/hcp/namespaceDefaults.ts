import { checkPropertyNames } from "./context";
import { badRequest } from "./errors";
import { formatQuota, parseQuota, readBoolean, readEnum, readInteger, readObject, readText } from "./formats";
import {
  type HcpState,
  type NamespaceDefaults,
  quotaBytes,
  type Tenant,
  type VersioningSettings,
} from "./state";
import { readServicePlan } from "./tenantProperties";
import { ADMIN_ONLY, MONITOR_OR_ADMIN, type TenantSetting } from "./tenantSettings";

type DefaultsProperty = keyof NamespaceDefaults;

/** Properties that exist only while the tenant has the matching configuration flag on. */
const REQUIRES: Partial<Record<DefaultsProperty, (tenant: Tenant) => boolean>> = {
  enterpriseMode: (t) => t.complianceConfigurationEnabled,
  searchEnabled: (t) => t.searchConfigurationEnabled,
  replicationEnabled: (t) => t.replicationConfigurationEnabled,
  servicePlan: (t) => t.servicePlanSelectionEnabled,
  allowErasureCoding: (t) => t.erasureCodingSelectionEnabled,
  versioningSettings: (t) => t.versioningConfigurationEnabled,
};

/** Answer order; dpl and effectiveDpl are added at the end. */
const DEFAULTS_PROPERTIES: readonly DefaultsProperty[] = [
  "description",
  "hardQuota",
  "softQuota",
  "hashScheme",
  "enterpriseMode",
  "searchEnabled",
  "replicationEnabled",
  "servicePlan",
  "allowErasureCoding",
  "optimizedFor",
  "directoryUsage",
  "multipartUploadAutoAbortDays",
  "retentionType",
  "s3UnversionedOverwrite",
  "versioningSettings",
];

const HASH_SCHEMES = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "RIPEMD-160"] as const;
const VERSIONING_PROPERTIES = ["enabled", "prune", "pruneDays", "useDeleteMarkers"] as const;
/** dpl is deprecated and always Dynamic. */
const DPL = "Dynamic";

const isAvailable = (property: DefaultsProperty, tenant: Tenant): boolean =>
  REQUIRES[property]?.(tenant) ?? true;

// Choice: versioningSettings is replaced whole when sent; prune and pruneDays default to false and 0.
function readVersioningSettings(value: unknown): VersioningSettings {
  const properties = readObject(value, "versioningSettings");
  checkPropertyNames(properties, VERSIONING_PROPERTIES, VERSIONING_PROPERTIES, "versioningSettings");
  if (properties.enabled === undefined) throw badRequest("'enabled' of versioningSettings is required.");
  const enabled = readBoolean(properties.enabled);
  if (enabled && properties.prune === undefined)
    throw badRequest("'prune' is required when versioning is enabled.");
  const prune = enabled && readBoolean(properties.prune);
  if (prune && properties.pruneDays === undefined)
    throw badRequest("'pruneDays' is required when prune is true.");
  return {
    enabled,
    prune,
    pruneDays: prune ? readInteger(properties.pruneDays, "pruneDays", 0, 36_500) : 0,
    useDeleteMarkers:
      properties.useDeleteMarkers === undefined ? false : readBoolean(properties.useDeleteMarkers),
  };
}

// Choice: the enumerations here are read as documented, case-sensitively (the reference calls none of them
// case-insensitive, and hashScheme case-sensitive).
function readDefaultsProperty(name: DefaultsProperty, value: unknown, state: HcpState): unknown {
  switch (name) {
    case "description":
      return readText(value, name, 1024);
    case "hardQuota":
      return parseQuota(value, name);
    case "softQuota":
      return readInteger(value, name, 10, 95);
    case "hashScheme":
      return readEnum(value, name, HASH_SCHEMES, true);
    case "servicePlan":
      return readServicePlan(value, name, state);
    case "optimizedFor":
      return readEnum(value, name, ["ALL", "CLOUD", "DEFAULT"], true);
    case "directoryUsage":
      return readEnum(value, name, ["Balanced", "Unbalanced", "Default"], true);
    case "multipartUploadAutoAbortDays":
      return readInteger(value, name, 0, 180);
    case "retentionType":
      return readEnum(value, name, ["HCP", "S3"], true);
    case "versioningSettings":
      return readVersioningSettings(value);
    default:
      return readBoolean(value);
  }
}

function checkDefaults(next: NamespaceDefaults, tenant: Tenant): void {
  if (quotaBytes(next.hardQuota) > quotaBytes(tenant.hardQuota)) {
    throw badRequest("'hardQuota' cannot exceed the tenant hard quota.");
  }
  if (next.allowErasureCoding && next.optimizedFor !== "CLOUD") {
    throw badRequest("'allowErasureCoding' can be true only when 'optimizedFor' is CLOUD.");
  }
}

export const namespaceDefaults: TenantSetting = {
  resource: "namespaceDefaults",
  validForDefaultTenant: false,
  read: MONITOR_OR_ADMIN,
  write: ADMIN_ONLY,
  view(tenant, verbose) {
    const defaults = tenant.namespaceDefaults;
    const shown = DEFAULTS_PROPERTIES.filter((name) => isAvailable(name, tenant)).map((name) => [
      name,
      name === "hardQuota"
        ? formatQuota(defaults.hardQuota)
        : name === "versioningSettings"
          ? { ...defaults[name] }
          : defaults[name],
    ]);
    return Object.fromEntries([...shown, ["dpl", DPL], ...(verbose ? [["effectiveDpl", DPL]] : [])]);
  },
  update(tenant, body, state) {
    const { dpl, ...properties } = body;
    // Choice: dpl may be sent only as its fixed value Dynamic; a property whose tenant flag is off is 400.
    if (dpl !== undefined && readText(dpl, "dpl", 16).toLowerCase() !== DPL.toLowerCase()) {
      throw badRequest("'dpl' is deprecated and can only be Dynamic.");
    }
    checkPropertyNames(
      properties,
      [...DEFAULTS_PROPERTIES, "effectiveDpl"],
      DEFAULTS_PROPERTIES,
      "namespaceDefaults",
    );
    const next: Record<string, unknown> = { ...tenant.namespaceDefaults };
    for (const [name, value] of Object.entries(properties)) {
      const property = name as DefaultsProperty;
      if (!isAvailable(property, tenant))
        throw badRequest(`'${name}' is not valid with this tenant's configuration.`);
      next[name] = readDefaultsProperty(property, value, state);
    }
    checkDefaults(next as unknown as NamespaceDefaults, tenant);
    tenant.namespaceDefaults = next as unknown as NamespaceDefaults;
  },
};
