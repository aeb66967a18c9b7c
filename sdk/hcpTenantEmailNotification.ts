import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/hcpTenantEmailNotification");

import { withSecretPassword } from "./hcpAccount";
import { withOutputs } from "./outputs";

export interface HcpEmailTemplateArgs {
  /** Sender; give it together with subject. HCP default `log@$location`. */
  from?: pulumi.Input<string>;
  /** HCP default `[$severity] $shortText`. */
  subject?: pulumi.Input<string>;
  /** `\n` breaks lines; variables $action $date $fullText $id $location $origin $reason $severity $shortText $type $user. */
  body?: pulumi.Input<string>;
}

export interface HcpEmailRecipientArgs {
  /** One e-mail address or a comma-separated list. */
  address: pulumi.Input<string>;
  /** ALL or MAJOR (default MAJOR). */
  importance?: pulumi.Input<string>;
  /** NOTICE, WARNING or ERROR (default ERROR). */
  severity?: pulumi.Input<string>;
  /** Comma-separated GENERAL, SECURITY, COMPLIANCE (default GENERAL). */
  type?: pulumi.Input<string>;
}

export interface HcpEmailRecipient {
  address: string;
  importance: string;
  severity: string;
  type: string;
}

export interface HcpTenantEmailNotificationArgs {
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
  /** Whether HCP e-mails the tenant's log messages (needs e-mail notification at system level). */
  enabled?: pulumi.Input<boolean>;
  /** Replaces the whole template; members left out take the default template's. */
  emailTemplate?: pulumi.Input<HcpEmailTemplateArgs>;
  /** Replaces the whole recipient list; at most 25. */
  recipients?: pulumi.Input<pulumi.Input<HcpEmailRecipientArgs>[]>;
}

/**
 * E-mail notification of an HCP tenant (needs the ADMINISTRATOR role). Destroying the resource restores
 * HCP's defaults for what it managed: notification off, the default template, no recipients.
 */
export class HcpTenantEmailNotification extends pulumi.dynamic.Resource {
  declare readonly tenant: pulumi.Output<string>;
  declare readonly username: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly password: pulumi.Output<string | undefined>;
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  declare readonly emailTemplate: pulumi.Output<
    { from?: string; subject?: string; body?: string } | undefined
  >;
  declare readonly recipients: pulumi.Output<HcpEmailRecipient[] | undefined>;

  constructor(name: string, args: HcpTenantEmailNotificationArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = withSecretPassword(args, opts);
    super(
      provider,
      name,
      withOutputs(secret.args, hcpTenantEmailNotificationOutputKeys),
      secret.opts,
      "hcp",
      "HcpTenantEmailNotification",
    );
  }
}

export const hcpTenantEmailNotificationOutputKeys = [
  "tenant",
  "username",
  "password",
  "enabled",
  "emailTemplate",
  "recipients",
] as const;
