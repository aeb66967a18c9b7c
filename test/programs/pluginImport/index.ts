import * as pulumi from "@pulumi/pulumi";

/**
 * Objects of any type of the tenant-estates provider plugin, declared by type token through one explicit
 * provider instance (an Acronis data center and an HCP system), each as the stack config lists it; one
 * with `importId` is adopted by the `import` resource option.
 */
interface Declared {
  token: string;
  resource: string;
  args: Record<string, unknown>;
  importId?: string;
}

interface Account {
  acronis: { baseUrl: string; clientId: string };
  hcp: { domain: string; port: number; address: string; caCert: string; username: string };
}

/** The plugin's provider: `pulumi:providers:tenant-estates`. */
class Provider extends pulumi.ProviderResource {
  constructor(name: string, properties: pulumi.Inputs) {
    super("tenant-estates", name, properties);
  }
}

/** A resource of the plugin, by its type token. */
class PluginResource extends pulumi.CustomResource {
  constructor(token: string, name: string, args: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
    super(token, name, args, opts);
  }
}

const config = new pulumi.Config();
const account = config.requireObject<Account>("account");
const provider = new Provider("estate", {
  acronisBaseUrl: account.acronis.baseUrl,
  acronisClientId: account.acronis.clientId,
  acronisClientSecret: config.requireSecret("clientSecret"),
  hcpDomain: account.hcp.domain,
  hcpPort: account.hcp.port,
  hcpAddress: account.hcp.address,
  hcpCaCert: account.hcp.caCert,
  hcpUsername: account.hcp.username,
  hcpPassword: config.requireSecret("hcpPassword"),
});

for (const { token, resource, args, importId } of config.getObject<Declared[]>("resources") ?? [])
  new PluginResource(token, resource, args, { provider, ...(importId ? { import: importId } : {}) });
