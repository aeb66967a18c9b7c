import { expect } from "chai";
import { compactSorted } from "../../cli/exportCommon";
import { exportedTenantEntry, tenantAccountsFrom, tenantUsernameVariable } from "../../cli/exportHcp";
import type { HcpSettings } from "../../provider/hcp/config";

const settings: HcpSettings = {
  domain: "hcp.example.com",
  port: 9090,
  username: "admin",
  password: "system-pw",
};

describe("tenant-estates export of HCP: the tenant-level accounts and the written values", () => {
  it("names a tenant's own username variable by the tenant in capitals, dashes as underscores", () => {
    expect(tenantUsernameVariable("north-eu-2")).to.equal("HCP_TENANT_NORTH_EU_2_USERNAME");
    expect(tenantUsernameVariable("Finance")).to.equal("HCP_TENANT_FINANCE_USERNAME");
  });

  it("signs in to each tenant as its own username, else the common one, always with the one password", () => {
    const accounts = tenantAccountsFrom(settings, {
      HCP_TENANT_USERNAME: "security",
      HCP_TENANT_FINANCE_USERNAME: "lgreen",
      HCP_TENANT_LEGAL_USERNAME: "",
      HCP_TENANT_PASSWORD: "tenant-pw",
    });
    expect(accounts.signInFor("Finance")?.username).to.equal("lgreen");
    expect(accounts.signInFor("legal")?.username).to.equal("security");
    expect(accounts.signInFor("records")?.username).to.equal("security");
    const client = accounts.signInFor("Finance")?.clientAs("nsadmin");
    expect(client?.host).to.equal("finance.hcp.example.com");
  });

  it("gives no account to a tenant without a username or without the password, and says what to set", () => {
    expect(tenantAccountsFrom(settings, { HCP_TENANT_USERNAME: "security" }).signInFor("x")).to.equal(
      undefined,
    );
    const noUsername = tenantAccountsFrom(settings, { HCP_TENANT_PASSWORD: "tenant-pw" });
    expect(noUsername.signInFor("north-eu")).to.equal(undefined);
    expect(noUsername.why("north-eu")).to.equal(
      "no tenant-level account was given: set HCP_TENANT_USERNAME (or HCP_TENANT_NORTH_EU_USERNAME) and HCP_TENANT_PASSWORD",
    );
    expect(noUsername.why("north-eu")).to.not.contain("tenant-pw");
  });

  it("leaves a tenant's empty description and empty tags out of its entry, and keeps false and 0", () => {
    const entry = exportedTenantEntry({
      name: "Finance",
      hardQuota: "50 GB",
      softQuota: 0,
      systemVisibleDescription: "",
      tags: [],
      replicationConfigurationEnabled: false,
      id: "not an estate property",
    });
    expect(entry).to.deep.equal({
      hardQuota: "50 GB",
      name: "Finance",
      replicationConfigurationEnabled: false,
      softQuota: 0,
    });
  });

  it("writes values with their keys sorted all the way down, leaving out empty strings, lists and objects", () => {
    const written = compactSorted({
      loginMessage: "",
      minimumPasswordLength: 10,
      ipSettings: { denyAddresses: [], allowIfInBothLists: false, allowAddresses: ["10.0.0.0/8"] },
      recipients: [{ type: "GENERAL", address: "ops@example.com", severity: undefined }],
      emailTemplate: { body: "" },
      permissions: ["READ"],
      enabled: false,
      gone: null,
    });
    expect(JSON.stringify(written)).to.equal(
      JSON.stringify({
        enabled: false,
        ipSettings: { allowAddresses: ["10.0.0.0/8"], allowIfInBothLists: false },
        minimumPasswordLength: 10,
        permissions: ["READ"],
        recipients: [{ address: "ops@example.com", type: "GENERAL" }],
      }),
    );
  });
});
