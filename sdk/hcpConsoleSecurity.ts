import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/hcpConsoleSecurity");

import { withSecretPassword } from "./hcpAccount";
import { withOutputs } from "./outputs";

export interface HcpIpSettingsArgs {
  /** Addresses allowed in: single IPs, CIDR blocks (10.0.0.0/8, fd00::/8) or address/netmask. HCP default ["0.0.0.0/0"]. */
  allowAddresses?: pulumi.Input<pulumi.Input<string>[]>;
  /** Addresses kept out, in the same forms. HCP default none. */
  denyAddresses?: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether an address in both lists is allowed (HCP default true). */
  allowIfInBothLists?: pulumi.Input<boolean>;
}

/** ipSettings as HCP holds them: the members the resource manages. */
export interface HcpIpSettings {
  allowAddresses?: string[];
  denyAddresses?: string[];
  allowIfInBothLists?: boolean;
}

export interface HcpConsoleSecurityArgs {
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
  /** Who may reach the Tenant Management Console. */
  ipSettings?: pulumi.Input<HcpIpSettingsArgs>;
  /** 2-64 (default 6). */
  minimumPasswordLength?: pulumi.Input<number>;
  /** Days before a password must change, 0-999999, 0 = never (default 180). */
  forcePasswordChangeDays?: pulumi.Input<number>;
  /** Failed logins before an account is disabled, 0-999, 0 = never (default 5). */
  disableAfterAttempts?: pulumi.Input<number>;
  /** Days of inactivity before an account is disabled, 0-999, 0 = never (default 180). */
  disableAfterInactiveDays?: pulumi.Input<number>;
  /** Minutes of inactivity before logout, 0-999 (default 10). */
  logoutOnInactive?: pulumi.Input<number>;
  /** Shown on the console login pages, up to 1,024 characters (default none). */
  loginMessage?: pulumi.Input<string>;
  /** HCP 9.x: unlock locked accounts automatically (default false). */
  automaticUserAccountUnlockSetting?: pulumi.Input<boolean>;
  /** HCP 9.x: minutes before that unlock, 0-999 (default 5); `automaticUserAccoutUnlockDuration` on the wire. */
  automaticUserAccountUnlockDuration?: pulumi.Input<number>;
  /** HCP 9.x: a cool-down after failed logins (default false). */
  coolDownPeriodSettings?: pulumi.Input<boolean>;
  /** HCP 9.x: its seconds, 0-999 (default 5). */
  coolDownPeriodDuration?: pulumi.Input<number>;
  /** HCP 9.x (default false). */
  blockCommonPassword?: pulumi.Input<boolean>;
  /** HCP 9.x (default false). */
  blockPasswordReUse?: pulumi.Input<boolean>;
  /** HCP 9.x: passwords remembered, 1-99 (default 5). */
  passwordReuseDepth?: pulumi.Input<number>;
  /** HCP 9.x (default false). */
  passwordCombination?: pulumi.Input<boolean>;
  /** HCP 9.x: whether a password may contain the username (default false). */
  passwordContainsUsername?: pulumi.Input<boolean>;
  /** HCP 9.x: minimum lower-case letters, 0-64 (default 1). */
  lowerCaseLetterCount?: pulumi.Input<number>;
  /** HCP 9.x: minimum upper-case letters, 0-64 (default 1). */
  upperCaseLetterCount?: pulumi.Input<number>;
  /** HCP 9.x: minimum digits, 0-64 (default 1). */
  numericCharacterCount?: pulumi.Input<number>;
  /** HCP 9.x: minimum other characters, 0-64 (default 1). */
  specialCharacterCount?: pulumi.Input<number>;
}

/**
 * Tenant Management Console security of an HCP tenant (needs the SECURITY role). Only the settings given
 * are managed. Destroying the resource POSTs HCP's documented defaults back for those settings.
 */
export class HcpConsoleSecurity extends pulumi.dynamic.Resource {
  declare readonly tenant: pulumi.Output<string>;
  declare readonly username: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly password: pulumi.Output<string | undefined>;
  declare readonly ipSettings: pulumi.Output<HcpIpSettings | undefined>;
  declare readonly minimumPasswordLength: pulumi.Output<number | undefined>;
  declare readonly forcePasswordChangeDays: pulumi.Output<number | undefined>;
  declare readonly disableAfterAttempts: pulumi.Output<number | undefined>;
  declare readonly disableAfterInactiveDays: pulumi.Output<number | undefined>;
  declare readonly logoutOnInactive: pulumi.Output<number | undefined>;
  declare readonly loginMessage: pulumi.Output<string | undefined>;
  declare readonly automaticUserAccountUnlockSetting: pulumi.Output<boolean | undefined>;
  declare readonly automaticUserAccountUnlockDuration: pulumi.Output<number | undefined>;
  declare readonly coolDownPeriodSettings: pulumi.Output<boolean | undefined>;
  declare readonly coolDownPeriodDuration: pulumi.Output<number | undefined>;
  declare readonly blockCommonPassword: pulumi.Output<boolean | undefined>;
  declare readonly blockPasswordReUse: pulumi.Output<boolean | undefined>;
  declare readonly passwordReuseDepth: pulumi.Output<number | undefined>;
  declare readonly passwordCombination: pulumi.Output<boolean | undefined>;
  declare readonly passwordContainsUsername: pulumi.Output<boolean | undefined>;
  declare readonly lowerCaseLetterCount: pulumi.Output<number | undefined>;
  declare readonly upperCaseLetterCount: pulumi.Output<number | undefined>;
  declare readonly numericCharacterCount: pulumi.Output<number | undefined>;
  declare readonly specialCharacterCount: pulumi.Output<number | undefined>;

  constructor(name: string, args: HcpConsoleSecurityArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = withSecretPassword(args, opts);
    super(
      provider,
      name,
      withOutputs(secret.args, hcpConsoleSecurityOutputKeys),
      secret.opts,
      "hcp",
      "HcpConsoleSecurity",
    );
  }
}

export const hcpConsoleSecurityOutputKeys = [
  "tenant",
  "username",
  "password",
  "ipSettings",
  "minimumPasswordLength",
  "forcePasswordChangeDays",
  "disableAfterAttempts",
  "disableAfterInactiveDays",
  "logoutOnInactive",
  "loginMessage",
  "automaticUserAccountUnlockSetting",
  "automaticUserAccountUnlockDuration",
  "coolDownPeriodSettings",
  "coolDownPeriodDuration",
  "blockCommonPassword",
  "blockPasswordReUse",
  "passwordReuseDepth",
  "passwordCombination",
  "passwordContainsUsername",
  "lowerCaseLetterCount",
  "upperCaseLetterCount",
  "numericCharacterCount",
  "specialCharacterCount",
] as const;
