/** The report's summary: counts of what a person acts on, and usage by package. Pure. */
import { quotaRatio, quotaState } from "./items";
import type { PackageItem, ReportRow, ReportSummary } from "./model";

/** How many rows carry the flag. */
const flagged = (rows: readonly ReportRow[], flag: string) =>
  rows.filter((r) => r.flags.includes(flag)).length;

/** The sums of one item's known figures, and how many were summed, before its share and state. */
type Totals = Omit<PackageItem, "ratio" | "state"> & { known: number };

/** A package's total of one item, with its share and state as one tenant's item would have them (unknown when none is known). */
function withState({ known, ...total }: Totals): PackageItem {
  const { usage, quota } = total;
  return {
    ...total,
    ratio: known === 0 ? null : quotaRatio(usage, quota),
    state: known === 0 ? "unknown" : quotaState(usage, quota),
  };
}

/**
 * Per item (by API, name and unit) of the rows: the sum of usage, and of quota (null once any is unlimited);
 * an item with an unknown usage or quota is counted, not summed.
 */
export function itemTotals(rows: readonly ReportRow[]): PackageItem[] {
  const totals = new Map<string, Totals>();
  for (const row of rows)
    for (const item of row.items) {
      const key = `${row.api}\u0000${item.name}\u0000${item.unit}`;
      const total = totals.get(key) ?? {
        api: row.api,
        name: item.name,
        unit: item.unit,
        usage: 0,
        quota: 0,
        unknown: 0,
        known: 0,
      };
      if (item.unknown.length > 0) total.unknown += 1;
      else {
        total.known += 1;
        total.usage += item.usage ?? 0;
        total.quota = total.quota === null || item.quota === null ? null : total.quota + item.quota;
      }
      totals.set(key, total);
    }
  return [...totals.values()]
    .sort(
      (a, b) => a.api.localeCompare(b.api) || a.name.localeCompare(b.name) || a.unit.localeCompare(b.unit),
    )
    .map(withState);
}

/** Packages by name, tenants without one last. */
const byPackageName = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);

/** The summary of the rows and of the declared tenants not found; a trial-ending flag was computed against the report's time already. */
export function summaryOf(rows: readonly ReportRow[], notFound = 0): ReportSummary {
  const packages = [...new Set(rows.map((r) => r.package))].sort(byPackageName);
  return {
    customers: rows.filter((r) => r.api === "acronis").length,
    hcpTenants: rows.filter((r) => r.api === "hcp").length,
    overQuota: flagged(rows, "over-quota"),
    nearQuota: flagged(rows, "near-quota"),
    trialsEndingSoon: flagged(rows, "trial-ending"),
    twoFactorOff: flagged(rows, "two-factor-off"),
    disabled: flagged(rows, "disabled"),
    drifted: flagged(rows, "drift"),
    unknown: flagged(rows, "unknown"),
    notFound,
    byPackage: packages.map((name) => {
      const members = rows.filter((r) => r.package === name);
      return { package: name, tenants: members.length, items: itemTotals(members) };
    }),
  };
}
