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
// The same program shape as ours: without stack traces when `stackTraces` is false.
if (config.getBoolean("stackTraces") === false) Error.stackTraceLimit = 0;
const partnerTenantId = "00000000-0000-4000-8000-000000000000";
const customers = config.requireNumber("customers");
// For docs/scaling.md (bench/scaling.ts): the same inputs in fewer resources per customer (5, 2 or 1), and
// `padBytes` more bytes of inputs (hence of outputs) per resource.
const resourcesPerCustomer = config.getNumber("resourcesPerCustomer") ?? 5;
if (![1, 2, 5].includes(resourcesPerCustomer)) throw new Error("resourcesPerCustomer must be 5, 2 or 1");
const padding = "x".repeat(config.getNumber("padBytes") ?? 0);
const padded = (props: Record<string, unknown>) => (padding ? { ...props, padding } : props);

// As declareEstateGradually (kept apart so the floor loads nothing of ours): at most `window` customers
// registered and not yet answered by the engine (0: no limit).
const window = config.getNumber("window") ?? 0;
const answered: Promise<unknown>[] = [];

export = async () => {
  for (let i = 0; i < customers; i++) {
    if (window > 0 && i >= window) await answered[i - window];
    const tenant = { name: `Estate Customer ${i}`, parentId: partnerTenantId, customerId: `estate-${i}` };
    const mfa = { enabled: true };
    const items = {
      items: [{ name: "workstations", quota: { value: 10 + i, overage: null } }, { name: "storage" }],
    };
    const user = {
      login: `estate-admin-${i}`,
      contact: { email: `admin-${i}@customer.example`, firstname: "Admin", lastname: `${i}` },
      sendActivationEmail: true,
    };
    const role = { roles: ["company_admin"] };
    if (resourcesPerCustomer === 1) {
      new Nothing(
        "Customer",
        `customer-${i}`,
        padded({ ...tenant, mfa, ...items, user: { ...user, ...role } }),
      );
      continue;
    }
    const customer = new Nothing(
      "CustomerTenant",
      `customer-${i}`,
      padded(resourcesPerCustomer === 2 ? { ...tenant, mfa, ...items } : tenant),
    );
    if (resourcesPerCustomer === 2) {
      new Nothing("User", `customer-${i}-admin`, padded({ tenantId: customer.objectId, ...user, ...role }));
      continue;
    }
    new Nothing("TenantMfa", `customer-${i}-mfa`, padded({ tenantId: customer.objectId, ...mfa }));
    const offering = new Nothing(
      "OfferingItems",
      `customer-${i}-items`,
      padded({ tenantId: customer.objectId, ...items }),
    );
    const admin = new Nothing(
      "User",
      `customer-${i}-admin`,
      padded({ tenantId: customer.objectId, ...user }),
    );
    const policy = new Nothing(
      "AccessPolicy",
      `customer-${i}-admin-role`,
      padded({ userId: admin.objectId, ...role }),
      {
        dependsOn: [offering],
      },
    );
    answered[i] = new Promise((resolve) => policy.urn.apply(resolve));
  }
};
