/** One usage figure against its quota: state, ratio and the text a person reads. Pure. */
import type { QuotaState, ReportItem } from "./model";

/** The share of a quota from which an item is near it. */
export const nearShare = 0.9;

const GB = 1024 ** 3;
const TB = 1024 ** 4;

/** How a usage stands against a quota: over it, at 90 % of it or more, within it, or unlimited (null). */
export function quotaState(usage: number, quota: number | null): QuotaState {
  if (quota === null) return "unlimited";
  if (usage > quota) return "over";
  // A quota of 0 that is not exceeded is kept, not approached.
  if (quota > 0 && usage >= nearShare * quota) return "near";
  return "within";
}

/**
 * A value as a person reads it: bytes in GB (TB from 1024 GB on) with two decimals, other units as counted.
 * Choice: 1 GB = 1024³ bytes and 1 TB = 1024⁴, as `export --usage` shows them (cli/exportUsage.ts) and as the
 * HCP provider reads quotas (provider/hcp/values.ts); neither vendor's documents state the base of the
 * portal's GB, and a quota of 1 TB set in the portal is 1099511627776 bytes on the API.
 */
export function valueText(value: number | null, unit: string): string {
  if (value === null) return "unlimited";
  if (unit === "bytes")
    return value >= TB ? `${(value / TB).toFixed(2)} TB` : `${(value / GB).toFixed(2)} GB`;
  if (unit === "quantity" || unit === "n/a") return String(value);
  return `${value} ${unit}`;
}

/** The text of a figure the API did not give: distinct from 0 and from unlimited. */
export const unknownText = "unknown";

/** The share of a quota used; none of an unlimited quota or of a quota of 0 (JSON has no infinity). */
export function quotaRatio(usage: number, quota: number | null): number | null {
  return quota === null || quota === 0 ? null : usage / quota;
}

/**
 * An item of the report from its usage, quota (null: unlimited) and overage; a usage or quota the API did not
 * give is `undefined`, and the item's state is then `unknown`.
 */
export function reportItem(
  name: string,
  unit: string,
  usage: number | undefined,
  quota: number | null | undefined,
  overage: number | null,
): ReportItem {
  const unknown = [
    ...(usage === undefined ? (["usage"] as const) : []),
    ...(quota === undefined ? (["quota"] as const) : []),
  ];
  return {
    name,
    unit,
    usage: usage ?? null,
    quota: quota ?? null,
    overage: quota === undefined ? null : overage,
    // No share of a quota of 0: its state says whether it is exceeded.
    ratio: usage === undefined || quota === undefined ? null : quotaRatio(usage, quota),
    state: usage === undefined || quota === undefined ? "unknown" : quotaState(usage, quota),
    unknown,
    usageText: usage === undefined ? unknownText : valueText(usage, unit),
    quotaText: quota === undefined ? unknownText : valueText(quota, unit),
  };
}
