import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/tenantMfa");

import { withOutputs } from "./outputs";

export interface TenantMfaArgs {
  /** The tenant whose users must use two-factor authentication. Changing it replaces the resource. */
  tenantId: pulumi.Input<string>;
  enabled: pulumi.Input<boolean>;
}

/**
 * Two-factor authentication for every user of an Acronis tenant. Destroying the resource turns
 * two-factor authentication off again (the platform default).
 */
export class TenantMfa extends pulumi.dynamic.Resource {
  declare readonly tenantId: pulumi.Output<string>;
  declare readonly enabled: pulumi.Output<boolean>;
  /** `enabled`, `disabled` or `disable_in_progress`. */
  declare readonly mfaStatus: pulumi.Output<string>;

  constructor(name: string, args: TenantMfaArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      withOutputs(args, ["tenantId", "enabled", "mfaStatus"]),
      opts,
      "acronis",
      "TenantMfa",
    );
  }
}
