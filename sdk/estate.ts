import type * as pulumi from "@pulumi/pulumi";
import { customerTenantSpec } from "../provider/acronis/specs/customerTenant";
import { folderTenantSpec, partnerTenantSpec } from "../provider/acronis/specs/resellerTenants";
import { tenantArgs } from "./estateFields";
import {
  type Estate,
  type EstateCustomer,
  type EstateReseller,
  type EstateSection,
  estateSections,
  type PlacedTenant,
  placedTenants,
  slug,
  userResourceName,
} from "./estateFile";
import { declareHcp } from "./estateHcp";
import { keyOrSlug } from "./estateNames";
import { placement, type Where } from "./estatePlacement";
import { type DeclaredApiClient, declareApiClients, declareItems, type Under } from "./estateServices";
import { AccessPolicy } from "./generated/accessPolicy";
import { CustomerTenant } from "./generated/customerTenant";
import { FolderTenant } from "./generated/folderTenant";
import type { OfferingItems } from "./generated/offeringItems";
import { PartnerTenant } from "./generated/partnerTenant";
import { TenantMfa } from "./generated/tenantMfa";
import { TenantRemovalGuard } from "./generated/tenantRemovalGuard";
import type { GuardedTenantArgs } from "./generated/types";
import { User } from "./generated/user";
import { GuardBook } from "./guardMemory";
import { RegistrationWindow } from "./registrationWindow";

export * from "./estateFile";
export { withKeys } from "./estateKeys";
export type { DeclaredApiClient } from "./estateServices";
export { removalGuardsOutput } from "./guardMemory";

export interface DeclareEstateOptions {
  /** Used for customers when the file does not name a partner. */
  partnerTenantId?: pulumi.Input<string>;
  /** Password of every HCP tenant's initial user, also used to sign in for its console security. */
  hcpInitialUserPassword?: pulumi.Input<string>;
}

/** What declareEstate answers: each declared tenant's ids and secrets, for the program's outputs. */
export interface DeclaredEstate {
  partners: DeclaredReseller[];
  folders: DeclaredReseller[];
  customers: DeclaredCustomer[];
  hcpTenants: DeclaredReseller[];
  /**
   * The TenantRemovalGuards declared. Export it as the stack output `tenantRemovalGuards`: the next run
   * keeps the guard of an account whose last partner or folder leaves, so that removal is checked at preview.
   */
  tenantRemovalGuards: pulumi.Output<string[]>;
}

/** What the declarations fill in as they go. */
type Declaring = Omit<DeclaredEstate, "tenantRemovalGuards">;

/**
 * Declares the estate's resources. Their names derive from the keys of customers and tenants (by default
 * the slugs of their names) and from logins; users keep their names of before, customer-slug based, as aliases.
 * A named account's resources are named `<account>-…` and live in that account.
 */
export function declareEstate(estate: Estate, options: DeclareEstateOptions = {}): DeclaredEstate {
  const [declared, guards] = [noneDeclared(), new GuardBook()];
  for (const _group of declarations(estate, options, declared, guards));
  return { ...declared, tenantRemovalGuards: guards.declared() };
}

/**
 * Declares the same resources as declareEstate, with at most `window` tenants (each with its services,
 * users and API clients) awaiting the engine at a time: a program's memory then stays that of the window,
 * not of the estate (at 1,000 customers, hundreds of MB less). Await it in the program's exported function.
 */
export async function declareEstateGradually(
  estate: Estate,
  options: DeclareEstateOptions & { window?: number } = {},
): Promise<DeclaredEstate> {
  const window = new RegistrationWindow(options.window);
  const [declared, guards] = [noneDeclared(), new GuardBook()];
  for (const group of declarations(estate, options, declared, guards)) {
    window.track(group);
    await window.room();
  }
  return { ...declared, tenantRemovalGuards: guards.declared() };
}

function noneDeclared(): Declaring {
  return { partners: [], folders: [], customers: [], hcpTenants: [] };
}

/** Declares the estate one group at a time (a tenant and what belongs to it), yielding each group's resources. */
function* declarations(
  estate: Estate,
  options: DeclareEstateOptions,
  declared: Declaring,
  guards: GuardBook,
): Generator<pulumi.Resource[]> {
  for (const section of estateSections(estate)) {
    const where: Where = {
      adopt: estate.adopt === true ? true : undefined,
      account: section.account,
      prefix: section.account ? `${section.account}-` : "",
    };
    yield* declareAcronis(section, where, options, declared, guards);
    const group: pulumi.Resource[] = [];
    declared.hcpTenants.push(...declareHcp(section, where, options.hcpInitialUserPassword, group));
    yield group;
  }
}

function* declareAcronis(
  section: EstateSection,
  where: Where,
  options: DeclareEstateOptions,
  declared: Declaring,
  guards: GuardBook,
): Generator<pulumi.Resource[]> {
  const topParentId = () => {
    const parentId =
      section.acronis?.partnerTenantId ?? (section.account ? undefined : options.partnerTenantId);
    if (!parentId)
      throw new Error(
        section.account
          ? `accounts.${section.account}.acronis.partnerTenantId is not set in the estate file`
          : "acronis.partnerTenantId is not set in the estate file or the stack config (partnerTenantId)",
      );
    return parentId;
  };
  const made = new Map<PlacedTenant, { tenantId: pulumi.Input<string>; items?: OfferingItems }>();
  const resellers: GuardedTenantArgs[] = [];
  // Parents come before their children, so each parent's id is known when its children are declared;
  // a child's services wait for its parent's, which they are enabled from.
  for (const placed of placedTenants(section)) {
    const parent = placed.parent ? made.get(placed.parent) : undefined;
    const under = { parentId: parent ? parent.tenantId : topParentId(), parentItems: parent?.items };
    const group: pulumi.Resource[] = [];
    if (placed.kind === "customer") {
      const customer = declareCustomer(placed.entry as EstateCustomer, under, where, group);
      made.set(placed, customer);
      declared.customers.push(customer);
    } else {
      const reseller = declareReseller(
        placed.kind,
        placed.entry as EstateReseller,
        under,
        where,
        group,
        resellers,
      );
      made.set(placed, reseller);
      declared[placed.kind === "partner" ? "partners" : "folders"].push(reseller);
    }
    yield group;
  }
  const guardName = `${where.prefix}acronis-tenant-removal-guard`;
  const declareGuard = () =>
    new TenantRemovalGuard(guardName, { tenants: resellers, account: where.account });
  // Choice: an account gets a guard once it has partners or folders (stacks without them plan nothing new), and keeps it, listing none, while the last deployment's output names it.
  if (resellers.length > 0) yield [guards.declare(guardName, declareGuard)];
  else guards.declareIfRemembered(guardName, declareGuard);
}

export interface DeclaredReseller {
  key: string;
  name: string;
  tenantId: pulumi.Output<string>;
  apiClients?: DeclaredApiClient[];
  /** The tenant's services, when the file gives them. */
  items?: OfferingItems;
}

export interface DeclaredCustomer extends DeclaredReseller {
  users: { login: string; userId: pulumi.Output<string> }[];
}

/** A partner or folder: `acronis-partner-<key>`, `acronis-folder-<key>`. */
function declareReseller(
  kind: "partner" | "folder",
  r: EstateReseller,
  under: Under,
  where: Where,
  group: pulumi.Resource[],
  guarded: GuardedTenantArgs[],
): DeclaredReseller {
  const parentId = under.parentId;
  const key = keyOrSlug(r.key, r.name);
  const spec = kind === "partner" ? partnerTenantSpec : folderTenantSpec;
  const args = { ...tenantArgs(spec, r), name: r.name, parentId, ...placement(where) };
  const name = `${where.prefix}acronis-${kind}-${key}`;
  const tenant = kind === "partner" ? new PartnerTenant(name, args) : new FolderTenant(name, args);
  group.push(tenant);
  // The declared policy, known at every preview (an output can be unknown in a refreshing preview).
  guarded.push({ tenantId: tenant.tenantId, deletionPolicy: r.deletionPolicy ?? "disable" });
  const items = declareItems(
    `${name}-offering-items`,
    { tenantId: tenant.tenantId, kind },
    r.offeringItems,
    under,
    where,
    group,
  );
  const apiClients = declareApiClients(name, tenant.tenantId, r.apiClients, where, group);
  return { key, name: r.name, tenantId: tenant.tenantId, items, apiClients };
}

/**
 * A customer with its two-factor setting, offering items, users and roles. Its resource name does not
 * depend on where it lives, so moving it to another partner or folder in the file moves it in place.
 */
function declareCustomer(
  c: EstateCustomer,
  under: Under,
  where: Where,
  group: pulumi.Resource[],
): DeclaredCustomer {
  const parentId = under.parentId;
  const resourceName = `${where.prefix}acronis-${keyOrSlug(c.key, c.name)}`;
  const tenant = new CustomerTenant(resourceName, {
    ...tenantArgs(customerTenantSpec, c),
    name: c.name,
    parentId,
    ...placement(where),
  });
  group.push(tenant);
  if (c.twoFactor !== undefined)
    group.push(
      new TenantMfa(`${resourceName}-mfa`, {
        tenantId: tenant.tenantId,
        enabled: c.twoFactor,
        ...placement(where),
      }),
    );
  const items = declareItems(
    `${resourceName}-offering-items`,
    { tenantId: tenant.tenantId, kind: "customer" },
    c.offeringItems,
    under,
    where,
    group,
  );
  const users = (c.users ?? []).map((u) => {
    const name = `${where.prefix}${userResourceName(u.login)}`;
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
        ...placement(where),
      },
      { aliases: [{ name: formerName }] },
    );
    group.push(user);
    if (u.roles) {
      // Roles come after the offering items: granting them enables the items for the account.
      group.push(
        new AccessPolicy(
          `${name}-roles`,
          { userId: user.userId, roles: u.roles as never, ...placement(where) },
          { dependsOn: items ? [items] : [], aliases: [{ name: `${formerName}-roles` }] },
        ),
      );
    }
    return { login: u.login, userId: user.userId };
  });
  const apiClients = declareApiClients(resourceName, tenant.tenantId, c.apiClients, where, group);
  return { key: keyOrSlug(c.key, c.name), name: c.name, tenantId: tenant.tenantId, items, users, apiClients };
}
