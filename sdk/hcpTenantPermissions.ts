import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/hcpTenantPermissions");

import { withSecretPassword } from "./hcpAccount";
import { withOutputs } from "./outputs";

export interface HcpTenantPermissionsArgs {
  /** The tenant's name; the resource id. Changing it replaces the resource. */
  tenant: pulumi.Input<string>;
  /**
   * A tenant-level account with the ADMINISTRATOR role (e.g. the tenant's initial user), used to sign in at
   * <tenant>.<domain>. Without it the system-level account (hcp:username) is used, which works only where
   * the tenant allows administration by system-level accounts. Not a setting: never compared, only kept
   * so refresh and destroy can sign in (a change takes effect with the next update).
   */
  username?: pulumi.Input<string>;
  /** Its password; always stored as a secret. */
  password?: pulumi.Input<string>;
  /**
   * The data access permission mask, the most any namespace of the tenant may grant: any of DELETE,
   * PRIVILEGED, PURGE, READ, SEARCH, WRITE (case-sensitive). HCP adds DELETE to PURGE and READ to SEARCH.
   */
  permissions: pulumi.Input<pulumi.Input<"DELETE" | "PRIVILEGED" | "PURGE" | "READ" | "SEARCH" | "WRITE">[]>;
}

/**
 * The data access permission mask of an HCP tenant (needs the ADMINISTRATOR role). Destroying the
 * resource restores HCP's default: all six permissions.
 */
export class HcpTenantPermissions extends pulumi.dynamic.Resource {
  declare readonly tenant: pulumi.Output<string>;
  declare readonly username: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly password: pulumi.Output<string | undefined>;
  /** As HCP holds it, sorted. */
  declare readonly permissions: pulumi.Output<string[]>;

  constructor(name: string, args: HcpTenantPermissionsArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = withSecretPassword(args, opts);
    super(
      provider,
      name,
      withOutputs(secret.args, hcpTenantPermissionsOutputKeys),
      secret.opts,
      "hcp",
      "HcpTenantPermissions",
    );
  }
}

export const hcpTenantPermissionsOutputKeys = ["tenant", "username", "password", "permissions"] as const;
