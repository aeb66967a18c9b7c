import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/user");

import { withOutputs } from "./outputs";

export interface UserContactArgs {
  /** Used for activation and service notifications. */
  email: pulumi.Input<string>;
  firstname?: pulumi.Input<string>;
  lastname?: pulumi.Input<string>;
  phone?: pulumi.Input<string>;
}

export interface UserArgs {
  /** The tenant the account is registered in. Changing it replaces the user. */
  tenantId: pulumi.Input<string>;
  /** Unique in the whole platform. Changing it replaces the user. */
  login: pulumi.Input<string>;
  contact: pulumi.Input<UserContactArgs>;
  language?: pulumi.Input<string>;
  /** Default true. */
  enabled?: pulumi.Input<boolean>;
  /** Send the activation e-mail once, when the user is created (later changes have no effect). */
  sendActivationEmail?: pulumi.Input<boolean>;
}

/** A user account in an Acronis tenant. Destroying it disables and then deletes the account. */
export class User extends pulumi.dynamic.Resource {
  /**
   * The user UUID, which is the resource id: unlike the provider's outputs it stays known in a preview of
   * an update, so the user's access policy is not planned for replacement.
   */
  readonly userId: pulumi.Output<string>;
  declare readonly tenantId: pulumi.Output<string>;
  declare readonly login: pulumi.Output<string>;
  declare readonly contact: pulumi.Output<Record<string, string>>;
  declare readonly language: pulumi.Output<string | undefined>;
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  declare readonly sendActivationEmail: pulumi.Output<boolean | undefined>;
  /** The personal (unit) tenant Acronis makes for users of customer tenants. */
  declare readonly personalTenantId: pulumi.Output<string | undefined>;
  /** Whether the user has activated the account (set a password). */
  declare readonly activated: pulumi.Output<boolean>;
  /** Whether this resource sent the activation e-mail. */
  declare readonly activationEmailSent: pulumi.Output<boolean>;

  constructor(name: string, args: UserArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, withOutputs(args, userOutputKeys), opts, "acronis", "User");
    this.userId = this.id;
  }
}

/** The outputs resolved from the provider's answer; `userId` is the id (the answer's own key is ignored). */
export const userOutputKeys = [
  "tenantId",
  "login",
  "contact",
  "language",
  "enabled",
  "sendActivationEmail",
  "personalTenantId",
  "activated",
  "activationEmailSent",
] as const;
