import { badRequest } from "./errors";
import {
  parseQuota,
  readBoolean,
  readEnum,
  readInteger,
  readObject,
  readText,
  readTextList,
} from "./formats";
import type { NamespaceSettings, NamespaceVersioning } from "./namespaceState";
import { checkTag } from "./rules";
import { type HcpState, type Quota, quotaBytes, sameName } from "./state";
import { readServicePlan } from "./tenantProperties";

/** The namespace data type (reference-next §1.2), in the order answers list them. */
export const SETTING_NAMES = [
  "description",
  "hardQuota",
  "softQuota",
  "hashScheme",
  "enterpriseMode",
  "searchEnabled",
  "indexingEnabled",
  "customMetadataIndexingEnabled",
  "replicationEnabled",
  "readFromReplica",
  "serviceRemoteSystemRequests",
  "tags",
  "owner",
  "ownerType",
  "aclsUsage",
  "optimizedFor",
  "allowErasureCoding",
  "multipartUploadAutoAbortDays",
  "authMinimumPermissions",
  "authAndAnonymousMinimumPermissions",
  "authUsersAlwaysGrantedAllPermissions",
  "indexingDefault",
  "customMetadataValidationEnabled",
  "allowPermissionAndOwnershipChanges",
  "appendEnabled",
  "atimeSynchronizationEnabled",
  "servicePlan",
  "directoryUsage",
  "retentionType",
  "s3UnversionedOverwrite",
] as const satisfies readonly (keyof NamespaceSettings)[];
export type SettingName = (typeof SETTING_NAMES)[number];

export const READ_ONLY = [
  "id",
  "creationTime",
  "fullyQualifiedName",
  "mqeIndexingTimestamp",
  "replicationTimestamp",
  "isDplDynamic",
] as const;
/** Every property a body may name; `dpl` is deprecated and ignored. */
export const NAMESPACE_PROPERTIES = ["name", ...SETTING_NAMES, "versioningSettings", "dpl", ...READ_ONLY];
export const CREATE_SETTABLE = ["name", ...SETTING_NAMES, "versioningSettings", "dpl"];
// Choice: hashScheme and versioningSettings on POST are 403 (valid properties this operation may not set); dpl is ignored, isDplDynamic is 403.
export const MODIFY_SETTABLE = CREATE_SETTABLE.filter(
  (p) => p !== "hashScheme" && p !== "versioningSettings",
);

export const HASH_SCHEMES = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "RIPEMD-160"] as const;
const DATA_PERMISSIONS = ["BROWSE", "DELETE", "PURGE", "READ", "READ_ACL", "WRITE", "WRITE_ACL"] as const;
const MIN_HARD_QUOTA_BYTES = 1024 ** 3;

function readHardQuota(value: unknown): Quota {
  const quota = parseQuota(value, "hardQuota");
  if (quotaBytes(quota) < MIN_HARD_QUOTA_BYTES) throw badRequest("'hardQuota' must be at least 1 GB.");
  return quota;
}

function readTags(value: unknown): string[] {
  const tags = readTextList(value, "tag", "tags", 64);
  tags.forEach(checkTag);
  return tags.filter((tag, index) => tags.findIndex((other) => sameName(other, tag)) === index);
}

/** PURGE brings DELETE and READ brings BROWSE; the set is kept in the documented order. */
function readDataPermissions(value: unknown, name: string): string[] {
  const given = new Set(
    readTextList(value, "permission", name, 32).map((p) =>
      readEnum(p, "permission", DATA_PERMISSIONS, false),
    ),
  );
  if (given.has("PURGE")) given.add("DELETE");
  if (given.has("READ")) given.add("BROWSE");
  return DATA_PERMISSIONS.filter((p) => given.has(p));
}

type Reader = (value: unknown, state: HcpState) => unknown;

const readers: Partial<Record<SettingName, Reader>> = {
  description: (value) => readText(value, "description", 1024),
  hardQuota: readHardQuota,
  softQuota: (value) => readInteger(value, "softQuota", 10, 95),
  hashScheme: (value) => readEnum(value, "hashScheme", HASH_SCHEMES, true),
  tags: readTags,
  owner: (value) => readText(value, "owner", 256),
  // Choice: enumerations the reference calls case-insensitive (aclsUsage, permissions) are read in any case; the
  // others only as documented. A namespace holds CLOUD or ALL and Balanced or Unbalanced, not namespaceDefaults' DEFAULT.
  ownerType: (value) => readEnum(value, "ownerType", ["LOCAL", "EXTERNAL"], true),
  aclsUsage: (value) => readEnum(value, "aclsUsage", ["NOT_ENABLED", "ENFORCED", "NOT_ENFORCED"], false),
  optimizedFor: (value) => readEnum(value, "optimizedFor", ["CLOUD", "ALL"], true),
  multipartUploadAutoAbortDays: (value) => readInteger(value, "multipartUploadAutoAbortDays", 0, 180),
  authMinimumPermissions: (value) => readDataPermissions(value, "authMinimumPermissions"),
  authAndAnonymousMinimumPermissions: (value) =>
    readDataPermissions(value, "authAndAnonymousMinimumPermissions"),
  servicePlan: (value, state) => readServicePlan(value, "servicePlan", state),
  directoryUsage: (value) => readEnum(value, "directoryUsage", ["Balanced", "Unbalanced"], true),
  retentionType: (value) => readEnum(value, "retentionType", ["HCP", "S3"], true),
};

/** The validated values of the settings present in a body (names must have been checked first). */
export function readSettingsPatch(
  properties: Record<string, unknown>,
  state: HcpState,
): Partial<NamespaceSettings> {
  const patch: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    if (properties[name] === undefined) continue;
    patch[name] = (readers[name] ?? readBoolean)(properties[name], state);
  }
  return patch as Partial<NamespaceSettings>;
}

const VERSIONING_PROPERTIES = ["enabled", "prune", "pruneDays", "keepDeletionRecords", "useDeleteMarkers"];

/** A versioningSettings body laid over `current`; prune needs pruneDays, enabling needs prune (on PUT). */
export function readVersioning(
  value: unknown,
  current: NamespaceVersioning,
  requireEnabled: boolean,
): NamespaceVersioning {
  const properties = readObject(value, "versioningSettings");
  const { daysOnPrimary, pruneOnPrimary, daysOnReplica: _d, pruneOnReplica: _p, ...rest } = properties;
  // The deprecated …OnPrimary names alias pruneDays and prune; …OnReplica is ignored.
  const given: Record<string, unknown> = { pruneDays: daysOnPrimary, prune: pruneOnPrimary, ...rest };
  const unknown = Object.keys(rest).find((key) => !VERSIONING_PROPERTIES.includes(key));
  if (unknown) throw badRequest(`'${unknown}' is not a valid property of versioningSettings.`);
  if (requireEnabled && given.enabled === undefined)
    throw badRequest("'enabled' of versioningSettings is required.");
  const flag = (key: keyof NamespaceVersioning) =>
    given[key] === undefined ? (current[key] as boolean) : readBoolean(given[key]);
  const enabled = flag("enabled");
  if (requireEnabled && enabled && given.prune === undefined)
    throw badRequest("'prune' is required when versioning is enabled.");
  const prune = flag("prune");
  if (requireEnabled && prune && given.pruneDays === undefined)
    throw badRequest("'pruneDays' is required when prune is true.");
  const pruneDays =
    given.pruneDays === undefined ? current.pruneDays : readInteger(given.pruneDays, "pruneDays", 0, 36_500);
  return {
    enabled,
    prune,
    pruneDays,
    keepDeletionRecords: flag("keepDeletionRecords"),
    useDeleteMarkers: flag("useDeleteMarkers"),
  };
}
