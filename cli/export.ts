import estateSchema from "../estate.schema.json";
import type { AcronisClient } from "../provider/acronis/client";
import { knownRoles } from "../provider/acronis/specs/accessPolicy";
import { customerTenantSpec } from "../provider/acronis/specs/customerTenant";
import type { OfferingItem, Tenant, User } from "../provider/acronis/types";
import {
  acronisClientFor,
  completeAcronisSettings,
  completeHcpSettings,
  hcpClientFor,
  readAcronisSettings,
  readHcpSettings,
} from "../provider/core/config";
import { isMark } from "../provider/core/ownership";
import { inputKeys, type ValueSpec } from "../provider/core/spec";
import type { HcpClient } from "../provider/hcp/client";
import { hcpTenantOutputs } from "../provider/hcp/resources/hcpTenant";
import { hcpTenantSpec } from "../provider/hcp/specs/hcpTenant";
import type { Estate, EstateCustomer, EstateHcpTenant, EstateUser } from "../sdk/estate";
import { slug } from "../sdk/estate";

/** What the export tells the user on stderr: progress, and what the estate file cannot express. */
export interface ExportReport {
  progress(message: string): void;
  notExpressed(message: string): void;
}

/** The keys of an object in sorted order, undefined and null left out, so equal estates print alike. */
function sortedPlain<T extends object>(value: T): T {
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries) as T;
}

/** The contact fields a customer has, as its spec declares them. */
const contactKeys = Object.keys(
  (customerTenantSpec.properties.contact.value as Extract<ValueSpec, { type: "object" }>).fields,
);

/** A customer tenant as an estate entry, with its users: the fields the estate file has, as the API holds them. */
export function customerEntry(tenant: Tenant, users: readonly User[], report: ExportReport): EstateCustomer {
  const contact = Object.fromEntries(
    contactKeys.flatMap((k) =>
      typeof tenant.contact?.[k] === "string" && tenant.contact[k] !== "" ? [[k, tenant.contact[k]]] : [],
    ),
  ) as Record<string, string>;
  const enabledItems = (tenant.offering_items ?? []).filter((i) => i.status === 1);
  return sortedPlain({
    key: slug(tenant.name),
    name: tenant.name,
    customerId: tenant.customer_id ?? undefined,
    // The provider's ownership mark is not the user's tag: it stays where it is.
    internalTag: isMark(tenant.internal_tag) ? undefined : (tenant.internal_tag ?? undefined),
    language: tenant.language,
    ancestralAccess: tenant.ancestral_access,
    enhancedSecurity: tenant.enhanced_security,
    enabled: tenant.enabled,
    contact: Object.keys(contact).length > 0 ? sortedPlain(contact) : undefined,
    twoFactor: tenant.mfa_status === undefined ? undefined : tenant.mfa_status !== "disabled",
    offeringItems: enabledItems.length > 0 ? itemEntries(enabledItems) : undefined,
    users:
      users.length > 0
        ? users.map((u) => userEntry(u, report)).sort((a, b) => a.login.localeCompare(b.login))
        : undefined,
  });
}

/** Enabled items by name; application and infrastructure only where the name alone is ambiguous. */
function itemEntries(items: readonly OfferingItem[]): NonNullable<EstateCustomer["offeringItems"]> {
  return items
    .map((item) => {
      const twins = items.filter((i) => i.name === item.name);
      const byApp = twins.filter((i) => i.application_id === item.application_id);
      return sortedPlain({
        name: item.name,
        applicationId: twins.length > 1 ? item.application_id : undefined,
        infraId: byApp.length > 1 ? (item.infra_id ?? undefined) : undefined,
        quota: item.quota ? { value: item.quota.value, overage: item.quota.overage } : undefined,
      });
    })
    .sort((a, b) => itemOrder(a).localeCompare(itemOrder(b)));
}

const itemOrder = (item: { name: string; applicationId?: string; infraId?: string }) =>
  `${item.name}/${item.applicationId ?? ""}/${item.infraId ?? ""}`;

function userEntry(user: User, report: ExportReport): EstateUser {
  // Only roles on the user's own tenant, among those the estate file knows; the rest is reported.
  const policies = (user.access_policies ?? []).filter((p) => p.trustee_id === user.id);
  const expressible = (p: { tenant_id: string; role_id: string }) =>
    p.tenant_id === user.tenant_id && (knownRoles as readonly string[]).includes(p.role_id);
  for (const p of policies.filter((p) => !expressible(p)))
    report.notExpressed(`user "${user.login}": role ${p.role_id} on tenant ${p.tenant_id}`);
  const roles = [...new Set(policies.filter(expressible).map((p) => p.role_id))].sort();
  const email = typeof user.contact?.email === "string" ? user.contact.email : "";
  if (!email)
    report.notExpressed(
      `user "${user.login}" has no e-mail, which the estate file requires: exported with an empty one`,
    );
  return sortedPlain({
    login: user.login,
    email,
    firstname: (user.contact?.firstname as string | undefined) || undefined,
    lastname: (user.contact?.lastname as string | undefined) || undefined,
    phone: (user.contact?.phone as string | undefined) || undefined,
    language: user.language,
    enabled: user.enabled,
    roles: roles.length > 0 ? roles : undefined,
  });
}

/** Every customer directly under the API client's tenant, with 2FA, items, users and roles: two listings. */
export async function exportAcronis(
  client: AcronisClient,
  report: ExportReport,
): Promise<NonNullable<Estate["acronis"]>> {
  const root = await client.ownTenantId();
  const tenants = await client.listSubtreeTenants(root);
  report.progress(`acronis: ${tenants.length} tenants read`);
  const users = await client.listSubtreeUsers(root);
  report.progress(`acronis: ${users.length} users read`);
  const customers: EstateCustomer[] = [];
  for (const tenant of tenants) {
    if (tenant.id === root || tenant.kind === "unit") continue;
    if (tenant.kind !== "customer" || tenant.parent_id !== root) {
      report.notExpressed(
        `${tenant.kind} tenant "${tenant.name}" (${tenant.id}) is not directly under the partner: the estate file has customers of one partner only`,
      );
      continue;
    }
    customers.push(
      customerEntry(
        tenant,
        users.filter((u) => u.tenant_id === tenant.id),
        report,
      ),
    );
  }
  const exported = new Set(
    tenants.filter((t) => t.kind === "customer" && t.parent_id === root).map((t) => t.id),
  );
  for (const user of users.filter((u) => !exported.has(u.tenant_id))) {
    const kind = tenants.find((t) => t.id === user.tenant_id)?.kind ?? "unknown";
    report.notExpressed(
      `user "${user.login}" belongs to a ${kind} tenant, which the estate file cannot hold`,
    );
  }
  return {
    partnerTenantId: root,
    customers: withUniqueKeys(customers.sort((a, b) => a.name.localeCompare(b.name))),
  };
}

/** Keys as the estate schema wants them (at most 63 characters), made unique with a counter. */
function withUniqueKeys<T extends { key?: string }>(entries: T[]): T[] {
  const taken = new Set<string>();
  return entries.map((entry) => {
    const base = (entry.key ?? "x").slice(0, 59).replace(/-+$/, "") || "x";
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    return { ...entry, key };
  });
}

/** The HCP tenant properties an estate file holds and a tenant can be read back with (never the initial user). */
const hcpTenantKeys = Object.keys(estateSchema.definitions.hcpTenant.properties).filter(
  (key) =>
    inputKeys(hcpTenantSpec).includes(key) &&
    !hcpTenantSpec.properties[key].createOnly &&
    key !== "deletionPolicy",
);

/** Asks hcpTenantOutputs for every exported property. */
const everyHcpTenantKey = Object.fromEntries(hcpTenantKeys.map((k) => [k, true])) as never;

/** Every HCP tenant with the properties the estate file holds: one listing and one read per tenant. */
export async function exportHcp(
  client: HcpClient,
  report: ExportReport,
): Promise<NonNullable<Estate["hcp"]>> {
  const names = await client.listTenants();
  const tenants: EstateHcpTenant[] = [];
  for (const name of names) {
    const tenant = await client.getTenant(name);
    if (!tenant) continue;
    if (tenant.hardQuota === undefined) {
      report.notExpressed(
        `hcp: tenant "${name}" has no hard quota (HCP's default tenant), which the estate file requires`,
      );
      continue;
    }
    const outputs = hcpTenantOutputs(tenant, everyHcpTenantKey) as unknown as Record<string, unknown>;
    const entry = Object.fromEntries(hcpTenantKeys.map((k) => [k, outputs[k]]));
    if (Array.isArray(entry.tags) && entry.tags.length === 0) delete entry.tags;
    tenants.push(sortedPlain({ key: slug(name), ...entry, name }) as EstateHcpTenant);
    report.progress(`hcp: ${tenants.length} of ${names.length} tenants read`);
  }
  report.notExpressed(
    "hcp: tenant settings documents (console security and others) are not exported: they need each tenant's own account",
  );
  return { tenants: withUniqueKeys(tenants.sort((a, b) => a.name.localeCompare(b.name))) };
}

/** The live estate, from the settings of the providers' environment fallbacks. */
export async function exportEstate(
  which: { acronis: boolean; hcp: boolean },
  report: ExportReport,
): Promise<Estate> {
  const estate: Estate = { adopt: true };
  if (which.acronis)
    estate.acronis = await exportAcronis(
      acronisClientFor(completeAcronisSettings(readAcronisSettings(undefined))),
      report,
    );
  if (which.hcp)
    estate.hcp = await exportHcp(hcpClientFor(completeHcpSettings(readHcpSettings(undefined))), report);
  return estate;
}
