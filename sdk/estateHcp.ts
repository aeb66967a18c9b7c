import type * as pulumi from "@pulumi/pulumi";
import type { EstateHcpTenant, EstateSection } from "./estateFile";
import { slug } from "./estateFile";
import { keyOrSlug } from "./estateNames";
import { placement, type Where } from "./estatePlacement";
import { HcpConsoleSecurity, type HcpConsoleSecurityArgs } from "./generated/hcpConsoleSecurity";
import { HcpNamespace, type HcpNamespaceArgs } from "./generated/hcpNamespace";
import { HcpNamespaceDefaults, type HcpNamespaceDefaultsArgs } from "./generated/hcpNamespaceDefaults";
import { HcpSearchSecurity, type HcpSearchSecurityArgs } from "./generated/hcpSearchSecurity";
import { HcpTenant, type HcpTenantArgs } from "./generated/hcpTenant";
import { HcpTenantContactInfo, type HcpTenantContactInfoArgs } from "./generated/hcpTenantContactInfo";
import {
  HcpTenantEmailNotification,
  type HcpTenantEmailNotificationArgs,
} from "./generated/hcpTenantEmailNotification";
import { HcpTenantPermissions, type HcpTenantPermissionsArgs } from "./generated/hcpTenantPermissions";
import { HcpUserAccount, type HcpUserAccountArgs } from "./generated/hcpUserAccount";

type SettingsArgs = { tenant: pulumi.Input<string> } & Record<string, unknown>;
type Declare = (name: string, args: SettingsArgs, opts: pulumi.CustomResourceOptions) => unknown;

/** The HCP tenant's settings documents in the estate file, the resource of each, and the role it needs. */
export const settingsDocuments: Record<string, { declare: Declare; role: "SECURITY" | "ADMINISTRATOR" }> = {
  consoleSecurity: {
    role: "SECURITY",
    declare: (n, a, o) => new HcpConsoleSecurity(n, a as unknown as HcpConsoleSecurityArgs, o),
  },
  searchSecurity: {
    role: "SECURITY",
    declare: (n, a, o) => new HcpSearchSecurity(n, a as unknown as HcpSearchSecurityArgs, o),
  },
  contactInfo: {
    role: "ADMINISTRATOR",
    declare: (n, a, o) => new HcpTenantContactInfo(n, a as unknown as HcpTenantContactInfoArgs, o),
  },
  emailNotification: {
    role: "ADMINISTRATOR",
    declare: (n, a, o) =>
      new HcpTenantEmailNotification(n, a as unknown as HcpTenantEmailNotificationArgs, o),
  },
  namespaceDefaults: {
    role: "ADMINISTRATOR",
    declare: (n, a, o) => new HcpNamespaceDefaults(n, a as unknown as HcpNamespaceDefaultsArgs, o),
  },
  permissions: {
    role: "ADMINISTRATOR",
    declare: (n, a, o) => new HcpTenantPermissions(n, a as unknown as HcpTenantPermissionsArgs, o),
  },
};

/** Whether an account's roles include ADMINISTRATOR: the first such account of userAccounts signs in for the rest. */
export const isAdministrator = (roles: readonly string[] | undefined): boolean =>
  (roles ?? []).some((r) => r.toUpperCase() === "ADMINISTRATOR");

/** A tenant-level account to sign in with, and the resource to wait for when the file makes it. */
interface SignIn {
  username?: string;
  password?: pulumi.Input<string>;
  dependsOn: pulumi.Resource[];
}

/**
 * HCP tenants with their settings documents, user accounts and namespaces. HCP gives the initial user
 * only SECURITY: it signs in for the security documents and makes the user accounts; the first account
 * with ADMINISTRATOR signs in for the other documents and the namespaces.
 */
export function declareHcp(
  section: EstateSection,
  where: Where,
  password: pulumi.Input<string> | undefined,
  group: pulumi.Resource[] = [],
): { key: string; name: string; tenantId: pulumi.Output<string> }[] {
  return (section.hcp?.tenants ?? []).map((t) => {
    const { key: identity, initialUser, userAccounts, namespaces, ...rest } = t;
    const settings = Object.fromEntries(
      Object.entries(rest).filter(([name]) => !(name in settingsDocuments)),
    );
    const resourceName = `${where.prefix}hcp-${keyOrSlug(identity, t.name)}`;
    if ((initialUser || userAccounts) && password === undefined)
      throw new Error(
        `hcp tenant ${t.name} has an initialUser or userAccounts: set the secret stack config hcpInitialUserPassword`,
      );
    // The schema admits only HcpTenant's own settings here.
    const tenant = new HcpTenant(resourceName, {
      ...(settings as unknown as HcpTenantArgs),
      initialUserName: initialUser?.name,
      initialUserPassword: initialUser ? password : undefined,
      forcePasswordChange: initialUser?.forcePasswordChange,
      ...placement(where),
    });
    // The tenants stand for their section in a registration window: the rest waits on them anyway.
    group.push(tenant);
    const security: SignIn = {
      username: initialUser?.name,
      password: initialUser ? password : undefined,
      dependsOn: [],
    };
    const accounts = (userAccounts ?? []).map((a) => {
      const { key, ...args } = a;
      const account = new HcpUserAccount(`${resourceName}-account-${keyOrSlug(key, a.username)}`, {
        ...(args as unknown as Omit<HcpUserAccountArgs, "tenant">),
        tenant: tenant.name,
        password,
        signInUsername: security.username,
        signInPassword: security.password,
        ...placement(where),
      });
      return { entry: a, account };
    });
    const admin = accounts.find((a) => isAdministrator(a.entry.roles));
    const administrator: SignIn = {
      username: admin?.entry.username,
      password: admin ? password : undefined,
      dependsOn: admin ? [admin.account] : [],
    };
    const signInFor = (what: string, role: "SECURITY" | "ADMINISTRATOR"): SignIn => {
      if (role === "SECURITY") return security;
      if (!admin)
        throw new Error(
          `hcp tenant ${t.name}: ${what} needs an account with the ADMINISTRATOR role: declare one in userAccounts`,
        );
      return administrator;
    };
    for (const [document, { declare, role }] of Object.entries(settingsDocuments)) {
      const values = (t as EstateHcpTenant)[document];
      if (values === undefined) continue;
      const signIn = signInFor(document, role);
      declare(
        `${resourceName}-${slug(document.replace(/[A-Z]/g, (c) => ` ${c}`))}`,
        {
          ...(values as object),
          tenant: tenant.name,
          username: signIn.username,
          password: signIn.password,
          ...placement(where),
        },
        { dependsOn: signIn.dependsOn },
      );
    }
    for (const n of namespaces ?? []) {
      const { key, ...args } = n;
      const signIn = signInFor("namespaces", "ADMINISTRATOR");
      new HcpNamespace(
        `${resourceName}-namespace-${keyOrSlug(key, n.name)}`,
        {
          ...(args as unknown as Omit<HcpNamespaceArgs, "tenant">),
          tenant: tenant.name,
          username: signIn.username,
          password: signIn.password,
          ...placement(where),
        },
        { dependsOn: signIn.dependsOn },
      );
    }
    return { key: keyOrSlug(identity, t.name), name: t.name, tenantId: tenant.tenantId };
  });
}
