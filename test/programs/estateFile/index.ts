import * as pulumi from "@pulumi/pulumi";
import { declareEstate, EstateError, loadEstate } from "tenant-estates";

// The estate file named by stack config `estateFile` (an absolute path the tests rewrite between steps).
const config = new pulumi.Config();
let estate: ReturnType<typeof loadEstate>;
try {
  estate = loadEstate(config.require("estateFile"));
} catch (err) {
  if (err instanceof EstateError) throw new pulumi.RunError(err.message);
  throw err;
}

const declared = declareEstate(estate, {
  partnerTenantId: config.require("partnerTenantId"),
  hcpInitialUserPassword: config.getSecret("hcpInitialUserPassword"),
});

// By key, which stays when a customer is renamed.
export const customers = Object.fromEntries(declared.customers.map((c) => [c.key, c.tenantId]));
export const users = Object.fromEntries(
  declared.customers.flatMap((c) => c.users.map((u) => [u.login, u.userId])),
);
export const hcpTenants = Object.fromEntries(declared.hcpTenants.map((t) => [t.key, t.tenantId]));
