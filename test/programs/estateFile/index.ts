import * as pulumi from "@pulumi/pulumi";
import { declareEstate, EstateError, loadEstate, slug } from "tenant-estates";

// The estate file named by stack config `estateFile` (an absolute path the tests rewrite between steps).
// test/e2e/upgrade.test.ts also runs it on the previous release of the package: it uses only what both have.
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

// By key (the slug of the name unless set), which stays when a customer is renamed.
const keyOf = (entry: { key?: string; name: string }) => entry.key ?? slug(entry.name);
export const customers = Object.fromEntries(
  (estate.acronis?.customers ?? []).map((c, i) => [keyOf(c), declared.customers[i].tenantId]),
);
export const users = Object.fromEntries(
  declared.customers.flatMap((c) => c.users.map((u) => [u.login, u.userId])),
);
export const hcpTenants = Object.fromEntries(
  (estate.hcp?.tenants ?? []).map((t, i) => [keyOf(t), declared.hcpTenants[i].tenantId]),
);
// The guards, which the next run reads back (undefined with a release that does not declare it).
export const tenantRemovalGuards = declared.tenantRemovalGuards;
