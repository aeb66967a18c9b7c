import { elementShape } from "./elements";
import { hcpConsoleSecuritySpec } from "./specs/hcpConsoleSecurity";
import { hcpNamespaceDefaultsSpec } from "./specs/hcpNamespaceDefaults";
import { hcpSearchSecuritySpec } from "./specs/hcpSearchSecurity";
import { hcpTenantSpec } from "./specs/hcpTenant";
import { hcpTenantContactInfoSpec } from "./specs/hcpTenantContactInfo";
import { hcpTenantEmailNotificationSpec } from "./specs/hcpTenantEmailNotification";
import type { Shape } from "./xml";

/** Wire shapes of the HCP Management API (MAPI) data types, as far as this project reads and writes them. */

/**
 * The system-level settings of a tenant (reference §6), typed for the code that reads them; which elements the
 * provider writes and reads, and how, is the `wire` of HcpTenant's spec (provider/hcp/specs/hcpTenant.ts).
 */
export interface TenantSettings {
  name?: string;
  systemVisibleDescription?: string;
  /** `"<number> <MB|GB|TB>"`; HCP answers with two decimals, e.g. `"100.00 GB"`. */
  hardQuota?: string;
  softQuota?: number;
  /** An integer as text, or `"None"`. */
  namespaceQuota?: string;
  authenticationTypes?: string[];
  complianceConfigurationEnabled?: boolean;
  versioningConfigurationEnabled?: boolean;
  searchConfigurationEnabled?: boolean;
  replicationConfigurationEnabled?: boolean;
  erasureCodingSelectionEnabled?: boolean;
  tags?: string[];
  servicePlanSelectionEnabled?: boolean;
  /** Answered only while servicePlanSelectionEnabled is false. */
  servicePlan?: string;
  dataNetwork?: string;
  managementNetwork?: string;
}

/** A tenant as a verbose GET answers it. */
export interface Tenant extends TenantSettings {
  id?: string;
  fullyQualifiedName?: string;
  creationTime?: string;
  administrationAllowed?: boolean;
  maxNamespacesPerUser?: number;
  snmpLoggingEnabled?: boolean;
  syslogLoggingEnabled?: boolean;
  tenantVisibleDescription?: string;
}

/** What a POST may change: everything but the read-only properties. */
export type TenantModification = Omit<Tenant, "id" | "fullyQualifiedName" | "creationTime">;

/** The account PUT /tenants creates with the tenant (query parameters, never in a body or message). */
export interface InitialUser {
  username: string;
  password: string;
  forcePasswordChange?: boolean;
}

/** GET /tenants paging, sorting and filtering (reference §3). */
export interface TenantListQuery {
  offset?: number;
  count?: number;
  sortType?: "name" | "hardQuota";
  sortOrder?: "ascending" | "descending";
  filterType?: "name" | "tag";
  /** A case-insensitive prefix, at most 64 characters, without commas. */
  filterString?: string;
}

export interface IpSettings {
  allowAddresses?: string[];
  denyAddresses?: string[];
  allowIfInBothLists?: boolean;
}

/** Tenant Management Console security (reference §9); the 9.x properties after the first seven. */
export interface ConsoleSecurity {
  ipSettings?: IpSettings;
  minimumPasswordLength?: number;
  forcePasswordChangeDays?: number;
  disableAfterAttempts?: number;
  disableAfterInactiveDays?: number;
  logoutOnInactive?: number;
  loginMessage?: string;
  automaticUserAccountUnlockSetting?: boolean;
  /** Spelled "Accout" on the wire, as HCP documents it. */
  automaticUserAccoutUnlockDuration?: number;
  coolDownPeriodSettings?: boolean;
  coolDownPeriodDuration?: number;
  blockCommonPassword?: boolean;
  blockPasswordReUse?: boolean;
  passwordReuseDepth?: number;
  passwordCombination?: boolean;
  passwordContainsUsername?: boolean;
  lowerCaseLetterCount?: number;
  upperCaseLetterCount?: number;
  numericCharacterCount?: number;
  specialCharacterCount?: number;
}

export interface SearchSecurity {
  ipSettings?: IpSettings;
}

/** The contactInfo document: the elements its resource's spec maps (provider/hcp/specs/hcpTenantContactInfo.ts). */
export type ContactInfo = Partial<Record<string, string>>;

export interface EmailTemplate {
  from?: string;
  subject?: string;
  body?: string;
}

export interface Recipient {
  /** Comma-separated e-mail addresses. */
  address: string;
  importance?: string;
  severity?: string;
  /** Comma-separated GENERAL, SECURITY, COMPLIANCE. */
  type?: string;
}

export interface EmailNotification {
  enabled?: boolean;
  emailTemplate?: EmailTemplate;
  recipients?: Recipient[];
}

export interface VersioningSettings {
  enabled?: boolean;
  prune?: boolean;
  pruneDays?: number;
  useDeleteMarkers?: boolean;
}

export interface NamespaceDefaults {
  description?: string;
  hardQuota?: string;
  softQuota?: number;
  hashScheme?: string;
  enterpriseMode?: boolean;
  searchEnabled?: boolean;
  replicationEnabled?: boolean;
  servicePlan?: string;
  allowErasureCoding?: boolean;
  optimizedFor?: string;
  directoryUsage?: string;
  multipartUploadAutoAbortDays?: number;
  retentionType?: string;
  s3UnversionedOverwrite?: boolean;
  versioningSettings?: VersioningSettings;
}

export const permissionNames = ["DELETE", "PRIVILEGED", "PURGE", "READ", "SEARCH", "WRITE"] as const;
export type Permission = (typeof permissionNames)[number];

/** Content figures of a tenant's namespaces (reference §16); newer systems add the compression ones. */
export interface TenantStatistics {
  objectCount?: number;
  ingestedVolume?: number;
  storageCapacityUsed?: number;
  customMetadataCount?: number;
  customMetadataSize?: number;
  shredCount?: number;
  shredSize?: number;
  compressedCount?: number;
  compressedSavedSize?: number;
  erasureCodedCount?: number;
  erasureCodedSize?: number;
}

export interface ServicePlan {
  name: string;
  description?: string;
}

export type ChargebackGranularity = "hour" | "day" | "total";
export type ReportFormat = "xml" | "json" | "csv";

export interface ChargebackQuery {
  /** `yyyy-MM-ddTHH:mm:ss±hhmm` */
  start?: string;
  end?: string;
  granularity?: ChargebackGranularity;
}

/** One line of a chargeback report: one namespace, or the tenant total (namespaceName empty). */
export interface ChargebackRow {
  systemName: string;
  tenantName: string;
  namespaceName: string;
  startTime: string;
  endTime: string;
  /** `false`, `true` or `included`. */
  deleted: string;
  valid: boolean;
  /** objectCount, ingestedVolume, bytesIn, reads… whatever figures the system reports. */
  [figure: string]: string | number | boolean;
}

/** The tenant document's elements: the spec's mapped ones, and what HCP assigns or the tenant sets. */
export const tenantShape: Shape = {
  ...elementShape(hcpTenantSpec),
  id: "string",
  fullyQualifiedName: "string",
  creationTime: "string",
  administrationAllowed: "boolean",
  maxNamespacesPerUser: "integer",
  snmpLoggingEnabled: "boolean",
  syslogLoggingEnabled: "boolean",
  tenantVisibleDescription: "string",
};

export const consoleSecurityShape: Shape = elementShape(hcpConsoleSecuritySpec);

export const searchSecurityShape: Shape = elementShape(hcpSearchSecuritySpec);

export const contactInfoShape: Shape = elementShape(hcpTenantContactInfoSpec);

export const emailNotificationShape: Shape = elementShape(hcpTenantEmailNotificationSpec);

export const namespaceDefaultsShape: Shape = elementShape(hcpNamespaceDefaultsSpec);

export const statisticsShape: Shape = {
  objectCount: "integer",
  ingestedVolume: "integer",
  storageCapacityUsed: "integer",
  customMetadataCount: "integer",
  customMetadataSize: "integer",
  shredCount: "integer",
  shredSize: "integer",
  compressedCount: "integer",
  compressedSavedSize: "integer",
  erasureCodedCount: "integer",
  erasureCodedSize: "integer",
};

export const servicePlanShape: Shape = { name: "string", description: "string" };
