import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/hcpNamespaceDefaults");

import { withSecretPassword } from "./hcpAccount";
import { withOutputs } from "./outputs";

export interface HcpVersioningSettingsArgs {
  /** Required whenever versioningSettings is given. */
  enabled: pulumi.Input<boolean>;
  /** Required when enabled is true. */
  prune?: pulumi.Input<boolean>;
  /** 0-36500; required when prune is true. */
  pruneDays?: pulumi.Input<number>;
  useDeleteMarkers?: pulumi.Input<boolean>;
}

export interface HcpNamespaceDefaultsArgs {
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
  /** Up to 1,024 characters (default none). */
  description?: pulumi.Input<string>;
  /** e.g. "50 GB" (default 50 GB); at most the tenant hard quota. */
  hardQuota?: pulumi.Input<string>;
  /** 10-95 percent (default 85). */
  softQuota?: pulumi.Input<number>;
  /** MD5, SHA-1, SHA-256, SHA-384, SHA-512 or RIPEMD-160, case-sensitive (default SHA-256). */
  hashScheme?: pulumi.Input<string>;
  /** Only with complianceConfigurationEnabled on the tenant (default true). */
  enterpriseMode?: pulumi.Input<boolean>;
  /** Only with searchConfigurationEnabled (default false). */
  searchEnabled?: pulumi.Input<boolean>;
  /** Only with replicationConfigurationEnabled (default false). */
  replicationEnabled?: pulumi.Input<boolean>;
  /** Only with servicePlanSelectionEnabled (default `Default`). */
  servicePlan?: pulumi.Input<string>;
  /** Only with erasureCodingSelectionEnabled; true needs optimizedFor "CLOUD" (default false). */
  allowErasureCoding?: pulumi.Input<boolean>;
  /** ALL, CLOUD or DEFAULT (default DEFAULT). */
  optimizedFor?: pulumi.Input<string>;
  /** Balanced, Unbalanced or Default (default Default). */
  directoryUsage?: pulumi.Input<string>;
  /** 0-180 (default 30). */
  multipartUploadAutoAbortDays?: pulumi.Input<number>;
  /** HCP or S3 (default HCP). */
  retentionType?: pulumi.Input<string>;
  /** (default false). */
  s3UnversionedOverwrite?: pulumi.Input<boolean>;
  /** Only with versioningConfigurationEnabled (default: no versioning). */
  versioningSettings?: pulumi.Input<HcpVersioningSettingsArgs>;
}

/**
 * Defaults for the namespaces an HCP tenant creates (needs the ADMINISTRATOR role). Only the settings
 * given are managed. Destroying the resource POSTs HCP's documented defaults back for those settings.
 */
export class HcpNamespaceDefaults extends pulumi.dynamic.Resource {
  declare readonly tenant: pulumi.Output<string>;
  declare readonly username: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly password: pulumi.Output<string | undefined>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly hardQuota: pulumi.Output<string | undefined>;
  declare readonly softQuota: pulumi.Output<number | undefined>;
  declare readonly hashScheme: pulumi.Output<string | undefined>;
  declare readonly enterpriseMode: pulumi.Output<boolean | undefined>;
  declare readonly searchEnabled: pulumi.Output<boolean | undefined>;
  declare readonly replicationEnabled: pulumi.Output<boolean | undefined>;
  declare readonly servicePlan: pulumi.Output<string | undefined>;
  declare readonly allowErasureCoding: pulumi.Output<boolean | undefined>;
  declare readonly optimizedFor: pulumi.Output<string | undefined>;
  declare readonly directoryUsage: pulumi.Output<string | undefined>;
  declare readonly multipartUploadAutoAbortDays: pulumi.Output<number | undefined>;
  declare readonly retentionType: pulumi.Output<string | undefined>;
  declare readonly s3UnversionedOverwrite: pulumi.Output<boolean | undefined>;
  declare readonly versioningSettings: pulumi.Output<
    { enabled?: boolean; prune?: boolean; pruneDays?: number; useDeleteMarkers?: boolean } | undefined
  >;

  constructor(name: string, args: HcpNamespaceDefaultsArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = withSecretPassword(args, opts);
    super(
      provider,
      name,
      withOutputs(secret.args, hcpNamespaceDefaultsOutputKeys),
      secret.opts,
      "hcp",
      "HcpNamespaceDefaults",
    );
  }
}

export const hcpNamespaceDefaultsOutputKeys = [
  "tenant",
  "username",
  "password",
  "description",
  "hardQuota",
  "softQuota",
  "hashScheme",
  "enterpriseMode",
  "searchEnabled",
  "replicationEnabled",
  "servicePlan",
  "allowErasureCoding",
  "optimizedFor",
  "directoryUsage",
  "multipartUploadAutoAbortDays",
  "retentionType",
  "s3UnversionedOverwrite",
  "versioningSettings",
] as const;
