/** What the report reads of HCP: each tenant's quotas and settings, and the storage its namespaces use. */
import type { HcpClient } from "../../provider/hcp/client";
import type { Tenant } from "../../provider/hcp/types";

export interface LiveHcpTenant {
  /** As the listing names it. */
  name: string;
  /** As a verbose GET answers it. */
  tenant: Tenant;
  /** Bytes the tenant's namespaces use (its statistics' storageCapacityUsed). */
  storageCapacityUsed: number;
}

/**
 * Every tenant with its settings and statistics: one listing, then two reads per tenant (a system holds at most
 * 1,000 tenants, usually a handful). The default tenant has no quota and no statistics of its own: left out.
 * Choice: storage used comes from the tenant's statistics (storageCapacityUsed, now) rather than its chargeback
 * report, whose figures are per period (reference hcp-mapi-next.md §1.4, hcp-mapi.md §18).
 */
export async function collectHcp(client: HcpClient): Promise<LiveHcpTenant[]> {
  const tenants: LiveHcpTenant[] = [];
  for (const name of await client.listTenants()) {
    const tenant = await client.getTenant(name);
    if (!tenant || tenant.hardQuota === undefined) continue;
    const statistics = await client.getStatistics(name);
    tenants.push({ name, tenant, storageCapacityUsed: statistics.storageCapacityUsed ?? 0 });
  }
  return tenants.sort((a, b) => a.name.localeCompare(b.name));
}
