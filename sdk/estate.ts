import type * as pulumi from "@pulumi/pulumi";
import { AccessPolicy } from "./accessPolicy";
import { CustomerTenant } from "./customerTenant";
import { type Estate, slug, userResourceName } from "./estateFile";
import { HcpConsoleSecurity, type HcpConsoleSecurityArgs } from "./hcpConsoleSecurity";
import { HcpTenant, type HcpTenantArgs } from "./hcpTenant";
import { OfferingItems } from "./offeringItems";
import { TenantMfa } from "./tenantMfa";
import { User } from "./user";

export * from "./estateFile";

export interface DeclareEstateOptions {
  /** Used for customers when the file does not name a partner. */
  partnerTenantId?: pulumi.Input<string>;
  /** Password of every HCP tenant's initial user, also used to sign in for its console security. */
  hcpInitialUserPassword?: pulumi.Input<string>;
}

/**
 * Declares the estate's resources. Their names derive from the keys of customers and tenants (by default
 * the slugs of their names) and from logins; users keep their names of before, customer-slug based, as aliases.
 */
export function declareEstate(estate: Estate, options: DeclareEstateOptions = {}) {
  const adopt = estate.adopt === true ? true : undefined;
  const customers = (estate.acronis?.customers ?? []).map((c) => {
    const resourceName = `acronis-${c.key ?? slug(c.name)}`;
    const parentId = estate.acronis?.partnerTenantId ?? options.partnerTenantId;
    if (!parentId)
      throw new Error(
        "acronis.partnerTenantId is not set in the estate file or the stack config (partnerTenantId)",
      );
    const tenant = new CustomerTenant(resourceName, {
      name: c.name,
      parentId,
      customerId: c.customerId,
      internalTag: c.internalTag,
      language: c.language,
      ancestralAccess: c.ancestralAccess,
      enhancedSecurity: c.enhancedSecurity,
      enabled: c.enabled,
      contact: c.contact,
      deletionPolicy: c.deletionPolicy,
      adopt,
    });
    if (c.twoFactor !== undefined)
      new TenantMfa(`${resourceName}-mfa`, { tenantId: tenant.tenantId, enabled: c.twoFactor, adopt });
    const items =
      c.offeringItems &&
      new OfferingItems(`${resourceName}-offering-items`, {
        tenantId: tenant.tenantId,
        items: c.offeringItems,
        adopt,
      });
    const users = (c.users ?? []).map((u) => {
      const name = userResourceName(u.login);
      const formerName = `${resourceName}-${slug(u.login)}`;
      const user = new User(
        name,
        {
          tenantId: tenant.tenantId,
          login: u.login,
          contact: { email: u.email, firstname: u.firstname, lastname: u.lastname, phone: u.phone },
          language: u.language,
          enabled: u.enabled,
          sendActivationEmail: u.sendActivationEmail,
          adopt,
        },
        { aliases: [{ name: formerName }] },
      );
      if (u.roles) {
        // Roles come after the offering items: granting them enables the items for the account.
        new AccessPolicy(
          `${name}-roles`,
          { userId: user.userId, roles: u.roles as never, adopt },
          { dependsOn: items ? [items] : [], aliases: [{ name: `${formerName}-roles` }] },
        );
      }
      return { login: u.login, userId: user.userId };
    });
    return { key: c.key ?? slug(c.name), name: c.name, tenantId: tenant.tenantId, users };
  });
  const hcpTenants = (estate.hcp?.tenants ?? []).map((t) => {
    const { key: identity, initialUser, consoleSecurity, ...settings } = t;
    const resourceName = `hcp-${identity ?? slug(t.name)}`;
    const password = options.hcpInitialUserPassword;
    if (initialUser && password === undefined)
      throw new Error(
        `hcp tenant ${t.name} has an initialUser: set the secret stack config hcpInitialUserPassword`,
      );
    // The schema admits only HcpTenant's own settings here.
    const tenant = new HcpTenant(resourceName, {
      ...(settings as unknown as HcpTenantArgs),
      initialUserName: initialUser?.name,
      initialUserPassword: initialUser ? password : undefined,
      forcePasswordChange: initialUser?.forcePasswordChange,
      adopt,
    });
    if (consoleSecurity) {
      new HcpConsoleSecurity(`${resourceName}-console-security`, {
        ...(consoleSecurity as Omit<HcpConsoleSecurityArgs, "tenant">),
        tenant: tenant.name,
        username: initialUser?.name,
        password: initialUser ? password : undefined,
        adopt,
      });
    }
    return { key: identity ?? slug(t.name), name: t.name, tenantId: tenant.tenantId };
  });
  return { customers, hcpTenants };
}
