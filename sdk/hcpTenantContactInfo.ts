import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/hcpTenantContactInfo");

import { withSecretPassword } from "./hcpAccount";
import { withOutputs } from "./outputs";

export interface HcpTenantContactInfoArgs {
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
  /** Up to 64 characters. */
  firstName?: pulumi.Input<string>;
  /** Up to 64 characters. */
  lastName?: pulumi.Input<string>;
  /** An e-mail address. */
  emailAddress?: pulumi.Input<string>;
  /** Digits, spaces and ( ) - . +, up to 24 characters, without the extension. */
  primaryPhone?: pulumi.Input<string>;
  /** Digits, up to 5. */
  extension?: pulumi.Input<string>;
  /** Up to 100 characters. */
  address1?: pulumi.Input<string>;
  /** Up to 100 characters. */
  address2?: pulumi.Input<string>;
  /** Up to 100 characters. */
  city?: pulumi.Input<string>;
  /** Up to 100 characters. */
  state?: pulumi.Input<string>;
  /** Up to 100 characters. */
  zipOrPostalCode?: pulumi.Input<string>;
  /** Up to 100 characters. */
  countryOrRegion?: pulumi.Input<string>;
}

/**
 * Contact information of an HCP tenant (needs the ADMINISTRATOR role). Only the fields given are managed.
 * Destroying the resource empties those fields (HCP's default).
 */
export class HcpTenantContactInfo extends pulumi.dynamic.Resource {
  declare readonly tenant: pulumi.Output<string>;
  declare readonly username: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly password: pulumi.Output<string | undefined>;
  declare readonly firstName: pulumi.Output<string | undefined>;
  declare readonly lastName: pulumi.Output<string | undefined>;
  declare readonly emailAddress: pulumi.Output<string | undefined>;
  declare readonly primaryPhone: pulumi.Output<string | undefined>;
  declare readonly extension: pulumi.Output<string | undefined>;
  declare readonly address1: pulumi.Output<string | undefined>;
  declare readonly address2: pulumi.Output<string | undefined>;
  declare readonly city: pulumi.Output<string | undefined>;
  declare readonly state: pulumi.Output<string | undefined>;
  declare readonly zipOrPostalCode: pulumi.Output<string | undefined>;
  declare readonly countryOrRegion: pulumi.Output<string | undefined>;

  constructor(name: string, args: HcpTenantContactInfoArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = withSecretPassword(args, opts);
    super(
      provider,
      name,
      withOutputs(secret.args, hcpTenantContactInfoOutputKeys),
      secret.opts,
      "hcp",
      "HcpTenantContactInfo",
    );
  }
}

export const hcpTenantContactInfoOutputKeys = [
  "tenant",
  "username",
  "password",
  "firstName",
  "lastName",
  "emailAddress",
  "primaryPhone",
  "extension",
  "address1",
  "address2",
  "city",
  "state",
  "zipOrPostalCode",
  "countryOrRegion",
] as const;
