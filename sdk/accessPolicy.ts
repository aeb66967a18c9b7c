import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/accessPolicy");

import { withOutputs } from "./outputs";

export type AcronisRole =
  | "partner_admin"
  | "hci_admin"
  | "company_admin"
  | "unit_admin"
  | "readonly_admin"
  | "backup_admin"
  | "backup_user"
  | "sync_share_admin"
  | "sync_share_user"
  | "sync_share_guest"
  | "monitoring_admin";

export interface AccessPolicyArgs {
  /** Changing it replaces the resource. */
  userId: pulumi.Input<string>;
  /** The user's complete set of roles in its tenant, e.g. ["company_admin"]; order does not matter. */
  roles: pulumi.Input<pulumi.Input<AcronisRole>[]>;
}

/** The roles of an Acronis user. Destroying the resource removes them all (a new user's default). */
export class AccessPolicy extends pulumi.dynamic.Resource {
  declare readonly userId: pulumi.Output<string>;
  declare readonly tenantId: pulumi.Output<string>;
  declare readonly roles: pulumi.Output<AcronisRole[]>;

  constructor(name: string, args: AccessPolicyArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      withOutputs(args, ["userId", "tenantId", "roles"]),
      opts,
      "acronis",
      "AccessPolicy",
    );
  }
}
