import { expect } from "chai";
import { unknownValue } from "../../provider/core/normalise";
import { HcpConsoleSecurityProvider } from "../../provider/hcp/resources/hcpConsoleSecurity";
import {
  defaultNamespaceHardQuota,
  HcpNamespaceDefaultsProvider,
} from "../../provider/hcp/resources/hcpNamespaceDefaults";
import { HcpSearchSecurityProvider } from "../../provider/hcp/resources/hcpSearchSecurity";
import {
  changedSettings,
  HcpTenantProvider,
  hcpTenantBody,
  namespaceCountIn,
} from "../../provider/hcp/resources/hcpTenant";
import { HcpTenantContactInfoProvider } from "../../provider/hcp/resources/hcpTenantContactInfo";
import { HcpTenantEmailNotificationProvider } from "../../provider/hcp/resources/hcpTenantEmailNotification";
import { HcpTenantPermissionsProvider } from "../../provider/hcp/resources/hcpTenantPermissions";
import { normaliseRecipient } from "../../provider/hcp/specs/hcpTenantEmailNotification";
import { financeTenantInputs } from "../support/hcpSeed";

interface Checker {
  check(olds: never, news: never): Promise<{ failures?: { property: string; reason: string }[] }>;
}

/** The failures of a check, as property → reason. */
async function failures(provider: Checker, news: object, olds: object = {}): Promise<Record<string, string>> {
  const result = await provider.check(olds as never, news as never);
  return Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
}

const seedTenant = financeTenantInputs;

describe("HcpTenant check and diff", () => {
  const provider = new HcpTenantProvider();

  it("accepts the seed's Finance tenant", async () => {
    expect(await failures(provider, seedTenant)).to.deep.equal({});
  });

  it("names the property and the rule of each failure", async () => {
    const bad = await failures(provider, {
      ...seedTenant,
      name: "admin",
      hardQuota: "100 gigabytes",
      softQuota: 101,
      namespaceQuota: 0,
      authenticationTypes: ["LOCAL", "KERBEROS"],
      tags: ["a,b"],
      initialUserPassword: "password",
      servicePlanSelectionEnabled: true,
      deletionPolicy: "disable",
      colour: "blue",
    });
    expect(bad.name).to.match(/^name "admin" is reserved/);
    expect(bad.hardQuota).to.match(/^hardQuota must be a number with at most 2 decimals and MB, GB or TB/);
    expect(bad.softQuota).to.equal("softQuota must be at most 95, got 101");
    expect(bad.namespaceQuota).to.match(/^namespaceQuota must be an integer from 1 to 10000 or "None"/);
    expect(bad["authenticationTypes[1]"]).to.match(/must be one of LOCAL, RADIUS, EXTERNAL/);
    expect(bad["tags[0]"]).to.equal("tags[0] must not contain commas");
    expect(bad.initialUserPassword).to.match(/^initialUserPassword must mix at least two of/);
    expect(bad.servicePlan).to.match(/servicePlanSelectionEnabled is false/);
    expect(bad.deletionPolicy).to.match(/must be one of delete, retain/);
    expect(bad.colour).to.match(/not a known property/);
    expect(JSON.stringify(bad)).to.not.include('password"');
  });

  it("needs hardQuota of at least 1 GB and refuses RADIUS alone", async () => {
    const small = await failures(provider, { ...seedTenant, hardQuota: "512 MB" });
    expect(small.hardQuota).to.equal('hardQuota must be at least 1 GB, got "512 MB"');
    const { hardQuota: _q, ...noQuota } = seedTenant;
    expect((await failures(provider, noQuota)).hardQuota).to.equal("hardQuota is required");
    const radius = await failures(provider, { ...seedTenant, authenticationTypes: ["radius"] });
    expect(radius.authenticationTypes).to.equal("authenticationTypes cannot be RADIUS alone");
  });

  it("requires the initial user for LOCAL authentication (the default) on create only, and refuses it otherwise", async () => {
    const { initialUserName: _n, initialUserPassword: _p, ...withoutUser } = seedTenant;
    const { authenticationTypes: _a, ...defaultTypes } = withoutUser;
    expect(Object.keys(await failures(provider, defaultTypes))).to.deep.equal([
      "initialUserName",
      "initialUserPassword",
    ]);
    expect(await failures(provider, withoutUser, seedTenant)).to.deep.equal({});
    const external = await failures(provider, { ...seedTenant, authenticationTypes: ["EXTERNAL"] });
    expect(external.initialUserName).to.equal(
      "initialUserName is valid only when authenticationTypes includes LOCAL",
    );
  });

  it("lets preview-time unknowns through", async () => {
    const unknown = {
      ...seedTenant,
      name: unknownValue,
      hardQuota: unknownValue,
      authenticationTypes: unknownValue,
    };
    expect(await failures(provider, unknown)).to.deep.equal({});
  });

  it("compares as HCP means values: quotas, case, sets, booleans", async () => {
    const olds = {
      ...seedTenant,
      name: "Finance",
      hardQuota: "100.00 GB",
      namespaceQuota: 5,
      tags: ["pdgrey", "Example Company"],
      authenticationTypes: ["EXTERNAL", "LOCAL"],
      servicePlan: "short-term-activity",
      tenantId: "x",
    };
    const same = {
      ...seedTenant,
      name: "FINANCE",
      initialUserPassword: "changed1",
      forcePasswordChange: true,
    };
    expect(await provider.diff("Finance", olds as never, same as never)).to.deep.equal({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const renamed = await provider.diff(
      "Finance",
      olds as never,
      { ...seedTenant, name: "Sales", hardQuota: "1 TB" } as never,
    );
    expect(renamed).to.deep.include({ changes: true, replaces: ["name"] });
    expect(changedSettings(olds, { ...seedTenant, hardQuota: "1 TB", tags: ["pdgrey"] })).to.deep.equal([
      "hardQuota",
      "tags",
    ]);
  });

  it("builds the PUT body in the documented order, namespaceQuota as text", () => {
    const body = hcpTenantBody(seedTenant, Object.keys(seedTenant));
    expect(Object.keys(body)[0]).to.equal("name");
    expect(body.namespaceQuota).to.equal("5");
    expect(body).to.not.have.property("initialUserPassword");
  });

  it("finds the namespace count in HCP's refusal", () => {
    expect(namespaceCountIn("Tenant X cannot be deleted because it owns 2 namespace(s).")).to.equal(2);
    expect(namespaceCountIn("Conflict")).to.equal(undefined);
  });
});

describe("HCP tenant setting checks", () => {
  it("consoleSecurity: ranges, addresses and credentials, by property", async () => {
    const bad = await failures(new HcpConsoleSecurityProvider(), {
      tenant: "Finance",
      username: "lgreen",
      ipSettings: {
        allowAddresses: ["192.168.103.18", "192.168.103.300"],
        denyAddresses: ["10.0.0.0/40"],
        extra: 1,
      },
      minimumPasswordLength: 1,
      disableAfterAttempts: 1000,
      automaticUserAccountUnlockDuration: -1,
      passwordReuseDepth: 0,
      loginMessage: "x".repeat(1025),
    });
    expect(bad.password).to.equal("password is required with username");
    expect(bad["ipSettings.allowAddresses[1]"]).to.match(/must be an IP address, a CIDR block/);
    expect(bad["ipSettings.denyAddresses[0]"]).to.match(/10\.0\.0\.0\/40/);
    expect(bad["ipSettings.extra"]).to.match(/not a known property/);
    expect(bad.minimumPasswordLength).to.equal("minimumPasswordLength must be at least 2, got 1");
    expect(bad.disableAfterAttempts).to.equal("disableAfterAttempts must be at most 999, got 1000");
    expect(bad.automaticUserAccountUnlockDuration).to.match(/at least 0/);
    expect(bad.passwordReuseDepth).to.match(/at least 1/);
    expect(bad.loginMessage).to.match(/at most 1024/);
  });

  it("consoleSecurity: diff ignores credentials and compares address lists as sets", async () => {
    const provider = new HcpConsoleSecurityProvider();
    const olds = {
      tenant: "Finance",
      username: "lgreen",
      password: "a",
      ipSettings: { allowAddresses: ["10.0.0.1", "fd00::1"] },
    };
    const news = {
      tenant: "finance",
      username: "other",
      password: "b",
      ipSettings: { allowAddresses: ["FD00::1", "10.0.0.1"] },
    };
    expect((await provider.diff("Finance", olds as never, news as never)).changes).to.equal(false);
    const moved = await provider.diff("Finance", olds as never, { ...news, tenant: "Sales" } as never);
    expect(moved.replaces).to.deep.equal(["tenant"]);
  });

  it("searchSecurity needs ipSettings", async () => {
    expect(await failures(new HcpSearchSecurityProvider(), { tenant: "Finance" })).to.deep.equal({
      ipSettings: "ipSettings is required",
    });
  });

  it("contactInfo: e-mail, phone and extension syntax", async () => {
    const bad = await failures(new HcpTenantContactInfoProvider(), {
      tenant: "Finance",
      emailAddress: "not-an-address",
      primaryPhone: "+1 (555) call-me",
      extension: "12a",
      firstName: "x".repeat(65),
    });
    expect(Object.keys(bad).sort()).to.deep.equal(["emailAddress", "extension", "firstName", "primaryPhone"]);
    expect(bad.primaryPhone).to.match(/digits, spaces and/);
  });

  it("emailNotification: recipients, enums and the template pair", async () => {
    const recipient = { address: "ops@example.com" };
    const bad = await failures(new HcpTenantEmailNotificationProvider(), {
      tenant: "Finance",
      emailTemplate: { from: "hcp@example.com" },
      recipients: [
        ...Array.from({ length: 25 }, () => recipient),
        { address: "ops@example.com, nope", importance: "SOME", severity: "FATAL", type: "GENERAL,BILLING" },
      ],
    });
    expect(bad.emailTemplate).to.equal("emailTemplate.from and emailTemplate.subject must be given together");
    expect(bad.recipients).to.equal("recipients may hold at most 25 entries, got 26");
    expect(bad["recipients[25].address"]).to.match(/comma-separated list/);
    expect(bad["recipients[25].importance"]).to.match(/ALL, MAJOR/);
    expect(bad["recipients[25].severity"]).to.match(/NOTICE, WARNING, ERROR/);
    expect(bad["recipients[25].type"]).to.match(/GENERAL, SECURITY, COMPLIANCE/);
  });

  it("emailNotification: a recipient equals HCP's answer with its defaults filled in", () => {
    expect(
      normaliseRecipient({ address: "B@example.com, a@example.com", type: "security,general" }),
    ).to.deep.equal(
      normaliseRecipient({
        address: "a@example.com,b@example.com",
        importance: "MAJOR",
        severity: "ERROR",
        type: "GENERAL,SECURITY",
      }),
    );
  });

  it("namespaceDefaults: ranges, case-sensitive hash scheme, versioning and erasure coding rules", async () => {
    const bad = await failures(new HcpNamespaceDefaultsProvider(), {
      tenant: "Finance",
      softQuota: 5,
      hashScheme: "sha-256",
      hardQuota: "50GiB",
      multipartUploadAutoAbortDays: 181,
      optimizedFor: "FAST",
      allowErasureCoding: true,
      versioningSettings: { enabled: true, prune: true },
    });
    expect(bad.softQuota).to.equal("softQuota must be at least 10, got 5");
    expect(bad.hashScheme).to.match(/must be one of MD5, SHA-1, SHA-256/);
    expect(bad.hardQuota).to.match(/MB, GB or TB/);
    expect(bad.multipartUploadAutoAbortDays).to.match(/at most 180/);
    expect(bad.optimizedFor).to.match(/ALL, CLOUD, DEFAULT/);
    expect(bad.allowErasureCoding).to.equal('allowErasureCoding true needs optimizedFor "CLOUD"');
    expect(bad["versioningSettings.pruneDays"]).to.equal("versioningSettings.pruneDays is required");
    const noEnabled = await failures(new HcpNamespaceDefaultsProvider(), {
      tenant: "t",
      versioningSettings: {},
    });
    expect(noEnabled["versioningSettings.enabled"]).to.equal("versioningSettings.enabled is required");
  });

  it("namespaceDefaults: the 50 GB default never exceeds the tenant quota", () => {
    expect(defaultNamespaceHardQuota("100.00 GB")).to.equal("50 GB");
    expect(defaultNamespaceHardQuota("20.00 GB")).to.equal("20.00 GB");
    expect(defaultNamespaceHardQuota(undefined)).to.equal("50 GB");
  });

  it("permissions: case-sensitive names, compared with HCP's implied permissions", async () => {
    const provider = new HcpTenantPermissionsProvider();
    const bad = await failures(provider, { tenant: "Finance", permissions: ["READ", "write"] });
    expect(bad).to.deep.equal({
      "permissions[1]":
        'permissions[1] must be one of DELETE, PRIVILEGED, PURGE, READ, SEARCH, WRITE, got "write": did you mean "WRITE"?',
    });
    const olds = { tenant: "Finance", permissions: ["DELETE", "PURGE", "READ", "SEARCH"] };
    expect(
      (
        await provider.diff(
          "Finance",
          olds as never,
          { tenant: "Finance", permissions: ["SEARCH", "PURGE"] } as never,
        )
      ).changes,
    ).to.equal(false);
    expect(
      (await provider.diff("Finance", olds as never, { tenant: "Finance", permissions: ["SEARCH"] } as never))
        .changes,
    ).to.equal(true);
  });
});
