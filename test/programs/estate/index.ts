import * as pulumi from "@pulumi/pulumi";
import { ApiClient, HcpConsoleSecurity, HcpTenant, RegistrationWindow } from "tenant-estates";
import { declareEstateCustomer } from "./customer";

// A test estate of N Acronis customers (each with two-factor, offering items, a user and a role; the first
// `apiClients` of them with an API client) and M HCP tenants with console security, sized by stack config;
// with `registrationWindow`, at most that many customers await the engine at a time (as declareEstateGradually).
const config = new pulumi.Config();
// As the main job (examples/demo) when `stackTraces` is false: the benchmark measures what it runs.
if (config.getBoolean("stackTraces") === false) Error.stackTraceLimit = 0;
const partnerTenantId = config.require("partnerTenantId");
const hcpPassword = config.requireSecret("tenantPassword");
const apiClients = config.getNumber("apiClients") ?? 0;
const clientSecrets: pulumi.Output<string | undefined>[] = [];
const windowSize = config.getNumber("registrationWindow");

function declareCustomer(i: number) {
  const { customer, group } = declareEstateCustomer(i, partnerTenantId);
  if (i < apiClients)
    clientSecrets.push(
      new ApiClient(`customer-${i}-client`, { tenantId: customer.tenantId, name: `estate-client-${i}` })
        .clientSecret,
    );
  return { tenantId: customer.tenantId, group };
}

function declareHcpTenant(j: number) {
  const tenant = new HcpTenant(`hcp-${j}`, {
    name: `estate-${j}`,
    hardQuota: `${10 * (j + 1)} GB`,
    softQuota: 80,
    tags: ["estate", `t${j}`],
    initialUserName: "security",
    initialUserPassword: hcpPassword,
  });
  new HcpConsoleSecurity(`hcp-${j}-console`, {
    tenant: tenant.name,
    username: "security",
    password: hcpPassword,
    minimumPasswordLength: 10,
    ipSettings: { allowAddresses: ["10.0.0.0/8"], denyAddresses: [], allowIfInBothLists: false },
  });
  return tenant.tenantId;
}

export = async () => {
  const window = windowSize ? new RegistrationWindow(windowSize) : undefined;
  const customers: pulumi.Output<string>[] = [];
  for (let i = 0; i < config.requireNumber("customers"); i++) {
    const { tenantId, group } = declareCustomer(i);
    customers.push(tenantId);
    window?.track(group);
    await window?.room();
  }
  return {
    customers,
    // Only stacks that ask for API clients have this output, so the others' outputs stay as they were.
    apiClientSecrets: apiClients > 0 ? clientSecrets : undefined,
    hcpTenants: Array.from({ length: config.requireNumber("hcpTenants") }, (_, j) => declareHcpTenant(j)),
  };
};
