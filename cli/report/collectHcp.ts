/** What the report reads of HCP: each tenant's quotas and settings, and the storage its namespaces use. */
import { Semaphore } from "../../provider/core/limits";
import type { HcpClient } from "../../provider/hcp/client";
import type { Tenant } from "../../provider/hcp/types";

export interface LiveHcpTenant {
  /** As the listing names it. */
  name: string;
  /** As a verbose GET answers it. */
  tenant: Tenant;
  /** Bytes the tenant's namespaces use (its statistics' storageCapacityUsed); undefined when they do not say. */
  storageCapacityUsed: number | undefined;
}

/** Tenants read at once: the client's own default limit on requests in flight, so none waits long on it. */
export const hcpTenantConcurrency = 8;

/** What collectHcp uses of the client. */
export type HcpReportReads = Pick<HcpClient, "listTenants" | "getTenant" | "getStatistics">;

/** One tenant's settings, then its statistics; undefined for a tenant without a quota (the default tenant). */
async function liveTenant(client: HcpReportReads, name: string): Promise<LiveHcpTenant | undefined> {
  const tenant = await client.getTenant(name);
  if (!tenant || tenant.hardQuota === undefined) return undefined;
  const statistics = await client.getStatistics(name);
  return { name, tenant, storageCapacityUsed: statistics.storageCapacityUsed };
}

/**
 * Every tenant with its settings and statistics: one listing, then two reads per tenant (a system holds at most
 * 1,000 tenants, usually a handful), `concurrency` tenants at a time; the answer is in name order, however the
 * reads finish. The default tenant has no quota and no statistics of its own: left out.
 * Choice: storage used comes from the tenant's statistics (storageCapacityUsed, now) rather than its chargeback
 * report, whose figures are per period (reference hcp-mapi-next.md §1.4, hcp-mapi.md §18).
 */
export async function collectHcp(
  client: HcpReportReads,
  concurrency = hcpTenantConcurrency,
): Promise<LiveHcpTenant[]> {
  const limit = new Semaphore(concurrency);
  const names = await client.listTenants();
  const tenants = await Promise.all(names.map((name) => limit.run(() => liveTenant(client, name))));
  return tenants
    .filter((t): t is LiveHcpTenant => t !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}
