import * as pulumi from "@pulumi/pulumi";
import type { ResourceProvider } from "@pulumi/pulumi/dynamic";
import { floorPackageName } from "../../floorPackage";

// The engine floor: the estate program's shape (five resources per customer, the same inputs and
// dependencies as test/programs/estate) with dynamic resources that do nothing, so the engine's own cost
// on this machine shows apart from ours. The provider is a module of a package installed in node_modules,
// loaded by name as a user's program loads `tenant-estates` (see noopProvider.ts).
const nothing = require(floorPackageName) as ResourceProvider;

class Nothing extends pulumi.dynamic.Resource {
  declare readonly objectId: pulumi.Output<string>;
  constructor(
    type: string,
    name: string,
    props: Record<string, unknown>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(nothing, name, { objectId: undefined, ...props }, opts, "bench", type);
  }
}

const config = new pulumi.Config();
const partnerTenantId = "00000000-0000-4000-8000-000000000000";
const customers = config.requireNumber("customers");
for (let i = 0; i < customers; i++) {
  const customer = new Nothing("CustomerTenant", `customer-${i}`, {
    name: `Estate Customer ${i}`,
    parentId: partnerTenantId,
    customerId: `estate-${i}`,
  });
  new Nothing("TenantMfa", `customer-${i}-mfa`, { tenantId: customer.objectId, enabled: true });
  const items = new Nothing("OfferingItems", `customer-${i}-items`, {
    tenantId: customer.objectId,
    items: [{ name: "workstations", quota: { value: 10 + i, overage: null } }, { name: "storage" }],
  });
  const user = new Nothing("User", `customer-${i}-admin`, {
    tenantId: customer.objectId,
    login: `estate-admin-${i}`,
    contact: { email: `admin-${i}@customer.example`, firstname: "Admin", lastname: `${i}` },
    sendActivationEmail: true,
  });
  new Nothing(
    "AccessPolicy",
    `customer-${i}-admin-role`,
    { userId: user.objectId, roles: ["company_admin"] },
    { dependsOn: [items] },
  );
}
