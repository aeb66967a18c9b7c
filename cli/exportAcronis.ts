import type { AcronisClient } from "../provider/acronis/client";
import { listApiClients } from "../provider/acronis/clientsApi";
import { accessPolicySpec, knownRoles } from "../provider/acronis/specs/accessPolicy";
import { customerTenantSpec } from "../provider/acronis/specs/customerTenant";
import { folderTenantSpec, partnerTenantSpec } from "../provider/acronis/specs/resellerTenants";
import { tenantMfaSpec } from "../provider/acronis/specs/tenantMfa";
import { userSpec } from "../provider/acronis/specs/user";
import type { OfferingItem, Tenant, User } from "../provider/acronis/types";
import { isMark } from "../provider/core/ownership";
import type { ResourceSpec } from "../provider/core/spec";
import { fromWire } from "../provider/core/wire";
import type {
  Estate,
  EstateCustomer,
  EstateReseller,
  EstateTenantLevel,
  EstateUser,
} from "../sdk/estateFile";
import { placedTenants, slug } from "../sdk/estateFile";
import { type ExportReport, sortedPlain, withUniqueKeys } from "./exportCommon";

/**
 * A tenant's own fields as the estate file has them: the spec's properties the API shows, as read gives
 * them (the parent is where the entry sits). Only what the file can hold is kept: the provider's ownership
 * mark is not the user's tag, contact fields are set ones, an enum's value is one of its values.
 */
function tenantFields(spec: ResourceSpec, tenant: Tenant): { name: string } & Record<string, unknown> {
  const { parentId: _parent, ...fields } = fromWire(spec, tenant);
  const expressible = ([key, value]: [string, unknown]) => {
    const valueSpec = spec.properties[key].value;
    if (key === "internalTag") return !isMark(value as string | undefined);
    return valueSpec.type !== "string" || !valueSpec.enum || valueSpec.enum.includes(value as string);
  };
  const kept = Object.fromEntries(Object.entries(fields).filter(expressible));
  return {
    ...kept,
    name: tenant.name,
    contact: setFields(kept.contact as Record<string, string> | undefined),
  };
}

/** The fields that hold a value, or undefined when none does. */
function setFields(object: Record<string, string> | undefined): Record<string, string> | undefined {
  const set = Object.entries(object ?? {}).filter(([, v]) => v !== "");
  return set.length > 0 ? sortedPlain(Object.fromEntries(set)) : undefined;
}

/** A customer tenant as an estate entry, with its users: the fields the estate file has, as the API holds them. */
export function customerEntry(tenant: Tenant, users: readonly User[], report: ExportReport): EstateCustomer {
  const enabledItems = (tenant.offering_items ?? []).filter((i) => i.status === 1);
  return sortedPlain({
    key: slug(tenant.name),
    ...tenantFields(customerTenantSpec, tenant),
    // The tenant object holds the status TenantMfa reads (the spec's mapping).
    twoFactor: fromWire(tenantMfaSpec, tenant).enabled as boolean | undefined,
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
  // The roles as AccessPolicy reads them (the spec's mapping), of the expressible policies.
  const held = fromWire(accessPolicySpec, { items: policies.filter(expressible) }, { userId: user.id });
  const roles = held.roles as string[];
  // The user's fields as read gives them (the spec's mapping); the file holds the contact's fields flat.
  const fields = fromWire(userSpec, user);
  const contact = (fields.contact ?? {}) as Record<string, string>;
  const email = contact.email ?? "";
  if (!email)
    report.notExpressed(
      `user "${user.login}" has no e-mail, which the estate file requires: exported with an empty one`,
    );
  return sortedPlain({
    login: fields.login as string,
    email,
    firstname: contact.firstname || undefined,
    lastname: contact.lastname || undefined,
    phone: contact.phone || undefined,
    language: fields.language as string | undefined,
    enabled: fields.enabled as boolean,
    roles: roles.length > 0 ? roles : undefined,
  });
}

/** A partner or folder as an estate entry: its own fields, and (filled in later) what lives under it. */
function resellerEntry(tenant: Tenant): EstateReseller {
  const spec = tenant.kind === "folder" ? folderTenantSpec : partnerTenantSpec;
  const enabledItems = (tenant.offering_items ?? []).filter((i) => i.status === 1);
  return sortedPlain({
    offeringItems: enabledItems.length > 0 ? itemEntries(enabledItems) : undefined,
    key: slug(tenant.name),
    ...tenantFields(spec, tenant),
  });
}

/**
 * Every partner, folder and customer under the API client's tenant, nested as they are, with each
 * customer's 2FA, items, users and roles: two listings.
 */
export async function exportAcronis(
  client: AcronisClient,
  report: ExportReport,
): Promise<NonNullable<Estate["acronis"]>> {
  const root = await client.ownTenantId();
  const tenants = await client.listSubtreeTenants(root);
  report.progress(`acronis: ${tenants.length} tenants read`);
  const users = await client.listSubtreeUsers(root);
  report.progress(`acronis: ${users.length} users read`);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const levelOf = (parentId: string): EstateTenantLevel => {
    const children = tenants.filter((t) => t.parent_id === parentId && t.id !== root).sort(byName);
    const level: EstateTenantLevel = {};
    const customers = children.filter((t) => t.kind === "customer");
    if (customers.length > 0)
      level.customers = customers.map((t) =>
        customerEntry(
          t,
          users.filter((u) => u.tenant_id === t.id),
          report,
        ),
      );
    for (const kind of ["partner", "folder"] as const) {
      const resellers = children.filter((t) => t.kind === kind);
      if (resellers.length > 0)
        level[`${kind}s`] = resellers.map((t) => sortedPlain({ ...resellerEntry(t), ...levelOf(t.id) }));
    }
    return level;
  };
  const estate = { partnerTenantId: root, ...levelOf(root) };
  const customerIds = new Set(tenants.filter((t) => t.kind === "customer").map((t) => t.id));
  for (const user of users.filter((u) => !customerIds.has(u.tenant_id))) {
    const kind = tenants.find((t) => t.id === user.tenant_id)?.kind ?? "unknown";
    report.notExpressed(
      `user "${user.login}" belongs to a ${kind} tenant, which the estate file cannot hold`,
    );
  }
  await reportApiClientsLeftOut(
    client,
    new Set(tenants.filter((t) => t.id !== root).map((t) => t.id)),
    report,
  );
  return withUniqueKeysPerKind(estate);
}

/** API clients are not exported (the API shows a secret only to the create): says how many, and why. */
async function reportApiClientsLeftOut(
  client: AcronisClient,
  exportedTenants: ReadonlySet<string>,
  report: ExportReport,
): Promise<void> {
  const leftOut = (await listApiClients(client)).filter((c) => exportedTenants.has(c.tenant_id)).length;
  if (leftOut === 0) return;
  report.notExpressed(
    `${leftOut} API client${leftOut === 1 ? "" : "s"} of the exported tenants: export leaves API clients out, ` +
      "since the API shows a client's secret only when it is made; declare one under its tenant's apiClients " +
      "to adopt it (its secret stays unknown until a rotation)",
  );
}

/** Keys unique per kind in the whole file (they name the resources), assigned in the file's order. */
function withUniqueKeysPerKind<T extends Estate["acronis"] & object>(estate: T): T {
  const placed = placedTenants({ acronis: estate });
  for (const kind of ["partner", "folder", "customer"] as const) {
    const entries = placed.filter((t) => t.kind === kind).map((t) => t.entry);
    withUniqueKeys(entries).forEach((unique, i) => {
      entries[i].key = unique.key;
    });
  }
  return estate;
}
