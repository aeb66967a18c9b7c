import * as pulumi from "@pulumi/pulumi";

/**
 * Customer tenants declared through the tenant-estates provider plugin: one explicit provider instance
 * per Acronis account, each with the customers the stack config lists for it.
 */
interface Account {
  name: string;
  baseUrl: string;
  clientId: string;
  customers: { resource: string; name: string; parentId: string }[];
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

const config = new pulumi.Config();

for (const account of config.requireObject<Account[]>("accounts")) {
  const provider = new Provider(account.name, {
    acronisBaseUrl: account.baseUrl,
    acronisClientId: account.clientId,
    acronisClientSecret: config.requireSecret(`${account.name}ClientSecret`),
  });
  for (const { resource, ...args } of account.customers) new CustomerTenant(resource, args, { provider });
}
