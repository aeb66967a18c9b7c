import * as pulumi from "@pulumi/pulumi";
import { getHcpChargebackReport, HcpConsoleSecurity, HcpTenant } from "tenant-estates";

export interface HcpFinanceArgs {
  /** Password of the tenant's initial user lgreen (a secret). */
  initialUserPassword: pulumi.Input<string>;
  /** What removing or destroying the tenant does once an `up` has stored it: `retain` (default) or `delete`. */
  deletionPolicy?: "delete" | "retain";
}

/**
 * The seed's Finance tenant ("Example: Creating an HCP tenant") with its initial user lgreen, and its
 * Tenant Management Console security ("Example: Setting Tenant Management Console security"), set as lgreen.
 */
export function hcpFinance(args: HcpFinanceArgs) {
  const finance = new HcpTenant("finance", {
    name: "Finance",
    systemVisibleDescription:
      "Created for the Finance department at Example Company by P.D. Grey on 2/9/2017.",
    hardQuota: "100 GB",
    softQuota: 90,
    namespaceQuota: 5,
    authenticationTypes: ["LOCAL", "EXTERNAL"],
    complianceConfigurationEnabled: true,
    versioningConfigurationEnabled: true,
    searchConfigurationEnabled: true,
    replicationConfigurationEnabled: true,
    erasureCodingSelectionEnabled: true,
    tags: ["Example Company", "pdgrey"],
    servicePlanSelectionEnabled: false,
    servicePlan: "Short-Term-Activity",
    dataNetwork: "net127",
    managementNetwork: "net004",
    initialUserName: "lgreen",
    initialUserPassword: args.initialUserPassword,
    forcePasswordChange: false,
    deletionPolicy: args.deletionPolicy,
  });

  const consoleSecurity = new HcpConsoleSecurity("finance-console-security", {
    tenant: finance.name,
    username: "lgreen",
    password: args.initialUserPassword,
    ipSettings: {
      allowAddresses: ["192.168.103.18", "192.168.103.24", "192.168.103.25"],
      denyAddresses: [],
      allowIfInBothLists: false,
    },
    minimumPasswordLength: 6,
    forcePasswordChangeDays: 45,
    disableAfterAttempts: 3,
    disableAfterInactiveDays: 30,
    logoutOnInactive: 20,
    loginMessage: "",
  });

  return { finance, consoleSecurity };
}

/** The tenant's chargeback report for the day (the seed's third example), read once the tenant exists. */
export function financeChargeback(finance: HcpTenant, hcp: pulumi.Config) {
  const connection = {
    domain: hcp.require("domain"),
    port: hcp.getNumber("port"),
    address: hcp.get("address"),
    caCert: hcp.get("caCert"),
    username: hcp.require("username"),
  };
  // The tenant has an id only once it exists: a preview of its creation does not ask HCP for a report.
  // The report holds no credential, so it is not kept secret like the password it was read with.
  const report = pulumi
    .all([finance.tenantId, finance.name, hcp.requireSecret("password")])
    .apply(([tenantId, tenant, password]) =>
      tenantId
        ? getHcpChargebackReport({ ...connection, password }, tenant, { granularity: "day" })
        : Promise.resolve([]),
    );
  return pulumi.unsecret(report);
}
