import * as pulumi from "@pulumi/pulumi";

import provider = require("../provider/entry/hcpTenant");

import { withOutputs } from "./outputs";

export interface HcpTenantArgs {
  /**
   * 1-63 letters, digits and inner hyphens, not a reserved word (admin, default, www…); it becomes the
   * tenant's host name. Compared case-insensitively. Changing it replaces the tenant.
   */
  name: pulumi.Input<string>;
  /** Up to 1,024 characters, seen only by system-level administrators. */
  systemVisibleDescription?: pulumi.Input<string>;
  /** Storage the tenant may allocate, e.g. "100 GB" ("<number up to 2 decimals> <MB|GB|TB>", at least 1 GB). */
  hardQuota: pulumi.Input<string>;
  /** Percent of the hard quota at which HCP warns, 10-95 (HCP's default 85). */
  softQuota?: pulumi.Input<number>;
  /** How many namespaces the tenant may have: 1-10000, or "None" for no limit (the default). */
  namespaceQuota?: pulumi.Input<number | "None">;
  /** Any of LOCAL, RADIUS, EXTERNAL except RADIUS alone; HCP's default is LOCAL and RADIUS. */
  authenticationTypes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether the tenant may set retention (compliance) modes on its namespaces. */
  complianceConfigurationEnabled?: pulumi.Input<boolean>;
  /** Whether the tenant's namespaces may keep versions. */
  versioningConfigurationEnabled?: pulumi.Input<boolean>;
  /** Whether the tenant may enable search. */
  searchConfigurationEnabled?: pulumi.Input<boolean>;
  /** Whether the tenant may take part in replication. */
  replicationConfigurationEnabled?: pulumi.Input<boolean>;
  /** Whether the tenant may choose erasure coding for its namespaces (HCP 9.x). */
  erasureCodingSelectionEnabled?: pulumi.Input<boolean>;
  /** Whether the tenant picks a service plan per namespace (then `servicePlan` must not be set). */
  servicePlanSelectionEnabled?: pulumi.Input<boolean>;
  /** The service plan of all the tenant's namespaces (HCP's default `Default`). */
  servicePlan?: pulumi.Input<string>;
  /** Tags, each 1-64 characters without commas; compared case-insensitively, order ignored. */
  tags?: pulumi.Input<pulumi.Input<string>[]>;
  /** The network for data access (HCP's default `[hcp_system]`). */
  dataNetwork?: pulumi.Input<string>;
  /** The network for management access (HCP's default `[hcp_system]`). */
  managementNetwork?: pulumi.Input<string>;
  /**
   * The tenant's first account, made with the tenant and given only the SECURITY role; required with
   * LOCAL authentication. Used at creation only: later changes have no effect and never replace the tenant.
   */
  initialUserName?: pulumi.Input<string>;
  /** Its password (6-64 characters mixing two of letters, digits, others). Always stored as a secret. */
  initialUserPassword?: pulumi.Input<string>;
  /** Whether that account must change its password at first login. Creation only. */
  forcePasswordChange?: pulumi.Input<boolean>;
  /**
   * What `pulumi destroy` (or a replacement) does to the tenant: "delete" (default) deletes it in HCP,
   * which destroys the tenant and the customer data it governs, irreversibly (HCP refuses while the tenant
   * still owns namespaces); "retain" leaves it untouched and only forgets it.
   */
  deletionPolicy?: pulumi.Input<"delete" | "retain">;
}

/** A Hitachi Content Platform tenant, managed with a system-level account. Its id is the tenant name. */
export class HcpTenant extends pulumi.dynamic.Resource {
  /** The tenant's UUID. */
  declare readonly tenantId: pulumi.Output<string>;
  /** `<name>.<hcp domain>`: the host of its Tenant Management Console and MAPI. */
  declare readonly fullyQualifiedName: pulumi.Output<string>;
  declare readonly creationTime: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly systemVisibleDescription: pulumi.Output<string | undefined>;
  /** As HCP renders it, e.g. "100.00 GB". */
  declare readonly hardQuota: pulumi.Output<string>;
  declare readonly softQuota: pulumi.Output<number | undefined>;
  declare readonly namespaceQuota: pulumi.Output<number | "None" | undefined>;
  declare readonly authenticationTypes: pulumi.Output<string[] | undefined>;
  declare readonly complianceConfigurationEnabled: pulumi.Output<boolean | undefined>;
  declare readonly versioningConfigurationEnabled: pulumi.Output<boolean | undefined>;
  declare readonly searchConfigurationEnabled: pulumi.Output<boolean | undefined>;
  declare readonly replicationConfigurationEnabled: pulumi.Output<boolean | undefined>;
  declare readonly erasureCodingSelectionEnabled: pulumi.Output<boolean | undefined>;
  declare readonly servicePlanSelectionEnabled: pulumi.Output<boolean | undefined>;
  declare readonly servicePlan: pulumi.Output<string | undefined>;
  declare readonly tags: pulumi.Output<string[] | undefined>;
  declare readonly dataNetwork: pulumi.Output<string | undefined>;
  declare readonly managementNetwork: pulumi.Output<string | undefined>;
  declare readonly initialUserName: pulumi.Output<string | undefined>;
  declare readonly forcePasswordChange: pulumi.Output<boolean | undefined>;
  declare readonly deletionPolicy: pulumi.Output<string | undefined>;

  constructor(name: string, args: HcpTenantArgs, opts?: pulumi.CustomResourceOptions) {
    const props =
      args.initialUserPassword === undefined
        ? args
        : { ...args, initialUserPassword: pulumi.secret(args.initialUserPassword) };
    super(provider, name, withOutputs(props, hcpTenantOutputKeys), opts, "hcp", "HcpTenant");
  }
}

export const hcpTenantOutputKeys = [
  "tenantId",
  "fullyQualifiedName",
  "creationTime",
  "name",
  "systemVisibleDescription",
  "hardQuota",
  "softQuota",
  "namespaceQuota",
  "authenticationTypes",
  "complianceConfigurationEnabled",
  "versioningConfigurationEnabled",
  "searchConfigurationEnabled",
  "replicationConfigurationEnabled",
  "erasureCodingSelectionEnabled",
  "servicePlanSelectionEnabled",
  "servicePlan",
  "tags",
  "dataNetwork",
  "managementNetwork",
  "initialUserName",
  "forcePasswordChange",
  "deletionPolicy",
] as const;
