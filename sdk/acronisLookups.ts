import { getTenantUsages } from "../provider/acronis/clientsApi";
import type { UsageItem } from "../provider/acronis/types";
import { type AcronisConnectionArgs, acronisClientFromConnection } from "./clients";

/** One usage of a tenant's offering item, as GET /tenants/{id}/usages reports it. */
export interface TenantUsage {
  applicationId: string;
  /** The offering item's name, with its edition's prefix (`pw_base_storage`). */
  name: string;
  /** null for services without editions. */
  edition: string | null;
  /** The name without the edition's prefix (`storage`). */
  usageName: string;
  /** count, feature or infra. */
  type: string;
  /** bytes (binary: 1073741824 is 1 GB), quantity, seconds or n/a. */
  measurementUnit: string;
  /** Since when the usage is collected: by default the first day of the current month. */
  rangeStart: string;
  /** The current value. */
  value: number;
  /** The accumulated value, where the API reports one. */
  absoluteValue?: number;
  /** The storage (infra items only). */
  infraId?: string;
  /** The offering item behind the usage, where there is one: enabled (status 1) with its quota, or off (0). */
  offeringItem?: { status: number; quota?: { value: number | null; overage: number | null } };
}

export interface TenantUsageQuery {
  /** Only these usage names (without edition prefixes), e.g. `["storage", "workstations"]`. */
  usageNames?: string[];
  /** Only usages of these editions (usages without an edition are always included by the API). */
  editions?: string[];
}

/** The API's usage item in the SDK's terms. */
export function tenantUsageOf(item: UsageItem): TenantUsage {
  const usage: TenantUsage = {
    applicationId: item.application_id,
    name: item.name,
    edition: item.edition ?? null,
    usageName: item.usage_name,
    type: item.type,
    measurementUnit: item.measurement_unit,
    rangeStart: item.range_start,
    value: item.value,
  };
  if (item.absolute_value !== undefined) usage.absoluteValue = item.absolute_value;
  if (item.infra_id) usage.infraId = item.infra_id;
  if (item.offering_item) {
    const { status, quota } = item.offering_item;
    usage.offeringItem = quota
      ? { status, quota: { value: quota.value, overage: quota.overage } }
      : { status };
  }
  return usage;
}

/**
 * Usage of a tenant's offering items (GET /tenants/{id}/usages). The API refreshes usage every few hours and
 * says it is not meant for billing as is.
 */
export async function getTenantUsage(
  connection: AcronisConnectionArgs,
  tenantId: string,
  query: TenantUsageQuery = {},
): Promise<TenantUsage[]> {
  const client = acronisClientFromConnection(connection);
  return (await getTenantUsages(client, tenantId, query)).map(tenantUsageOf);
}
