import * as pulumi from "@pulumi/pulumi";
import {
  HcpNamespace,
  type HcpNamespaceArgs,
  HcpTenant,
  type HcpTenantArgs,
  HcpUserAccount,
  type HcpUserAccountArgs,
} from "tenant-estates";

// An HCP tenant with a namespace administrator, an auditor and one namespace, as a customer's first
// estate would have them. Stack config `declare` ({"adopt", "tenant", "namespace", "auditor"}) varies it per run.
const config = new pulumi.Config();
const tenantName = config.require("tenant");
const initialPassword = config.requireSecret("initialPassword");
const adminPassword = config.requireSecret("adminPassword");
const declared = JSON.parse(config.get("declare") ?? "{}") as {
  adopt?: boolean;
  tenant?: Partial<HcpTenantArgs>;
  namespace?: Partial<HcpNamespaceArgs>;
  auditor?: Partial<HcpUserAccountArgs>;
};
const adopt = declared.adopt;

const tenant = new HcpTenant("tenant", {
  name: tenantName,
  hardQuota: "100 GB",
  versioningConfigurationEnabled: true,
  searchConfigurationEnabled: true,
  complianceConfigurationEnabled: true,
  initialUserName: "security",
  initialUserPassword: initialPassword,
  adopt,
  ...declared.tenant,
});

// The initial user has only SECURITY: it makes the accounts, and the administrator makes the namespace.
const signIn = { tenant: tenant.name, signInUsername: "security", signInPassword: initialPassword };
const admin = new HcpUserAccount("nsadmin", {
  ...signIn,
  username: "nsadmin",
  fullName: "Namespace administrator",
  roles: ["ADMINISTRATOR", "COMPLIANCE"],
  password: adminPassword,
  adopt,
});
new HcpUserAccount("auditor", {
  ...signIn,
  username: "auditor",
  fullName: "Auditor",
  description: "Reads everything",
  roles: ["MONITOR"],
  password: adminPassword,
  adopt,
  ...declared.auditor,
});

const namespace = new HcpNamespace("invoices", {
  tenant: tenant.name,
  username: admin.username,
  password: adminPassword,
  name: "invoices",
  description: "Supplier invoices",
  hardQuota: "20 GB",
  softQuota: 80,
  hashScheme: "SHA-256",
  defaultRetention: "A+7y",
  versioning: { enabled: true, prune: true, pruneDays: 30 },
  searchEnabled: true,
  indexingEnabled: true,
  tags: ["finance", "invoices"],
  adopt,
  ...declared.namespace,
});

export const namespaceId = namespace.namespaceId;
export const namespaceHost = namespace.fullyQualifiedName;
export const adminGuid = admin.userGuid;
