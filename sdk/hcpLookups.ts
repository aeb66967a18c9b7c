import type {
  ChargebackGranularity,
  ChargebackRow,
  ReportFormat,
  ServicePlan,
  TenantListQuery,
  TenantStatistics,
} from "../provider/hcp/types";
import { type HcpConnectionArgs, hcpClientFromConnection } from "./clients";

export type { ChargebackRow, ServicePlan, TenantListQuery, TenantStatistics } from "../provider/hcp/types";

/** Names of the system's tenants (system-level account), every page; `query` sorts and filters. */
export function listHcpTenants(
  connection: HcpConnectionArgs,
  query: TenantListQuery = {},
): Promise<string[]> {
  return hcpClientFromConnection(connection).listTenants(query);
}

/** Content statistics of a tenant's namespaces: object count, bytes ingested and used… */
export function getHcpTenantStatistics(
  connection: HcpConnectionArgs,
  tenant: string,
): Promise<TenantStatistics> {
  return hcpClientFromConnection(connection).getStatistics(tenant);
}

/** The service plans a tenant may give its namespaces (only with servicePlanSelectionEnabled), described. */
export async function getHcpAvailableServicePlans(
  connection: HcpConnectionArgs,
  tenant: string,
): Promise<ServicePlan[]> {
  const client = hcpClientFromConnection(connection);
  const names = await client.listAvailableServicePlans(tenant);
  return Promise.all(names.map((name) => client.getAvailableServicePlan(tenant, name)));
}

export interface HcpChargebackQuery {
  /** From when: a Date, or `yyyy-MM-ddTHH:mm:ss±hhmm`. Default: the earliest data HCP keeps. */
  start?: Date | string;
  /** Until when; default now. */
  end?: Date | string;
  /** hour, day or total (the default). */
  granularity?: ChargebackGranularity;
  /** The format asked of HCP; the rows read the same from each. Default xml. */
  format?: ReportFormat;
}

/** A Date as HCP's report times, `yyyy-MM-ddTHH:mm:ss+0000` (UTC). */
export function hcpTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+0000`;
}

const granularities: readonly ChargebackGranularity[] = ["hour", "day", "total"];

/** A tenant's chargeback report: a row per namespace and period, then the tenant's total row (namespaceName ""). */
export function getHcpChargebackReport(
  connection: HcpConnectionArgs,
  tenant: string,
  query: HcpChargebackQuery = {},
): Promise<ChargebackRow[]> {
  if (query.granularity !== undefined && !granularities.includes(query.granularity)) {
    throw new Error(`granularity must be one of ${granularities.join(", ")}, got "${query.granularity}"`);
  }
  const time = (value: Date | string | undefined) => (value instanceof Date ? hcpTime(value) : value);
  return hcpClientFromConnection(connection).getChargebackReport(
    tenant,
    { start: time(query.start), end: time(query.end), granularity: query.granularity },
    query.format ?? "xml",
  );
}
