import { reportItem as collectedItem } from "../../cli/report/items";
import type { Report, ReportItem, ReportRow } from "../../cli/report/model";
import { highestRatio, unknownOfItems } from "../../cli/report/rows";
import { summaryOf } from "../../cli/report/summary";

/** The collector's summary: the renderers only show it. */
export { summaryOf };

/** A report as the collector would give it, built by hand for the renderers' tests. */

const GB = 1024 ** 3;
const TB = 1024 * GB;

/** An item as the collector makes it, with no overage. */
export const reportItem = (name: string, unit: string, usage: number, quota: number | null): ReportItem =>
  collectedItem(name, unit, usage, quota, null);

/** A customer row with no flags, drift or trial, its highest ratio and unknowns from its items; `extra` overrides any field. */
export function customerRow(
  name: string,
  pkg: string | null,
  items: ReportItem[],
  extra: Partial<ReportRow> = {},
) {
  const row: ReportRow = {
    api: "acronis",
    account: "",
    id: `id-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
    name,
    path: ["Reseller North"],
    package: pkg,
    enabled: true,
    twoFactor: true,
    pricingMode: "production",
    trialEnds: null,
    items,
    highestRatio: highestRatio(items),
    unknown: unknownOfItems(items),
    flags: [],
    drift: [],
  };
  return { ...row, ...extra };
}

export function hcpRow(
  name: string,
  pkg: string | null,
  storage: ReportItem,
  extra: Partial<ReportRow> = {},
) {
  return customerRow(name, pkg, [storage], {
    api: "hcp",
    id: name,
    path: [],
    twoFactor: null,
    pricingMode: null,
    ...extra,
  });
}

/** The name whose text tries to end the page's scripts and open markup. */
export const hostileName = "Evil </script><b>x";

const generatedAt = "2026-12-07T08:00:00.000Z";

/** Twelve tenants on three packages: one over quota, one near, a trial ending, two-factor off, a drift, one disabled. */
export function sampleReport(): Report {
  const basic = (storage: number, workstations: number) => [
    reportItem("storage", "bytes", storage, TB),
    reportItem("workstations", "quantity", workstations, 10),
  ];
  const pro = (storage: number, workstations: number) => [
    reportItem("storage", "bytes", storage, 5 * TB),
    reportItem("workstations", "quantity", workstations, 20),
  ];
  const rows: ReportRow[] = [
    customerRow("Alpha Dental", "backup-basic", basic(400 * GB, 6)),
    customerRow("Beta Law", "backup-pro", pro(5.5 * TB, 12), { flags: ["over-quota"] }),
    customerRow("Gamma Care", "backup-pro", pro(TB, 19), { flags: ["near-quota"] }),
    customerRow(hostileName, "backup-basic", basic(100 * GB, 2), {
      path: ["Reseller North", "<i>Folder</i>"],
    }),
    customerRow("Delta Trial", "backup-basic", basic(10 * GB, 1), {
      pricingMode: "trial",
      trialEnds: "2026-12-17T00:00:00.000Z",
      flags: ["trial-ending"],
    }),
    customerRow("Epsilon Shop", "backup-basic", basic(50 * GB, 3), {
      twoFactor: false,
      flags: ["two-factor-off"],
    }),
    customerRow("Zeta Works", "backup-pro", pro(2 * TB, 8), {
      flags: ["drift"],
      drift: [{ property: "offeringItems.workstations.quota", declared: 20, live: 25 }],
    }),
    customerRow("Eta Closed", "backup-pro", pro(0, 0), { enabled: false, flags: ["disabled"] }),
    customerRow("Theta Labs", "backup-pro", [...pro(2 * TB, 14), reportItem("servers", "quantity", 3, null)]),
    hcpRow("archive", "hcp-archive", reportItem("storage", "bytes", 40 * GB, 50 * GB)),
    hcpRow("invoices", "hcp-archive", reportItem("storage", "bytes", 7.5 * GB, 50 * GB)),
    hcpRow("media", "hcp-archive", reportItem("storage", "bytes", 500 * GB, 1000 * GB)),
  ];
  return {
    generatedAt,
    estateFile: "estate.yaml",
    usageSince: "2026-12-01T00:00:00.000Z",
    summary: summaryOf(rows),
    rows,
    notFound: [],
  };
}
