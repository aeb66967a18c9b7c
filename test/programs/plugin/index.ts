import * as pulumi from "@pulumi/pulumi";

/**
 * Customer tenants and HCP tenants declared through the tenant-estates provider plugin: one explicit
 * provider instance per account (an Acronis data center and an HCP system), each with the objects the
 * stack config lists for it.
 */
interface Account {
  name: string;
  acronis: { baseUrl: string; clientId: string };
  hcp: { domain: string; port: number; address: string; caCert: string; username: string };
  customers: { resource: string; name: string; parentId: string }[];
  hcpTenants: { resource: string; name: string; hardQuota: string }[];
}

/** The plugin's provider: `pulumi:providers:tenant-estates`. */
class Provider extends pulumi.ProviderResource {
  constructor(name: string, properties: pulumi.Inputs) {
    super("tenant-estates", name, properties);
  }
}

/** A customer tenant of the plugin, by its type token. */
class CustomerTenant extends pulumi.CustomResource {
  declare readonly tenantId: pulumi.Output<string>;

  constructor(name: string, args: { name: string; parentId: string }, opts: pulumi.CustomResourceOptions) {
    super("tenant-estates:acronis:CustomerTenant", name, { ...args, tenantId: undefined }, opts);
  }
}

/** An HCP tenant of the plugin, by its type token. */
class HcpTenant extends pulumi.CustomResource {
  constructor(name: string, args: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
    super("tenant-estates:hcp:HcpTenant", name, args, opts);
  }
}

const config = new pulumi.Config();
const tenantPassword = config.requireSecret("tenantPassword");

for (const account of config.requireObject<Account[]>("accounts")) {
  const provider = new Provider(account.name, {
    acronisBaseUrl: account.acronis.baseUrl,
    acronisClientId: account.acronis.clientId,
    acronisClientSecret: config.requireSecret(`${account.name}ClientSecret`),
    hcpDomain: account.hcp.domain,
    hcpPort: account.hcp.port,
    hcpAddress: account.hcp.address,
    hcpCaCert: account.hcp.caCert,
    hcpUsername: account.hcp.username,
    hcpPassword: config.requireSecret(`${account.name}HcpPassword`),
  });
  for (const { resource, ...args } of account.customers) new CustomerTenant(resource, args, { provider });
  for (const { resource, ...args } of account.hcpTenants)
    new HcpTenant(
      resource,
      { ...args, initialUserName: "security", initialUserPassword: tenantPassword },
      { provider },
    );
}
