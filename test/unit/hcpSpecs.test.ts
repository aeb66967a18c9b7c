import { expect } from "chai";
import { inputKeys, type ResourceSpec } from "../../provider/core/spec";
import { HcpConsoleSecurityProvider } from "../../provider/hcp/resources/hcpConsoleSecurity";
import { HcpNamespaceDefaultsProvider } from "../../provider/hcp/resources/hcpNamespaceDefaults";
import { HcpSearchSecurityProvider } from "../../provider/hcp/resources/hcpSearchSecurity";
import { hcpTenantOutputs } from "../../provider/hcp/resources/hcpTenant";
import { HcpTenantContactInfoProvider } from "../../provider/hcp/resources/hcpTenantContactInfo";
import { HcpTenantEmailNotificationProvider } from "../../provider/hcp/resources/hcpTenantEmailNotification";
import { HcpTenantPermissionsProvider } from "../../provider/hcp/resources/hcpTenantPermissions";
import { accountKeys } from "../../provider/hcp/specs/common";
import { hcpConsoleSecuritySpec } from "../../provider/hcp/specs/hcpConsoleSecurity";
import { hcpNamespaceDefaultsSpec } from "../../provider/hcp/specs/hcpNamespaceDefaults";
import { hcpSearchSecuritySpec } from "../../provider/hcp/specs/hcpSearchSecurity";
import { hcpTenantSpec } from "../../provider/hcp/specs/hcpTenant";
import { hcpTenantContactInfoSpec } from "../../provider/hcp/specs/hcpTenantContactInfo";
import { hcpTenantEmailNotificationSpec } from "../../provider/hcp/specs/hcpTenantEmailNotification";
import { hcpTenantPermissionsSpec } from "../../provider/hcp/specs/hcpTenantPermissions";
import type { Tenant } from "../../provider/hcp/types";

interface SettingOutputs {
  outputs(api: unknown, managed: unknown): Record<string, unknown>;
}

/** Each tenant-setting provider with its spec and a settings document as the API could answer it. */
const settingResources: [string, SettingOutputs, ResourceSpec, unknown][] = [
  [
    "HcpConsoleSecurity",
    new HcpConsoleSecurityProvider(),
    hcpConsoleSecuritySpec,
    { minimumPasswordLength: 6, automaticUserAccoutUnlockDuration: 5, ipSettings: { allowAddresses: [] } },
  ],
  ["HcpSearchSecurity", new HcpSearchSecurityProvider(), hcpSearchSecuritySpec, { ipSettings: {} }],
  ["HcpTenantContactInfo", new HcpTenantContactInfoProvider(), hcpTenantContactInfoSpec, { city: "Paris" }],
  [
    "HcpTenantEmailNotification",
    new HcpTenantEmailNotificationProvider(),
    hcpTenantEmailNotificationSpec,
    { enabled: true, emailTemplate: {}, recipients: [] },
  ],
  [
    "HcpNamespaceDefaults",
    new HcpNamespaceDefaultsProvider(),
    hcpNamespaceDefaultsSpec,
    { softQuota: 85, versioningSettings: { enabled: false } },
  ],
  ["HcpTenantPermissions", new HcpTenantPermissionsProvider(), hcpTenantPermissionsSpec, ["READ"]],
];

/** Every input of a spec set, so every output the provider can return is produced. */
const everyInput = (spec: ResourceSpec) =>
  Object.fromEntries(inputKeys(spec).map((key) => [key, key === "permissions" ? ["READ"] : {}]));

describe("HCP specs", () => {
  for (const [type, provider, spec, api] of settingResources) {
    it(`${type}: every output key is in the spec, the account first`, () => {
      const outputs = provider.outputs(api, {
        ...everyInput(spec),
        tenant: "Finance",
        username: "u",
        password: "p",
      });
      expect(Object.keys(spec.properties)).to.include.members(Object.keys(outputs));
      expect(Object.keys(spec.properties).slice(0, accountKeys.length)).to.deep.equal(accountKeys);
    });

    it(`${type}: the password is a secret, the account is never compared, a new tenant replaces`, () => {
      const { tenant, username, password } = spec.properties;
      expect(password).to.include({ secret: true, notCompared: true });
      expect(username).to.include({ notCompared: true });
      expect(username.secret).to.equal(undefined);
      expect(tenant).to.include({ required: true, replaces: "createFirst" });
    });
  }

  it("HcpTenant: every output key is in the spec, and the initial password is a create-only secret", () => {
    const tenant = { id: "t-1", name: "Finance", fullyQualifiedName: "finance.hcp", creationTime: "now" };
    const inputs = { ...everyInput(hcpTenantSpec), name: "Finance", hardQuota: "1 GB" };
    const outputs = hcpTenantOutputs({ ...inputs, ...tenant } as unknown as Tenant, inputs);
    expect(Object.keys(hcpTenantSpec.properties)).to.include.members(Object.keys(outputs));
    expect(outputs).to.not.have.property("initialUserPassword");
    expect(hcpTenantSpec.properties.initialUserPassword).to.include({ secret: true, createOnly: true });
    const outputOnly = Object.entries(hcpTenantSpec.properties).filter(([, p]) => p.role === "output");
    expect(outputOnly.map(([key]) => key)).to.deep.equal(["tenantId", "fullyQualifiedName", "creationTime"]);
  });
});
