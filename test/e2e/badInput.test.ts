import { expect } from "chai";
import type { RunningEmulators } from "../../emulator";
import { startEmulators } from "../../emulator";
import { apiWrites } from "../support/apiWrites";
import { TestStack } from "../support/engine";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

const uuid = "9b1de2a4-0000-4000-8000-000000000000";
const partner = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
const tenant = { name: "bad-input", hardQuota: "10 GB" };
const account = { tenant: "bad-input", username: "security", password: "Secur1ty-pass" };
const namespace = { ...account, name: "invoices" };
const userAccount = {
  tenant: "bad-input",
  signInUsername: "security",
  signInPassword: "Secur1ty-pass",
  username: "jdoe",
  fullName: "Jane Doe",
  password: "Blue-Sky-42",
};

/** Each bad input, the property its error must name, and a word of the rule. */
const catalogue: { resource: string; args: object; property: string; rule: RegExp }[] = [
  // CustomerTenant
  { resource: "CustomerTenant", args: { parentId: partner }, property: "name", rule: /required/ },
  { resource: "CustomerTenant", args: { name: 42, parentId: partner }, property: "name", rule: /string/ },
  { resource: "CustomerTenant", args: { name: "", parentId: partner }, property: "name", rule: /at least 1/ },
  {
    resource: "CustomerTenant",
    args: { name: "Acme\u001b[2J", parentId: partner },
    property: "name",
    rule: /must not contain control characters \(U\+001B at character 5\)/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: "partner-1" },
    property: "parentId",
    rule: /UUID/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: partner, language: "English" },
    property: "language",
    rule: /language code/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: partner, contact: { email: "john.example.com" } },
    property: "contact.email",
    rule: /e-mail/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: partner, enhancedSecurity: "yes" },
    property: "enhancedSecurity",
    rule: /boolean/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: partner, ancestralAccess: 1 },
    property: "ancestralAccess",
    rule: /boolean/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: partner, deletionPolicy: "archive" },
    property: "deletionPolicy",
    rule: /one of delete, disable, retain/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: partner, pricingMode: "paid" },
    property: "pricingMode",
    rule: /one of trial, production/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: partner, internalTag: "tenant-estates:other/stack" },
    property: "internalTag",
    rule: /ownership mark/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: partner, account: "EU West" },
    property: "account",
    rule: /lower-case letters, digits and dashes/,
  },
  // PartnerTenant and FolderTenant
  { resource: "PartnerTenant", args: { parentId: partner }, property: "name", rule: /required/ },
  { resource: "PartnerTenant", args: { name: "P", parentId: "x" }, property: "parentId", rule: /UUID/ },
  {
    resource: "PartnerTenant",
    args: { name: "P", parentId: partner, contact: { email: "no-at-sign" } },
    property: "contact.email",
    rule: /e-mail/,
  },
  {
    resource: "FolderTenant",
    args: { name: "F", parentId: partner, deletionPolicy: "purge" },
    property: "deletionPolicy",
    rule: /one of delete, disable, retain/,
  },
  {
    resource: "FolderTenant",
    args: { name: "F", parentId: partner, pricingMode: "production" },
    property: "pricingMode",
    rule: /not a known property/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A", parentId: partner, colour: "red" },
    property: "colour",
    rule: /not a known property/,
  },
  {
    resource: "CustomerTenant",
    args: { name: "A".repeat(256), parentId: partner },
    property: "name",
    rule: /at most 255/,
  },
  // TenantMfa
  { resource: "TenantMfa", args: { tenantId: "x", enabled: true }, property: "tenantId", rule: /UUID/ },
  { resource: "TenantMfa", args: { tenantId: uuid }, property: "enabled", rule: /required/ },
  { resource: "TenantMfa", args: { tenantId: uuid, enabled: "on" }, property: "enabled", rule: /boolean/ },
  // OfferingItems
  { resource: "OfferingItems", args: { tenantId: uuid, items: [] }, property: "items", rule: /at least 1/ },
  {
    resource: "OfferingItems",
    args: { tenantId: uuid, items: [{ quota: { value: 1 } }] },
    property: "items[0].name",
    rule: /required/,
  },
  {
    resource: "OfferingItems",
    args: { tenantId: uuid, items: [{ name: "storage", quota: { value: -5 } }] },
    property: "items[0].quota.value",
    rule: /must be at least 0, got -\d/,
  },
  {
    resource: "OfferingItems",
    args: { tenantId: uuid, items: [{ name: "workstations", quota: { value: 2.5 } }] },
    property: "items[0].quota.value",
    rule: /must be an integer, got number 2\.5/,
  },
  {
    resource: "OfferingItems",
    args: { tenantId: uuid, items: [{ name: "storage", quota: { value: 1, overage: -1 } }] },
    property: "items[0].quota.overage",
    rule: /must be at least 0, got -\d/,
  },
  {
    resource: "OfferingItems",
    args: { tenantId: uuid, items: [{ name: "storage" }, { name: "storage" }] },
    property: "items[1]",
    rule: /second time/,
  },
  {
    resource: "OfferingItems",
    args: { tenantId: partner, items: [{ name: "teleportation" }] },
    property: "items[0].name",
    rule: /not available/,
  },
  // User
  {
    resource: "User",
    args: { tenantId: uuid, login: "jd", contact: { email: "jd@example.com" } },
    property: "login",
    rule: /at least 3 characters/,
  },
  {
    resource: "User",
    args: { tenantId: uuid, login: "john\u0000doe", contact: { email: "jd@example.com" } },
    property: "login",
    rule: /must not contain control characters \(U\+0000 at character 5\)/,
  },
  {
    resource: "User",
    args: { tenantId: uuid, login: "john doe", contact: { email: "jd@example.com" } },
    property: "login",
    rule: /characters among/,
  },
  {
    resource: "User",
    args: { tenantId: uuid, login: "JohnDoe", contact: { email: "john@" } },
    property: "contact.email",
    rule: /e-mail/,
  },
  { resource: "User", args: { tenantId: uuid, login: "JohnDoe" }, property: "contact", rule: /required/ },
  {
    resource: "User",
    args: { tenantId: "nope", login: "JohnDoe", contact: { email: "jd@example.com" } },
    property: "tenantId",
    rule: /UUID/,
  },
  // AccessPolicy
  {
    resource: "AccessPolicy",
    args: { userId: uuid, roles: ["superuser"] },
    property: "roles[0]",
    rule: /one of partner_admin/,
  },
  {
    resource: "AccessPolicy",
    args: { userId: uuid, roles: "company_admin" },
    property: "roles",
    rule: /list/,
  },
  {
    resource: "AccessPolicy",
    args: { userId: "u1", roles: ["company_admin"] },
    property: "userId",
    rule: /UUID/,
  },
  // ApiClient
  { resource: "ApiClient", args: { tenantId: "t1", name: "sync" }, property: "tenantId", rule: /UUID/ },
  { resource: "ApiClient", args: { tenantId: uuid }, property: "name", rule: /required/ },
  { resource: "ApiClient", args: { tenantId: uuid, name: "" }, property: "name", rule: /at least 1/ },
  {
    resource: "ApiClient",
    args: { tenantId: uuid, name: "n".repeat(256) },
    property: "name",
    rule: /at most 255/,
  },
  {
    resource: "ApiClient",
    args: { tenantId: uuid, name: "sync", enabled: "yes" },
    property: "enabled",
    rule: /boolean/,
  },
  {
    resource: "ApiClient",
    args: { tenantId: uuid, name: "sync", redirectUris: "https://example.com/cb" },
    property: "redirectUris",
    rule: /list/,
  },
  {
    resource: "ApiClient",
    args: { tenantId: uuid, name: "sync", redirectUris: ["ftp://example.com/cb"] },
    property: "redirectUris[0]",
    rule: /http\(s\) URL/,
  },
  {
    resource: "ApiClient",
    args: { tenantId: uuid, name: "sync", tokenEndpointAuthMethod: "none" },
    property: "tokenEndpointAuthMethod",
    rule: /one of client_secret_basic, client_secret_post/,
  },
  {
    resource: "ApiClient",
    args: { tenantId: uuid, name: "sync", rotation: "" },
    property: "rotation",
    rule: /at least 1/,
  },
  {
    resource: "ApiClient",
    args: { tenantId: uuid, name: "sync", adopt: "please" },
    property: "adopt",
    rule: /boolean/,
  },
  {
    resource: "ApiClient",
    args: { tenantId: uuid, name: "sync", clientSecret: "mine" },
    property: "clientSecret",
    rule: /not a known property/,
  },
  // HcpTenant
  { resource: "HcpTenant", args: { ...tenant, name: "-finance" }, property: "name", rule: /hyphen|letters/ },
  { resource: "HcpTenant", args: { ...tenant, name: "admin" }, property: "name", rule: /reserved/ },
  { resource: "HcpTenant", args: { ...tenant, hardQuota: "lots" }, property: "hardQuota", rule: /GB|TB|MB/ },
  {
    resource: "HcpTenant",
    args: { ...tenant, hardQuota: "0.5 GB" },
    property: "hardQuota",
    rule: /at least|1 GB/,
  },
  { resource: "HcpTenant", args: { ...tenant, softQuota: 120 }, property: "softQuota", rule: /at most 95/ },
  { resource: "HcpTenant", args: { ...tenant, softQuota: 5 }, property: "softQuota", rule: /at least 10/ },
  {
    resource: "HcpTenant",
    args: { ...tenant, authenticationTypes: ["RADIUS"] },
    property: "authenticationTypes",
    rule: /RADIUS/,
  },
  {
    resource: "HcpTenant",
    args: { ...tenant, authenticationTypes: ["KERBEROS"] },
    property: "authenticationTypes",
    rule: /LOCAL|RADIUS|EXTERNAL/,
  },
  { resource: "HcpTenant", args: { ...tenant, tags: ["a,b"] }, property: "tags", rule: /comma/ },
  {
    resource: "HcpTenant",
    args: { ...tenant, initialUserName: "security", initialUserPassword: "abc" },
    property: "initialUserPassword",
    rule: /characters|password/,
  },
  // Tenant settings
  {
    resource: "HcpConsoleSecurity",
    args: { ...account, minimumPasswordLength: 1 },
    property: "minimumPasswordLength",
    rule: /at least 2/,
  },
  {
    resource: "HcpConsoleSecurity",
    args: { ...account, ipSettings: { allowAddresses: ["10.0.0.0/33"] } },
    property: "ipSettings.allowAddresses",
    rule: /IP|CIDR/,
  },
  {
    resource: "HcpConsoleSecurity",
    args: { ...account, ipSettings: { denyAddresses: ["300.1.1.1"] } },
    property: "ipSettings.denyAddresses",
    rule: /IP|CIDR/,
  },
  {
    resource: "HcpConsoleSecurity",
    args: { ...account, disableAfterAttempts: 1000 },
    property: "disableAfterAttempts",
    rule: /at most 999/,
  },
  {
    resource: "HcpSearchSecurity",
    args: { ...account, ipSettings: { allowAddresses: ["fd00::/129"] } },
    property: "ipSettings.allowAddresses",
    rule: /IP|CIDR/,
  },
  {
    resource: "HcpTenantPermissions",
    args: { ...account, permissions: ["read"] },
    property: "permissions",
    rule: /READ|case/,
  },
  {
    resource: "HcpTenantPermissions",
    args: { ...account, permissions: ["FLY"] },
    property: "permissions",
    rule: /DELETE|PRIVILEGED/,
  },
  {
    resource: "HcpNamespaceDefaults",
    args: { ...account, softQuota: 99 },
    property: "softQuota",
    rule: /95/,
  },
  {
    resource: "HcpNamespaceDefaults",
    args: { ...account, hashScheme: "md5" },
    property: "hashScheme",
    rule: /SHA-256|MD5/,
  },
  {
    resource: "HcpNamespaceDefaults",
    args: { ...account, multipartUploadAutoAbortDays: 200 },
    property: "multipartUploadAutoAbortDays",
    rule: /180/,
  },
  {
    resource: "HcpTenantContactInfo",
    args: { ...account, emailAddress: "finance@" },
    property: "emailAddress",
    rule: /e-mail|email/,
  },
  {
    resource: "HcpTenantEmailNotification",
    args: {
      ...account,
      recipients: Array.from({ length: 26 }, (_, i) => ({ address: `r${i}@example.com` })),
    },
    property: "recipients",
    rule: /25/,
  },
  {
    resource: "HcpTenantEmailNotification",
    args: { ...account, recipients: [{ address: "r@example.com", severity: "PANIC" }] },
    property: "recipients",
    rule: /NOTICE|WARNING|ERROR/,
  },
  // HcpNamespace
  { resource: "HcpNamespace", args: { ...namespace, name: "-invoices" }, property: "name", rule: /hyphen/ },
  { resource: "HcpNamespace", args: { ...namespace, name: "xn--abc" }, property: "name", rule: /xn--/ },
  { resource: "HcpNamespace", args: { ...account }, property: "name", rule: /required/ },
  { resource: "HcpNamespace", args: { ...namespace, tenant: "" }, property: "tenant", rule: /at least 1/ },
  {
    resource: "HcpNamespace",
    args: { ...namespace, description: "d".repeat(1025) },
    property: "description",
    rule: /at most 1024/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, hardQuota: "lots" },
    property: "hardQuota",
    rule: /GB|TB|MB/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, hardQuota: "500 MB" },
    property: "hardQuota",
    rule: /1 GB/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, softQuota: 99 },
    property: "softQuota",
    rule: /at most 95/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, hashScheme: "sha-256" },
    property: "hashScheme",
    rule: /SHA-256/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, retentionMode: "strict" },
    property: "retentionMode",
    rule: /enterprise, compliance/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, defaultRetention: "7 years" },
    property: "defaultRetention",
    rule: /A\+7y/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, versioning: { prune: true } },
    property: "versioning.enabled",
    rule: /required/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, versioning: { enabled: true, prune: true } },
    property: "versioning.pruneDays",
    rule: /required when prune/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, versioning: { enabled: true, prune: true, pruneDays: 40_000 } },
    property: "versioning.pruneDays",
    rule: /at most 36500/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, searchEnabled: "yes" },
    property: "searchEnabled",
    rule: /boolean/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, searchEnabled: false, indexingEnabled: true },
    property: "indexingEnabled",
    rule: /needs searchEnabled/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, indexingEnabled: false, customMetadataIndexingEnabled: true },
    property: "customMetadataIndexingEnabled",
    rule: /needs indexingEnabled/,
  },
  { resource: "HcpNamespace", args: { ...namespace, tags: ["a,b"] }, property: "tags", rule: /comma/ },
  {
    resource: "HcpNamespace",
    args: { ...namespace, deletionPolicy: "purge" },
    property: "deletionPolicy",
    rule: /one of delete, retain/,
  },
  {
    resource: "HcpNamespace",
    args: { ...namespace, password: undefined },
    property: "password",
    rule: /required with username/,
  },
  { resource: "HcpNamespace", args: { ...namespace, adopt: "yes" }, property: "adopt", rule: /boolean/ },
  // HcpUserAccount
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, username: "[jdoe" },
    property: "username",
    rule: /\[/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, tenant: undefined },
    property: "tenant",
    rule: /required/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, fullName: "" },
    property: "fullName",
    rule: /at least 1/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, description: "d".repeat(1025) },
    property: "description",
    rule: /at most 1024/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, enabled: "yes" },
    property: "enabled",
    rule: /boolean/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, roles: ["SUPERUSER"] },
    property: "roles",
    rule: /ADMINISTRATOR, COMPLIANCE, MONITOR, SECURITY/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, localAuthentication: "no" },
    property: "localAuthentication",
    rule: /boolean/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, password: "abcdefgh" },
    property: "password",
    rule: /two of/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, password: undefined },
    property: "password",
    rule: /required to create/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, localAuthentication: false },
    property: "password",
    rule: /RADIUS/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, forcePasswordChange: "later" },
    property: "forcePasswordChange",
    rule: /boolean/,
  },
  {
    resource: "HcpUserAccount",
    args: { ...userAccount, signInPassword: undefined },
    property: "signInPassword",
    rule: /required with signInUsername/,
  },
  { resource: "HcpUserAccount", args: { ...userAccount, adopt: 1 }, property: "adopt", rule: /boolean/ },
];

const workers = 4;

describe(`bad input: ${catalogue.length} cases, each refused at pulumi preview before any write`, function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stacks: TestStack[];
  const outputs: string[] = [];

  const writes = async () => {
    const { acronis, hcp } = await apiWrites(emulators);
    return [...acronis, ...hcp];
  };

  before(async () => {
    emulators = await startEmulators();
    const config = {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      case: { value: "{}" },
    };
    stacks = await Promise.all(
      Array.from({ length: workers }, (_, w) =>
        TestStack.create(`bad-input-${w}`, "test/programs/badInput", config),
      ),
    );
    let next = 0;
    await Promise.all(
      stacks.map(async (stack) => {
        while (next < catalogue.length) {
          const index = next++;
          await stack.mustRun(["config", "set", "case", "--", JSON.stringify(catalogue[index])]);
          const result = await stack.run(["preview", "--diff"]);
          outputs[index] = `exit ${result.code}\n${result.stdout}\n${result.stderr}`;
        }
      }),
    );
  });

  after(async () => {
    for (const stack of stacks ?? []) stack.remove();
    await emulators?.close();
  });

  catalogue.forEach((bad, index) => {
    it(`${bad.resource} ${JSON.stringify(bad.args).slice(0, 90)} → ${bad.property}`, () => {
      const output = outputs[index];
      expect(output).to.not.match(/^exit 0\n/);
      const named = output.split("\n").filter((line) => line.includes(bad.property));
      expect(named, output).to.not.be.empty;
      expect(named.join("\n"), output).to.match(bad.rule);
    });
  });

  it("made no write call to either API", async () => {
    expect(await writes()).to.deep.equal([]);
  });

  it("refuses turning enhanced security off at preview, after the tenant exists", async () => {
    const stack = stacks[0];
    const on = {
      resource: "CustomerTenant",
      args: { name: "Encrypted, Inc", parentId: partner, enhancedSecurity: true },
    };
    await stack.mustRun(["config", "set", "case", "--", JSON.stringify(on)]);
    await stack.up();
    const writesBefore = (await writes()).length;
    const off = { ...on, args: { ...on.args, enhancedSecurity: false } };
    await stack.mustRun(["config", "set", "case", "--", JSON.stringify(off)]);
    const result = await stack.run(["preview"]);
    expect(result.code).to.not.equal(0);
    expect(result.stdout + result.stderr).to.match(
      /enhancedSecurity is set when the tenant is created: the API cannot change it afterwards/,
    );
    expect((await writes()).length).to.equal(writesBefore);
    await stack.mustRun(["config", "set", "case", "--", JSON.stringify(on)]);
    await stack.destroy();
  });
});
