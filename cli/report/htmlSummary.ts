import { apiName, escapeHtml, numberText, percentText } from "./htmlText";
import { valueText } from "./items";
import type { PackageItem, ReportSummary } from "./model";

type PackageSummary = ReportSummary["byPackage"][number];

/** The figures at the top, in reading order: what each counts, and the class that colours it when not zero. */
const figures: { key: keyof Omit<ReportSummary, "byPackage">; label: string; tone: string }[] = [
  { key: "customers", label: "Customers", tone: "" },
  { key: "hcpTenants", label: "HCP tenants", tone: "" },
  { key: "overQuota", label: "Over quota", tone: "over" },
  { key: "nearQuota", label: "Near quota (≥ 90 %)", tone: "near" },
  { key: "trialsEndingSoon", label: "Trials ending within 30 days", tone: "near" },
  { key: "twoFactorOff", label: "Two-factor off", tone: "near" },
  { key: "disabled", label: "Disabled", tone: "muted" },
  { key: "drifted", label: "Drifted", tone: "near" },
  { key: "unknown", label: "Data unknown", tone: "near" },
  { key: "notFound", label: "Declared, not found", tone: "over" },
];

/** A package's name for a person; null is the tenants without one. */
export function packageName(name: string | null): string {
  return name ?? "no package";
}

/** An item of a package's totals, named with its API: `HCP storage`. */
export function packageItemName(item: PackageItem): string {
  return `${apiName(item.api)} ${item.name}`;
}

/** A package's total of one item against its total quota, e.g. `4.2 TB of 5 TB (84 %)`, and the tenants left out. */
export function packageItemText(item: PackageItem): string {
  if (item.state === "unknown") return `unknown (${numberText(item.unknown)} not summed)`;
  const unknown = item.unknown > 0 ? `; ${numberText(item.unknown)} unknown, not summed` : "";
  const used = valueText(item.usage, item.unit);
  if (item.quota === null) return `${used}, no quota${unknown}`;
  const share = item.ratio === null ? "" : ` (${percentText(item.ratio)})`;
  return `${used} of ${valueText(item.quota, item.unit)}${share}${unknown}`;
}

function figureHtml(summary: ReportSummary, figure: (typeof figures)[number]): string {
  const value = summary[figure.key];
  const tone = value > 0 && figure.tone !== "" ? ` tone-${figure.tone}` : "";
  return `<div class="figure${tone}" data-figure="${figure.key}"><dt>${escapeHtml(figure.label)}</dt><dd>${numberText(value)}</dd></div>`;
}

function packageRowHtml(pkg: PackageSummary): string {
  const items = pkg.items
    .map(
      (item) =>
        `<li class="state-${item.state}"><span class="item-name">${escapeHtml(packageItemName(item))}</span> ${escapeHtml(packageItemText(item))}</li>`,
    )
    .join("");
  const name = pkg.package === null ? `<em>${packageName(null)}</em>` : escapeHtml(pkg.package);
  return `<tr><th scope="row">${name}</th><td class="number">${numberText(pkg.tenants)}</td><td><ul class="items">${items}</ul></td></tr>`;
}

/** The summary: the counts a person acts on, then usage against quota by package. */
export function summaryHtml(summary: ReportSummary): string {
  const counts = figures.map((f) => figureHtml(summary, f)).join("\n");
  const packages = summary.byPackage.map(packageRowHtml).join("\n");
  return `<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
<dl class="figures">
${counts}
</dl>
<h3>Usage by package</h3>
<table class="packages">
<thead><tr><th scope="col">Package</th><th scope="col" class="number">Tenants</th><th scope="col">Usage of quota, all its tenants</th></tr></thead>
<tbody>
${packages}
</tbody>
</table>
</section>`;
}
