import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/hcpSearchSecurity");

import { withSecretPassword } from "./hcpAccount";
import type { HcpIpSettings, HcpIpSettingsArgs } from "./hcpConsoleSecurity";
import { withOutputs } from "./outputs";

export interface HcpSearchSecurityArgs {
  /** The tenant's name; the resource id. Changing it replaces the resource. */
  tenant: pulumi.Input<string>;
  /**
   * A tenant-level account with the SECURITY role (e.g. the tenant's initial user), used to sign in at
   * <tenant>.<domain>. Without it the system-level account (hcp:username) is used, which works only where
   * the tenant allows administration by system-level accounts. Not a setting: never compared, only kept
   * so refresh and destroy can sign in (a change takes effect with the next update).
   */
  username?: pulumi.Input<string>;
  /** Its password; always stored as a secret. */
  password?: pulumi.Input<string>;
  /** Who may reach the tenant's Search Console. */
  ipSettings: pulumi.Input<HcpIpSettingsArgs>;
}

/**
 * Search Console access of an HCP tenant (needs the SECURITY role). Destroying the resource POSTs HCP's
 * defaults back for the ipSettings members it managed (allow 0.0.0.0/0, deny none, allowIfInBothLists true).
 */
export class HcpSearchSecurity extends pulumi.dynamic.Resource {
  declare readonly tenant: pulumi.Output<string>;
  declare readonly username: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly password: pulumi.Output<string | undefined>;
  declare readonly ipSettings: pulumi.Output<HcpIpSettings>;

  constructor(name: string, args: HcpSearchSecurityArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = withSecretPassword(args, opts);
    super(
      provider,
      name,
      withOutputs(secret.args, hcpSearchSecurityOutputKeys),
      secret.opts,
      "hcp",
      "HcpSearchSecurity",
    );
  }
}

export const hcpSearchSecurityOutputKeys = ["tenant", "username", "password", "ipSettings"] as const;
