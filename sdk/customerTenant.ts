import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/customerTenant");

import { withOutputs } from "./outputs";

export interface TenantContactArgs {
  email?: pulumi.Input<string>;
  firstname?: pulumi.Input<string>;
  lastname?: pulumi.Input<string>;
  phone?: pulumi.Input<string>;
  address1?: pulumi.Input<string>;
  address2?: pulumi.Input<string>;
  city?: pulumi.Input<string>;
  state?: pulumi.Input<string>;
  zipcode?: pulumi.Input<string>;
  country?: pulumi.Input<string>;
}

export interface CustomerTenantArgs {
  /** Unique in the partner's hierarchy. Renaming is done in place. */
  name: pulumi.Input<string>;
  /** The partner (or folder) tenant the customer lives under. Changing it replaces the tenant. */
  parentId: pulumi.Input<string>;
  /** An external id for reporting (Acronis `customer_id`). */
  customerId?: pulumi.Input<string>;
  internalTag?: pulumi.Input<string>;
  /** Default `en`. */
  language?: pulumi.Input<string>;
  /** true (default): "Managed by service provider"; false: "Self-service" management mode. */
  ancestralAccess?: pulumi.Input<boolean>;
  /** Backup encryption. Cannot be turned off once on. */
  enhancedSecurity?: pulumi.Input<boolean>;
  /** false suspends the customer (its data is kept). Default true. */
  enabled?: pulumi.Input<boolean>;
  contact?: pulumi.Input<TenantContactArgs>;
  /**
   * What `pulumi destroy` (or a replacement) does to the tenant: "delete" (default) disables it and then
   * deletes it with all its users, services and backups, irreversibly; "disable" only disables it
   * (data kept, still billed); "retain" leaves it untouched and only forgets it.
   */
  deletionPolicy?: pulumi.Input<"delete" | "disable" | "retain">;
}

/** An Acronis Cyber Protect Cloud customer tenant. */
export class CustomerTenant extends pulumi.dynamic.Resource {
  /**
   * The tenant UUID, which is the resource id: unlike the provider's outputs it stays known in a preview
   * of an update, so dependents are not planned for replacement.
   */
  readonly tenantId: pulumi.Output<string>;
  declare readonly kind: pulumi.Output<"customer">;
  declare readonly name: pulumi.Output<string>;
  declare readonly parentId: pulumi.Output<string>;
  declare readonly customerId: pulumi.Output<string | undefined>;
  declare readonly internalTag: pulumi.Output<string | undefined>;
  declare readonly language: pulumi.Output<string | undefined>;
  declare readonly ancestralAccess: pulumi.Output<boolean | undefined>;
  declare readonly enhancedSecurity: pulumi.Output<boolean | undefined>;
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  declare readonly contact: pulumi.Output<Record<string, string> | undefined>;
  declare readonly deletionPolicy: pulumi.Output<string | undefined>;

  constructor(name: string, args: CustomerTenantArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, withOutputs(args, customerTenantOutputKeys), opts, "acronis", "CustomerTenant");
    this.tenantId = this.id;
  }
}

/** The outputs resolved from the provider's answer; `tenantId` is the id (the answer's own key is ignored). */
export const customerTenantOutputKeys = [
  "kind",
  "name",
  "parentId",
  "customerId",
  "internalTag",
  "language",
  "ancestralAccess",
  "enhancedSecurity",
  "enabled",
  "contact",
  "deletionPolicy",
] as const;
