import { expect } from "chai";
import { parse } from "yaml";
import type { HcpApi } from "./hcpApi";

/** HCP tenants made through MAPI, by hand as it were, and what `tenant-estates export` writes of them. */

export const password = "Start-123-export";
export const auditorPassword = "Audit-456-export";
export const vaultPassword = "Vault-789-other";

/** HCP tenants made by hand: one with everything, one without an ADMINISTRATOR, one whose account has another password. */
export async function fillThroughMapi(api: HcpApi): Promise<void> {
  const accepted = async (answer: Promise<{ status: number; error?: string }>) => {
    const { status, error } = await answer;
    expect(status, error).to.equal(200);
  };
  const asSecurity = (tenant: string, method: string, to: string, json?: unknown) =>
    api.asTenantUser(tenant, "security", password, method, `/mapi/tenants/${tenant}${to}`, json);
  const asAdmin = (method: string, to: string, json?: unknown) =>
    api.asTenantUser("records", "nsadmin", password, method, `/mapi/tenants/records${to}`, json);
  const flags = {
    versioningConfigurationEnabled: true,
    searchConfigurationEnabled: true,
    complianceConfigurationEnabled: true,
  };
  await accepted(
    api.admin("PUT", `/mapi/tenants?username=security&password=${password}`, {
      name: "records",
      hardQuota: "100 GB",
      ...flags,
    }),
  );
  await accepted(
    asSecurity("records", "POST", "/consoleSecurity", {
      minimumPasswordLength: 10,
      disableAfterAttempts: 3,
      loginMessage: "Authorised staff only",
      ipSettings: { allowAddresses: { ipAddress: ["10.0.0.0/8"] } },
    }),
  );
  await accepted(
    asSecurity("records", "POST", "/searchSecurity", {
      ipSettings: {
        allowAddresses: { ipAddress: ["192.168.0.0/16"] },
        denyAddresses: { ipAddress: ["192.168.1.1"] },
        allowIfInBothLists: false,
      },
    }),
  );
  const account = { localAuthentication: true, forcePasswordChange: false, enabled: true };
  await accepted(
    asSecurity("records", "PUT", `/userAccounts?password=${password}`, {
      ...account,
      username: "nsadmin",
      fullName: "Namespace administrator",
      roles: { role: ["ADMINISTRATOR", "COMPLIANCE"] },
    }),
  );
  await accepted(
    asSecurity("records", "PUT", `/userAccounts?password=${auditorPassword}`, {
      ...account,
      username: "auditor",
      fullName: "Auditor",
      description: "Reads everything",
      roles: { role: ["MONITOR"] },
    }),
  );
  await accepted(
    asAdmin("POST", "/contactInfo", {
      firstName: "Lee",
      lastName: "Green",
      emailAddress: "lee.green@example.com",
      city: "Leeds",
    }),
  );
  await accepted(
    asAdmin("POST", "/emailNotification", {
      enabled: true,
      recipients: {
        recipient: [
          { address: "ops@example.com", importance: "ALL", severity: "WARNING", type: "GENERAL,SECURITY" },
        ],
      },
    }),
  );
  await accepted(
    asAdmin("POST", "/namespaceDefaults", { description: "Records", softQuota: 70, hashScheme: "SHA-512" }),
  );
  await accepted(asAdmin("POST", "/permissions", { permission: ["READ", "WRITE", "DELETE", "SEARCH"] }));
  await accepted(
    asAdmin("PUT", "/namespaces", {
      name: "invoices",
      description: "Supplier invoices",
      hardQuota: "20 GB",
      softQuota: 80,
      hashScheme: "SHA-256",
      searchEnabled: true,
      tags: { tag: ["finance", "invoices"] },
      versioningSettings: { enabled: true, prune: true, pruneDays: 30 },
    }),
  );
  await accepted(asAdmin("POST", "/namespaces/invoices/complianceSettings", { retentionDefault: "A+7y" }));
  await accepted(asAdmin("PUT", "/namespaces", { name: "contracts", hardQuota: "5 GB" }));
  await accepted(
    api.admin("PUT", `/mapi/tenants?username=security&password=${password}`, {
      name: "scratch",
      hardQuota: "10 GB",
    }),
  );
  await accepted(
    asSecurity("scratch", "POST", "/consoleSecurity", { minimumPasswordLength: 12, logoutOnInactive: 30 }),
  );
  await accepted(
    api.admin("PUT", `/mapi/tenants?username=keeper&password=${vaultPassword}`, {
      name: "vault",
      hardQuota: "50 GB",
    }),
  );
}

/** What export adds to a tenant entry: the sign-in, the six documents, the accounts and the namespaces. */
export const insideKeys = [
  "initialUser",
  "consoleSecurity",
  "searchSecurity",
  "contactInfo",
  "emailNotification",
  "namespaceDefaults",
  "permissions",
  "userAccounts",
  "namespaces",
];

/** HCP's defaults of the console security settings the tests leave alone. */
const consoleDefaults = parse(`
automaticUserAccountUnlockDuration: 5
automaticUserAccountUnlockSetting: false
blockCommonPassword: false
blockPasswordReUse: false
coolDownPeriodDuration: 5
coolDownPeriodSettings: false
disableAfterInactiveDays: 180
forcePasswordChangeDays: 180
lowerCaseLetterCount: 1
numericCharacterCount: 1
passwordCombination: false
passwordContainsUsername: false
passwordReuseDepth: 5
specialCharacterCount: 1
upperCaseLetterCount: 1
`);

/** The tenant "records" as fillThroughMapi made it, as the estate file holds it; empty values left out. */
export const recordsInside = parse(`
initialUser: { name: security }
consoleSecurity:
  disableAfterAttempts: 3
  ipSettings: { allowAddresses: [10.0.0.0/8], allowIfInBothLists: true }
  loginMessage: Authorised staff only
  logoutOnInactive: 10
  minimumPasswordLength: 10
searchSecurity:
  ipSettings: { allowAddresses: [192.168.0.0/16], allowIfInBothLists: false, denyAddresses: [192.168.1.1] }
contactInfo: { city: Leeds, emailAddress: lee.green@example.com, firstName: Lee, lastName: Green }
emailNotification:
  emailTemplate:
    body: "$fullText\\n\\nDate: $date\\nSeverity: $severity\\nType: $type\\nOrigin: $origin\\nUser: $user\\nID: $id"
    from: log@$location
    subject: "[$severity] $shortText"
  enabled: true
  recipients: [{ address: ops@example.com, importance: ALL, severity: WARNING, type: "GENERAL,SECURITY" }]
namespaceDefaults:
  description: Records
  directoryUsage: Default
  enterpriseMode: true
  hardQuota: 50.00 GB
  hashScheme: SHA-512
  multipartUploadAutoAbortDays: 30
  optimizedFor: DEFAULT
  retentionType: HCP
  s3UnversionedOverwrite: false
  searchEnabled: false
  softQuota: 70
  versioningSettings: { enabled: false, prune: false, pruneDays: 0, useDeleteMarkers: false }
permissions: { permissions: [DELETE, READ, SEARCH, WRITE] }
userAccounts:
  - enabled: true
    fullName: Namespace administrator
    key: nsadmin
    localAuthentication: true
    roles: [ADMINISTRATOR, COMPLIANCE]
    username: nsadmin
  - { description: Reads everything, enabled: true, fullName: Auditor, key: auditor, localAuthentication: true, roles: [MONITOR], username: auditor }
namespaces:
  - customMetadataIndexingEnabled: false
    defaultRetention: "0"
    description: Records
    hardQuota: 5.00 GB
    hashScheme: SHA-512
    indexingEnabled: false
    key: contracts
    multipartUploadAutoAbortDays: 30
    name: contracts
    retentionMode: enterprise
    searchEnabled: false
    softQuota: 70
    versioning: { enabled: false, prune: false, pruneDays: 0 }
  - customMetadataIndexingEnabled: false
    defaultRetention: A+7y
    description: Supplier invoices
    hardQuota: 20.00 GB
    hashScheme: SHA-256
    indexingEnabled: true
    key: invoices
    multipartUploadAutoAbortDays: 30
    name: invoices
    retentionMode: enterprise
    searchEnabled: true
    softQuota: 80
    tags: [finance, invoices]
    versioning: { enabled: true, prune: true, pruneDays: 30 }
`);
recordsInside.consoleSecurity = { ...consoleDefaults, ...recordsInside.consoleSecurity };

/** The tenant "scratch": its initial user's documents only, since it has no ADMINISTRATOR account. */
export const scratchInside = {
  initialUser: { name: "security" },
  consoleSecurity: {
    ...consoleDefaults,
    disableAfterAttempts: 5,
    ipSettings: { allowAddresses: ["0.0.0.0/0"], allowIfInBothLists: true },
    logoutOnInactive: 30,
    minimumPasswordLength: 12,
  },
  searchSecurity: { ipSettings: { allowAddresses: ["0.0.0.0/0"], allowIfInBothLists: true } },
};
