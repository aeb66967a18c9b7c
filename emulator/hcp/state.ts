import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Namespace } from "./namespaceState";

export type { Namespace } from "./namespaceState";

export const SYSTEM_ROLES = [
  "ADMINISTRATOR",
  "MONITOR",
  "SECURITY",
  "COMPLIANCE",
  "SEARCH",
  "SERVICE",
] as const;
export const TENANT_ROLES = ["ADMINISTRATOR", "MONITOR", "SECURITY", "COMPLIANCE"] as const;
export type Role = (typeof SYSTEM_ROLES)[number];

/** A local user account; only the MD5 of the password is kept, which is all the HCP token carries. */
export interface Account {
  username: string;
  passwordMd5: string;
  roles: Role[];
  forcePasswordChange: boolean;
  /** What MAPI userAccounts describes; every tenant account has it, system accounts do not. */
  profile?: AccountProfile;
}

/** A tenant user account's properties beyond its name, roles and password (reference-next §2.2). */
export interface AccountProfile {
  fullName: string;
  description: string;
  enabled: boolean;
  /** false: RADIUS, no local password. */
  localAuthentication: boolean;
  allowNamespaceManagement: boolean;
  userGUID: string;
  userID: number;
  /** MD5s of earlier passwords, newest first, for consoleSecurity.blockPasswordReUse. */
  passwordHistory: string[];
}

export type QuotaUnit = "MB" | "GB" | "TB";
export interface Quota {
  amount: number;
  unit: QuotaUnit;
}

export interface IpSettings {
  allowAddresses: string[];
  denyAddresses: string[];
  allowIfInBothLists: boolean;
}

export interface ConsoleSecurity {
  ipSettings: IpSettings;
  minimumPasswordLength: number;
  forcePasswordChangeDays: number;
  disableAfterAttempts: number;
  disableAfterInactiveDays: number;
  logoutOnInactive: number;
  loginMessage: string;
  automaticUserAccountUnlockSetting: boolean;
  automaticUserAccoutUnlockDuration: number;
  coolDownPeriodSettings: boolean;
  coolDownPeriodDuration: number;
  blockCommonPassword: boolean;
  blockPasswordReUse: boolean;
  passwordReuseDepth: number;
  passwordCombination: boolean;
  passwordContainsUsername: boolean;
  lowerCaseLetterCount: number;
  upperCaseLetterCount: number;
  numericCharacterCount: number;
  specialCharacterCount: number;
}

export const CONTACT_FIELDS = [
  "firstName",
  "lastName",
  "emailAddress",
  "primaryPhone",
  "extension",
  "address1",
  "address2",
  "city",
  "state",
  "zipOrPostalCode",
  "countryOrRegion",
] as const;
export type ContactInfo = Record<(typeof CONTACT_FIELDS)[number], string>;

export interface EmailTemplate {
  from: string;
  subject: string;
  body: string;
}

export interface Recipient {
  address: string;
  importance: string;
  severity: string;
  type: string;
}

export interface EmailNotification {
  enabled: boolean;
  emailTemplate: EmailTemplate;
  recipients: Recipient[];
}

export interface VersioningSettings {
  enabled: boolean;
  prune: boolean;
  pruneDays: number;
  useDeleteMarkers: boolean;
}

export interface NamespaceDefaults {
  description: string;
  hardQuota: Quota;
  softQuota: number;
  hashScheme: string;
  enterpriseMode: boolean;
  searchEnabled: boolean;
  replicationEnabled: boolean;
  servicePlan: string;
  allowErasureCoding: boolean;
  optimizedFor: string;
  directoryUsage: string;
  multipartUploadAutoAbortDays: number;
  retentionType: string;
  s3UnversionedOverwrite: boolean;
  versioningSettings: VersioningSettings;
}

/** The figures a chargeback line carries, in the seed's column order. */
export const CHARGEBACK_FIGURES = [
  "objectCount",
  "ingestedVolume",
  "storageCapacityUsed",
  "bytesIn",
  "bytesOut",
  "reads",
  "writes",
  "deletes",
  "tieredObjects",
  "tieredBytes",
  "metadataOnlyObjects",
  "metadataOnlyBytes",
  "erasureCodedObjects",
  "multipartObjects",
  "multipartObjectParts",
  "multipartObjectBytes",
  "multipartUploads",
  "multipartUploadParts",
  "multipartUploadBytes",
] as const;
/** Figures only the statistics resource reports. */
export const STATISTICS_ONLY_FIGURES = [
  "customMetadataCount",
  "customMetadataSize",
  "shredCount",
  "shredSize",
] as const;
export const USAGE_FIGURES = [...CHARGEBACK_FIGURES, ...STATISTICS_ONLY_FIGURES] as const;
export type UsageFigure = (typeof USAGE_FIGURES)[number];
export type Usage = Record<UsageFigure, number>;

export interface Tenant {
  id: string;
  name: string;
  /** yyyy-MM-ddTHH:mm:ss±hhmm */
  creationTime: string;
  isDefault: boolean;
  systemVisibleDescription: string;
  tenantVisibleDescription: string;
  hardQuota: Quota;
  softQuota: number;
  /** null means "None". */
  namespaceQuota: number | null;
  authenticationTypes: string[];
  complianceConfigurationEnabled: boolean;
  versioningConfigurationEnabled: boolean;
  searchConfigurationEnabled: boolean;
  replicationConfigurationEnabled: boolean;
  erasureCodingSelectionEnabled: boolean;
  servicePlanSelectionEnabled: boolean;
  servicePlan: string;
  dataNetwork: string;
  managementNetwork: string;
  tags: string[];
  administrationAllowed: boolean;
  maxNamespacesPerUser: number;
  snmpLoggingEnabled: boolean;
  syslogLoggingEnabled: boolean;
  consoleSecurity: ConsoleSecurity;
  searchSecurity: { ipSettings: IpSettings };
  contactInfo: ContactInfo;
  emailNotification: EmailNotification;
  namespaceDefaults: NamespaceDefaults;
  permissions: string[];
  users: Account[];
  namespaces: Namespace[];
}

export interface ServicePlan {
  name: string;
  description: string;
}

export interface EmulatorConfig {
  softwareVersion: string;
  /** What HEAD answers for a missing tenant. */
  headMissingStatus: 302 | 404;
}

export interface HcpState {
  systemUsers: Account[];
  tenants: Tenant[];
  servicePlans: ServicePlan[];
  networks: string[];
  config: EmulatorConfig;
}

export const DEFAULT_TENANT_ID = "00000000-0000-0000-0000-000000000000";
export const ALL_PERMISSIONS = ["DELETE", "PRIVILEGED", "PURGE", "READ", "SEARCH", "WRITE"] as const;
export const DEFAULT_NETWORK = "[hcp_system]";

export const defaultIpSettings = (): IpSettings => ({
  // Choice: the allow list starts as ["0.0.0.0/0"] (the documented default), not the IPv6 pair seen on one system.
  allowAddresses: ["0.0.0.0/0"],
  denyAddresses: [],
  allowIfInBothLists: true,
});

export const defaultConsoleSecurity = (): ConsoleSecurity => ({
  ipSettings: defaultIpSettings(),
  minimumPasswordLength: 6,
  forcePasswordChangeDays: 180,
  disableAfterAttempts: 5,
  disableAfterInactiveDays: 180,
  logoutOnInactive: 10,
  loginMessage: "",
  // Choice: the 9.x on/off switches (unlock, cool-down, common/reused passwords, combination) start off.
  automaticUserAccountUnlockSetting: false,
  automaticUserAccoutUnlockDuration: 5,
  coolDownPeriodSettings: false,
  coolDownPeriodDuration: 5,
  blockCommonPassword: false,
  blockPasswordReUse: false,
  passwordReuseDepth: 5,
  passwordCombination: false,
  passwordContainsUsername: false,
  lowerCaseLetterCount: 1,
  upperCaseLetterCount: 1,
  numericCharacterCount: 1,
  specialCharacterCount: 1,
});

export const emptyContactInfo = (): ContactInfo =>
  Object.fromEntries(CONTACT_FIELDS.map((field) => [field, ""])) as ContactInfo;

export const defaultEmailTemplate = (): EmailTemplate => ({
  from: "log@$location",
  subject: "[$severity] $shortText",
  // Choice: the documented "multi-line body" is not quoted anywhere, so the default body lists the message variables.
  body: "$fullText\n\nDate: $date\nSeverity: $severity\nType: $type\nOrigin: $origin\nUser: $user\nID: $id",
});

export const defaultEmailNotification = (): EmailNotification => ({
  enabled: false,
  emailTemplate: defaultEmailTemplate(),
  recipients: [],
});

const GIB = 1024 ** 3;
const UNIT_BYTES: Record<QuotaUnit, number> = { MB: 1024 ** 2, GB: GIB, TB: 1024 ** 4 };

// Choice: quota units are binary (1 GB = 2^30 bytes).
export const quotaBytes = (quota: Quota): number => quota.amount * UNIT_BYTES[quota.unit];

export const defaultNamespaceDefaults = (tenantHardQuota: Quota): NamespaceDefaults => ({
  description: "",
  // Choice: the 50 GB default shrinks to the tenant hard quota when that is smaller.
  hardQuota: quotaBytes(tenantHardQuota) < 50 * GIB ? { ...tenantHardQuota } : { amount: 50, unit: "GB" },
  softQuota: 85,
  hashScheme: "SHA-256",
  enterpriseMode: true,
  searchEnabled: false,
  replicationEnabled: false,
  servicePlan: "Default",
  allowErasureCoding: false,
  optimizedFor: "DEFAULT",
  directoryUsage: "Default",
  multipartUploadAutoAbortDays: 30,
  retentionType: "HCP",
  s3UnversionedOverwrite: false,
  versioningSettings: { enabled: false, prune: false, pruneDays: 0, useDeleteMarkers: false },
});

/** Everything a new tenant starts with, before the creating request's properties are applied. */
export function newTenant(name: string, hardQuota: Quota, creationTime: string): Tenant {
  return {
    id: randomUUID(),
    name,
    creationTime,
    isDefault: false,
    systemVisibleDescription: "",
    tenantVisibleDescription: "",
    hardQuota,
    softQuota: 85,
    namespaceQuota: null,
    authenticationTypes: ["LOCAL", "RADIUS"],
    // Choice: the configuration and selection flags default to false when a create request omits them.
    complianceConfigurationEnabled: false,
    versioningConfigurationEnabled: false,
    searchConfigurationEnabled: false,
    replicationConfigurationEnabled: false,
    erasureCodingSelectionEnabled: false,
    servicePlanSelectionEnabled: false,
    servicePlan: "Default",
    dataNetwork: DEFAULT_NETWORK,
    managementNetwork: DEFAULT_NETWORK,
    tags: [],
    administrationAllowed: false,
    maxNamespacesPerUser: 100,
    snmpLoggingEnabled: false,
    syslogLoggingEnabled: false,
    consoleSecurity: defaultConsoleSecurity(),
    searchSecurity: { ipSettings: defaultIpSettings() },
    contactInfo: emptyContactInfo(),
    emailNotification: defaultEmailNotification(),
    namespaceDefaults: defaultNamespaceDefaults(hardQuota),
    permissions: [...ALL_PERMISSIONS],
    users: [],
    namespaces: [],
  };
}

function defaultTenant(creationTime: string): Tenant {
  // Choice: the default tenant carries a nominal 0.00 GB quota only so every tenant has the same shape; it is never shown.
  return {
    ...newTenant("Default", { amount: 0, unit: "GB" }, creationTime),
    id: DEFAULT_TENANT_ID,
    isDefault: true,
  };
}

/** The state a fresh emulator starts from: the default tenant, two service plans, the seed's networks. */
export function initialState(admin: Account, creationTime: string): HcpState {
  return {
    systemUsers: [admin],
    tenants: [defaultTenant(creationTime)],
    servicePlans: [
      { name: "Default", description: "Default service plan" },
      { name: "Short-Term-Activity", description: "For data that is read often soon after ingest" },
    ],
    networks: [DEFAULT_NETWORK, "net127", "net004"],
    config: { softwareVersion: "8.2.0.2", headMissingStatus: 404 },
  };
}

export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export const findTenant = (state: HcpState, name: string): Tenant | undefined =>
  state.tenants.find((t) => sameName(t.name, name));

/** Adds the account, or replaces the one with the same (case-insensitive) username. */
export function upsertAccount(accounts: Account[], account: Account): void {
  const index = accounts.findIndex((a) => sameName(a.username, account.username));
  if (index >= 0) accounts[index] = account;
  else accounts.push(account);
}

/** The state plus where it lives on disk; every change ends with commit(). */
export class HcpStore {
  private constructor(
    public state: HcpState,
    private readonly fresh: () => HcpState,
    private readonly file: string | undefined,
  ) {}

  /** Loads the file when it exists, else starts fresh; `builtIn` is (re)applied either way. */
  static open(file: string | undefined, fresh: () => HcpState, builtIn: Account): HcpStore {
    const state = file && existsSync(file) ? loadState(file) : fresh();
    upsertAccount(state.systemUsers, builtIn);
    const store = new HcpStore(state, fresh, file);
    store.commit();
    return store;
  }

  commit(): void {
    if (this.file) saveState(this.file, this.state);
  }

  reset(): void {
    this.state = this.fresh();
    this.commit();
  }
}

function loadState(file: string): HcpState {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as HcpState;
  } catch (err) {
    throw new Error(`HCP emulator state file ${file} is unreadable: ${(err as Error).message}`);
  }
}

/** Writes to a temporary file and renames it, so a crash never leaves half a state file. */
function saveState(file: string, state: HcpState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // Private to its owner: HCP's MD5 password hashes are the credential in its scheme.
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
