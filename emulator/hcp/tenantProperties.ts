import type { Caller } from "./auth";
import { badRequest } from "./errors";
import {
  formatQuota,
  parseQuota,
  readBoolean,
  readEnum,
  readInteger,
  readText,
  readTextList,
} from "./formats";
import { allocatedBytes } from "./namespaceState";
import { checkTag } from "./rules";
import { type HcpState, type Quota, quotaBytes, sameName, type Tenant } from "./state";

// Choice: a system-level account may set these on POST (the create properties except name).
export const SYSTEM_SETTABLE = [
  "systemVisibleDescription",
  "hardQuota",
  "softQuota",
  "namespaceQuota",
  "authenticationTypes",
  "complianceConfigurationEnabled",
  "versioningConfigurationEnabled",
  "searchConfigurationEnabled",
  "replicationConfigurationEnabled",
  "erasureCodingSelectionEnabled",
  "tags",
  "servicePlanSelectionEnabled",
  "servicePlan",
  "dataNetwork",
  "managementNetwork",
] as const;

/** What a tenant-level account (or a system-level one the tenant lets in) may set. */
export const TENANT_SETTABLE = [
  "administrationAllowed",
  "maxNamespacesPerUser",
  "snmpLoggingEnabled",
  "syslogLoggingEnabled",
  "tenantVisibleDescription",
] as const;

const DEFAULT_TENANT_SETTABLE = [
  "systemVisibleDescription",
  "snmpLoggingEnabled",
  "syslogLoggingEnabled",
  "tenantVisibleDescription",
] as const;

const READ_ONLY = ["id", "creationTime", "fullyQualifiedName"] as const;

// Choice: tenantVisibleDescription may be given on create as well (third-party clients send it).
export const CREATE_SETTABLE = ["name", ...SYSTEM_SETTABLE, "tenantVisibleDescription"] as const;

/** Every tenant property, in the order answers list them. */
export const TENANT_PROPERTIES = ["name", ...SYSTEM_SETTABLE, ...TENANT_SETTABLE, ...READ_ONLY] as const;

const CONFIGURATION_FLAGS = [
  "complianceConfigurationEnabled",
  "versioningConfigurationEnabled",
  "searchConfigurationEnabled",
  "replicationConfigurationEnabled",
] as const;

type SettableProperty = (typeof SYSTEM_SETTABLE)[number] | (typeof TENANT_SETTABLE)[number];
export type TenantPatch = Partial<Pick<Tenant, SettableProperty>>;

const AUTHENTICATION_TYPES = ["LOCAL", "RADIUS", "EXTERNAL"] as const;
const MIN_HARD_QUOTA_BYTES = 1024 ** 3;
const MAX_NAMESPACES = 10_000;

const readers: { [P in SettableProperty]: (value: unknown, state: HcpState) => Tenant[P] } = {
  systemVisibleDescription: (value) => readText(value, "systemVisibleDescription", 1024),
  tenantVisibleDescription: (value) => readText(value, "tenantVisibleDescription", 1024),
  hardQuota: readHardQuota,
  // Choice: the tenant softQuota range is 10-95, the namespace rule, not the 0-100 of the read-only tenant table.
  softQuota: (value) => readInteger(value, "softQuota", 10, 95),
  namespaceQuota: readNamespaceQuota,
  authenticationTypes: readAuthenticationTypes,
  complianceConfigurationEnabled: readBoolean,
  versioningConfigurationEnabled: readBoolean,
  searchConfigurationEnabled: readBoolean,
  replicationConfigurationEnabled: readBoolean,
  erasureCodingSelectionEnabled: readBoolean,
  servicePlanSelectionEnabled: readBoolean,
  servicePlan: (value, state) => readServicePlan(value, "servicePlan", state),
  dataNetwork: (value, state) => readNetwork(value, "dataNetwork", state),
  managementNetwork: (value, state) => readNetwork(value, "managementNetwork", state),
  tags: readTags,
  administrationAllowed: readBoolean,
  maxNamespacesPerUser: (value) => readInteger(value, "maxNamespacesPerUser", 0, MAX_NAMESPACES),
  snmpLoggingEnabled: readBoolean,
  syslogLoggingEnabled: readBoolean,
};

/** The validated values of the settable properties present in a body (names must be checked first). */
export function readTenantPatch(properties: Record<string, unknown>, state: HcpState): TenantPatch {
  const patch: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (name in readers) patch[name] = readers[name as SettableProperty](value, state);
  }
  return patch as TenantPatch;
}

function readHardQuota(value: unknown): Quota {
  const quota = parseQuota(value, "hardQuota");
  if (quotaBytes(quota) < MIN_HARD_QUOTA_BYTES) throw badRequest("'hardQuota' must be at least 1 GB.");
  return quota;
}

/** Text, as documented: None, or a count 1-10,000. */
function readNamespaceQuota(value: unknown): number | null {
  if (value === "None") return null;
  if (typeof value !== "string" || !/^[1-9]\d*$/.test(value))
    throw badRequest("Invalid value for 'namespaceQuota': a count or None is required.");
  return readInteger(value, "namespaceQuota", 1, MAX_NAMESPACES);
}

/** LOCAL, RADIUS, EXTERNAL in any case; at least one, and not RADIUS alone. */
function readAuthenticationTypes(value: unknown): string[] {
  const types = readTextList(value, "authenticationType", "authenticationTypes", 16).map((type) =>
    readEnum(type, "authenticationType", AUTHENTICATION_TYPES, false),
  );
  const distinct = [...new Set(types)];
  if (distinct.length === 0)
    throw badRequest("'authenticationTypes' needs at least one authentication type.");
  if (distinct.length === 1 && distinct[0] === "RADIUS") {
    throw badRequest("'authenticationTypes' cannot be RADIUS alone.");
  }
  return distinct;
}

function readTags(value: unknown): string[] {
  const tags = readTextList(value, "tag", "tags", 64);
  tags.forEach(checkTag);
  return tags.filter((tag, index) => tags.findIndex((other) => sameName(other, tag)) === index);
}

export function readServicePlan(value: unknown, name: string, state: HcpState): string {
  const requested = readText(value, name, 64);
  const plan = state.servicePlans.find((p) => sameName(p.name, requested));
  if (!plan) throw badRequest(`Service plan '${requested}' does not exist.`);
  return plan.name;
}

function readNetwork(value: unknown, name: string, state: HcpState): string {
  const requested = readText(value, name, 64);
  const network = state.networks.find((n) => sameName(n, requested));
  if (!network) throw badRequest(`Network '${requested}' does not exist.`);
  return network;
}

/** The properties this caller may set on this tenant by POST. */
export function settableBy(caller: Caller, tenant: Tenant): readonly SettableProperty[] {
  if (tenant.isDefault) return DEFAULT_TENANT_SETTABLE;
  if (caller.level === "tenant") return TENANT_SETTABLE;
  return tenant.administrationAllowed ? [...SYSTEM_SETTABLE, ...TENANT_SETTABLE] : SYSTEM_SETTABLE;
}

/** Limits that depend on what the tenant already owns. */
export function checkTenantLimits(candidate: Tenant): void {
  const allocated = allocatedBytes(candidate);
  if (quotaBytes(candidate.hardQuota) < allocated) {
    throw badRequest(
      `'hardQuota' cannot be less than the ${allocated} bytes allocated to the tenant's namespaces.`,
    );
  }
  const count = candidate.namespaces.length;
  if (candidate.namespaceQuota !== null && candidate.namespaceQuota < count) {
    throw badRequest(`'namespaceQuota' cannot be less than the ${count} namespaces the tenant owns.`);
  }
}

type ViewProperty = (typeof TENANT_PROPERTIES)[number];

/** Which properties a GET shows: non-verbose is what the caller may set, verbose adds read-only ones. */
function visibleProperties(tenant: Tenant, caller: Caller, verbose: boolean): Set<ViewProperty> {
  if (tenant.isDefault) {
    const extra = [
      "name",
      "id",
      "managementNetwork",
      "dataNetwork",
      "fullyQualifiedName",
      "creationTime",
    ] as const;
    return new Set<ViewProperty>([...DEFAULT_TENANT_SETTABLE, ...(verbose ? extra : [])]);
  }
  if (caller.level === "tenant") {
    const extra = [
      "name",
      "hardQuota",
      "softQuota",
      "namespaceQuota",
      "authenticationTypes",
      ...CONFIGURATION_FLAGS,
    ] as const;
    return new Set<ViewProperty>([...TENANT_SETTABLE, ...(verbose ? [...extra, ...READ_ONLY] : [])]);
  }
  // Choice: name is part of a system-level non-verbose GET; POSTing it back unchanged is accepted.
  const visible = new Set<ViewProperty>(["name", ...settableBy(caller, tenant)]);
  // Choice: servicePlan is shown only while servicePlanSelectionEnabled is false, as observed on real systems.
  if (tenant.servicePlanSelectionEnabled) visible.delete("servicePlan");
  if (verbose) for (const property of READ_ONLY) visible.add(property);
  return visible;
}

function propertyValues(tenant: Tenant, domain: string): Record<ViewProperty, unknown> {
  return {
    name: tenant.name,
    systemVisibleDescription: tenant.systemVisibleDescription,
    hardQuota: formatQuota(tenant.hardQuota),
    softQuota: tenant.softQuota,
    namespaceQuota: tenant.namespaceQuota === null ? "None" : String(tenant.namespaceQuota),
    authenticationTypes: { authenticationType: tenant.authenticationTypes },
    complianceConfigurationEnabled: tenant.complianceConfigurationEnabled,
    versioningConfigurationEnabled: tenant.versioningConfigurationEnabled,
    searchConfigurationEnabled: tenant.searchConfigurationEnabled,
    replicationConfigurationEnabled: tenant.replicationConfigurationEnabled,
    erasureCodingSelectionEnabled: tenant.erasureCodingSelectionEnabled,
    tags: { tag: tenant.tags },
    servicePlanSelectionEnabled: tenant.servicePlanSelectionEnabled,
    servicePlan: tenant.servicePlan,
    dataNetwork: tenant.dataNetwork,
    managementNetwork: tenant.managementNetwork,
    administrationAllowed: tenant.administrationAllowed,
    maxNamespacesPerUser: tenant.maxNamespacesPerUser,
    snmpLoggingEnabled: tenant.snmpLoggingEnabled,
    syslogLoggingEnabled: tenant.syslogLoggingEnabled,
    tenantVisibleDescription: tenant.tenantVisibleDescription,
    id: tenant.id,
    creationTime: tenant.creationTime,
    fullyQualifiedName: `${tenant.name}.${domain}`,
  };
}

/** The tenant as this caller sees it in a GET. */
export function tenantView(
  tenant: Tenant,
  caller: Caller,
  verbose: boolean,
  domain: string,
): Record<string, unknown> {
  const visible = visibleProperties(tenant, caller, verbose);
  const values = propertyValues(tenant, domain);
  return Object.fromEntries(TENANT_PROPERTIES.filter((p) => visible.has(p)).map((p) => [p, values[p]]));
}
