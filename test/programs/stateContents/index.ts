import * as pulumi from "@pulumi/pulumi";
import { ApiClient, CustomerTenant, HcpNamespace, HcpTenant, HcpUserAccount } from "tenant-estates";

// One resource of every kind that carries a secret: an API client (secret output), an HCP tenant (its
// initial user's password), an HCP account (its own and its sign-in password) and a namespace.
const config = new pulumi.Config();
const tenantPassword = config.requireSecret("tenantPassword");
const customer = new CustomerTenant("state-customer", {
  name: "State Customer",
  parentId: config.require("partnerTenantId"),
});
const client = new ApiClient("state-integration", { tenantId: customer.tenantId, name: "state-integration" });
const tenant = new HcpTenant("state-archive", {
  name: "state-archive",
  hardQuota: "20 GB",
  initialUserName: "security",
  initialUserPassword: tenantPassword,
});
const admin = new HcpUserAccount("state-admin", {
  tenant: tenant.name,
  signInUsername: "security",
  signInPassword: tenantPassword,
  username: "state-admin",
  fullName: "State administrator",
  roles: ["ADMINISTRATOR"],
  password: tenantPassword,
});
new HcpNamespace("state-namespace", {
  tenant: tenant.name,
  username: admin.username,
  password: tenantPassword,
  name: "ledger",
  hardQuota: "5 GB",
});

export const clientSecret = client.clientSecret;
