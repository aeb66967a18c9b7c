import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/offeringItems");

import { withOutputs } from "./outputs";

export interface QuotaArgs {
  /** Soft limit; null means unlimited. Bytes for storage items, a count for the others. */
  value: pulumi.Input<number | null>;
  /** Hard limit (overage); null means none. */
  overage?: pulumi.Input<number | null>;
}

export interface OfferingItemArgs {
  /** e.g. `workstations`, `storage`. */
  name: pulumi.Input<string>;
  /** Only needed when two applications offer an item of this name. */
  applicationId?: pulumi.Input<string>;
  /** Only needed when an infra item (storage) is offered on more than one infrastructure. */
  infraId?: pulumi.Input<string>;
  /** Managed only when given. */
  quota?: pulumi.Input<QuotaArgs>;
}

export interface OfferingItemsArgs {
  /** Changing it replaces the resource. */
  tenantId: pulumi.Input<string>;
  /** Items to enable. Items not listed are left as they are; items removed from the list are disabled. */
  items: pulumi.Input<pulumi.Input<OfferingItemArgs>[]>;
}

export interface EnabledOfferingItem {
  name: string;
  applicationId: string;
  infraId?: string;
  quota?: { value: number | null; overage: number | null };
}

/**
 * The offering items (services, editions, quotas) enabled for an Acronis tenant. Destroying the resource
 * disables the items it manages.
 */
export class OfferingItems extends pulumi.dynamic.Resource {
  declare readonly tenantId: pulumi.Output<string>;
  declare readonly items: pulumi.Output<EnabledOfferingItem[]>;

  constructor(name: string, args: OfferingItemsArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, withOutputs(args, ["tenantId", "items"]), opts, "acronis", "OfferingItems");
  }
}
