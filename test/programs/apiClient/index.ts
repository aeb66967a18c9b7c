import * as pulumi from "@pulumi/pulumi";
import { ApiClient, CustomerTenant } from "tenant-estates";

// A customer with an integration's API client, shaped by stack config; `adoptName` adds a second client
// that takes over the client of that name made by hand.
const config = new pulumi.Config();
const customer = new CustomerTenant("integration-customer", {
  name: "Integration Customer",
  parentId: config.require("partnerTenantId"),
});
const client = new ApiClient("backup-integration", {
  tenantId: customer.tenantId,
  name: config.get("clientName") ?? "backup-integration",
  enabled: config.getBoolean("clientEnabled"),
  rotation: config.get("rotation"),
});
const adoptName = config.get("adoptName");
const adopted = adoptName
  ? new ApiClient("legacy-sync", { tenantId: customer.tenantId, name: adoptName, adopt: true })
  : undefined;

export const customerTenantId = customer.tenantId;
export const clientId = client.clientId;
export const clientSecret = client.clientSecret;
export const adoptedClientId = adopted?.clientId;
export const adoptedClientSecret = adopted?.clientSecret;
