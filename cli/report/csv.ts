/** The report as CSV for a PSA import: one line per tenant and item (RFC 4180), values raw and as a person reads them. */
import type { NotFoundTenant, Report, ReportItem, ReportRow } from "./model";

export const csvColumns = [
  "api",
  "account",
  "id",
  "name",
  "path",
  "package",
  "enabled",
  "twoFactor",
  "pricingMode",
  "trialEnds",
  "flags",
  "drift",
  "item",
  "unit",
  "usage",
  "quota",
  "overage",
  "ratio",
  "state",
  "usageText",
  "quotaText",
  "unknown",
] as const;

/**
 * A field as RFC 4180 writes it: quoted, its quotes doubled, when it holds a comma, a quote or a line break.
 * Choice: text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first; not a number) gets a
 * leading `'`, as OWASP's CSV injection advice says: names are the customers' own data.
 */
export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

const text = (value: string | number | boolean | null) => (value === null ? "" : String(value));

/** The tenant's fields, then one item's (empty for a tenant with none). */
function line(row: ReportRow, item: ReportItem | undefined): string[] {
  return [
    row.api,
    row.account,
    row.id,
    row.name,
    row.path.join(" / "),
    text(row.package),
    text(row.enabled),
    text(row.twoFactor),
    text(row.pricingMode),
    text(row.trialEnds),
    row.flags.join(";"),
    row.drift.map((d) => d.property).join(";"),
    item?.name ?? "",
    item?.unit ?? "",
    text(item?.usage ?? null),
    text(item?.quota ?? null),
    text(item?.overage ?? null),
    text(item?.ratio ?? null),
    item?.state ?? "",
    item?.usageText ?? "",
    item?.quotaText ?? "",
    row.unknown.join(";"),
  ];
}

/** The flag of a declared tenant's line when it was not found live: no tenant, so no id, settings or items. */
export const notFoundFlag = "not-found";

/** A declared tenant not found live: its place and package, flagged, every other column empty. */
function notFoundLine(tenant: NotFoundTenant): string[] {
  const fields: Record<string, string> = {
    api: tenant.api,
    account: tenant.account,
    name: tenant.name,
    path: tenant.path.join(" / "),
    package: text(tenant.package),
    flags: notFoundFlag,
  };
  return csvColumns.map((column) => fields[column] ?? "");
}

/** A header, a line per tenant and item, then one per declared tenant not found, each ending in CRLF as RFC 4180 says. */
export function renderCsv(report: Report): string {
  const lines = [
    [...csvColumns],
    ...report.rows.flatMap((row) =>
      row.items.length === 0 ? [line(row, undefined)] : row.items.map((item) => line(row, item)),
    ),
    ...report.notFound.map(notFoundLine),
  ];
  return lines.map((fields) => `${fields.map(csvField).join(",")}\r\n`).join("");
}
