import { randomUUID } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";

// The engine floor's dynamic provider: does nothing and answers at once. The bench installs this module
// into node_modules as the package `tenant-estates-bench-noop` (bench/floorPackage.ts), and the floor
// program loads it from there by name, as a user's program loads `tenant-estates`: Pulumi's closure
// serializer then stores only a `require` of the installed module in each resource's `__provider`,
// like ours, rather than serialized code.
const noopProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    const id = randomUUID();
    return { id, outs: { ...inputs, objectId: id } };
  },
  async diff() {
    return { changes: false };
  },
  async read(id, props) {
    return { id, props };
  },
  async delete() {},
};

export = noopProvider;
