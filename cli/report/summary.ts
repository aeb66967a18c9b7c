/** The report's summary: counts of what a person acts on, and usage by package. Pure. */
import type { ReportRow, ReportSummary } from "./model";

type PackageUsage = ReportSummary["byPackage"][number];

/** How many rows carry the flag. */
const flagged = (rows: readonly ReportRow[], flag: string) =>
  rows.filter((r) => r.flags.includes(flag)).length;

/** Per item (by name and unit) of the rows: the sum of usage, and of quota (null once any is unlimited). */
function itemTotals(rows: readonly ReportRow[]): PackageUsage["items"] {
  const totals = new Map<string, PackageUsage["items"][number]>();
  for (const item of rows.flatMap((r) => r.items)) {
    const key = `${item.name}\u0000${item.unit}`;
    const total = totals.get(key) ?? { name: item.name, unit: item.unit, usage: 0, quota: 0 };
    total.usage += item.usage;
    total.quota = total.quota === null || item.quota === null ? null : total.quota + item.quota;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => a.name.localeCompare(b.name) || a.unit.localeCompare(b.unit));
}

/** Packages by name, tenants without one last. */
const byPackageName = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);

/** The summary of the rows; a trial-ending flag was computed against the report's time already. */
export function summaryOf(rows: readonly ReportRow[]): ReportSummary {
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
    byPackage: packages.map((name) => {
      const members = rows.filter((r) => r.package === name);
      return { package: name, tenants: members.length, items: itemTotals(members) };
    }),
  };
}
