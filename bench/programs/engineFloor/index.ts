import * as pulumi from "@pulumi/pulumi";

// The engine floor: the estate program's shape (five resources per customer, same dependencies) with
// dynamic resources that do nothing, so the engine's own cost on this machine shows apart from ours.
let next = 0;
const nothing: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `noop-${Date.now()}-${next++}`, outs: { ...inputs, objectId: "x" } };
  },
  async diff() {
    return { changes: false };
  },
  async read(id, props) {
    return { id, props };
  },
};

class Nothing extends pulumi.dynamic.Resource {
  declare readonly objectId: pulumi.Output<string>;
  constructor(name: string, props: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
    super(nothing, name, { objectId: undefined, ...props }, opts, "bench", "Nothing");
  }
}

const customers = new pulumi.Config().requireNumber("customers");
for (let i = 0; i < customers; i++) {
  const customer = new Nothing(`customer-${i}`, { name: `Estate Customer ${i}` });
  new Nothing(`customer-${i}-mfa`, { tenantId: customer.objectId });
  const items = new Nothing(`customer-${i}-items`, { tenantId: customer.objectId });
  const user = new Nothing(`customer-${i}-admin`, { tenantId: customer.objectId });
  new Nothing(`customer-${i}-admin-role`, { userId: user.objectId }, { dependsOn: [items] });
}
