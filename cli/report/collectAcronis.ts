/** What the report reads of Acronis: customers with their place, usages in batches, users when drift needs them. */
import type { AcronisClient } from "../../provider/acronis/client";
import { getTenantsUsages } from "../../provider/acronis/clientsApi";
import type { Tenant, UsageItem, User } from "../../provider/acronis/types";

export interface LiveCustomer {
  tenant: Tenant;
  /** The names of the partners and folders between the root and the customer, outermost first. */
  path: string[];
}

export interface LiveAcronis {
  customers: LiveCustomer[];
  /** By tenant id. */
  usages: Map<string, UsageItem[]>;
  /** Every user under the root; read only when drift is reported. */
  users: User[];
}

/** Each customer under `root` with the names of the tenants between them (the root's own name left out). */
export function customersUnder(root: string, tenants: readonly Tenant[]): LiveCustomer[] {
  const byId = new Map(tenants.map((t) => [t.id, t]));
  const pathOf = (tenant: Tenant): string[] => {
    const parent = byId.get(tenant.parent_id);
    return !parent || parent.id === root || tenant.id === root ? [] : [...pathOf(parent), parent.name];
  };
  return tenants
    .filter((t) => t.kind === "customer" && t.id !== root)
    .map((tenant) => ({ tenant, path: pathOf(tenant) }));
}

/**
 * The customers under `root` (default: the API client's tenant): the subtree listing (pages of 5000, at lod=full,
 * which carries the trial's end), the users listing when `withUsers`, and one usage call per 100 customers.
 */
export async function collectAcronis(
  client: AcronisClient,
  options: { root?: string; withUsers: boolean },
): Promise<LiveAcronis> {
  const root = options.root ?? (await client.ownTenantId());
  const customers = customersUnder(root, await client.listSubtreeTenants(root));
  const usages = await getTenantsUsages(
    client,
    customers.map((c) => c.tenant.id),
  );
  const users = options.withUsers ? await client.listSubtreeUsers(root) : [];
  return { customers, usages, users };
}
