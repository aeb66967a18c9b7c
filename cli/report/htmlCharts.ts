import { packageItemName, packageName } from "./htmlSummary";
import { escapeHtml, gigabytes, numberText } from "./htmlText";
import type { PackageItem, QuotaState, ReportSummary } from "./model";

/** One bar: an item's total usage as a share of its total quota, labelled with both figures. */
export interface ChartBar {
  label: string;
  /** Usage in percent of quota; null when unlimited (no bar). */
  percent: number | null;
  state: QuotaState;
}

/** What the page's script draws for one package. */
export interface ChartData {
  title: string;
  bars: ChartBar[];
}

/** A figure in the chart's unit: GB for bytes, the count otherwise. */
function chartFigure(value: number, unit: string): string {
  return unit === "bytes" ? numberText(gigabytes(value), 1) : numberText(value);
}

/** A package's item as a bar, in the state the summary gives its totals. */
function barOf(item: PackageItem): ChartBar {
  const unit = item.unit === "bytes" ? " GB" : "";
  const used = chartFigure(item.usage, item.unit);
  const name = packageItemName(item);
  const unknown = item.unknown > 0 ? ` (${numberText(item.unknown)} unknown)` : "";
  const { state } = item;
  if (state === "unknown") return { label: `${name}: unknown`, percent: null, state };
  if (item.quota === null)
    return { label: `${name}: ${used}${unit}, no quota${unknown}`, percent: null, state };
  // A quota of 0 has no share: a full bar when it is exceeded, none when it is kept.
  const percent = item.ratio !== null ? item.ratio * 100 : state === "over" ? 100 : 0;
  return {
    label: `${name}: ${used} of ${chartFigure(item.quota, item.unit)}${unit}${unknown}`,
    percent: Math.round(percent * 10) / 10,
    state,
  };
}

/** One chart per package with items: each item's usage against its quota, summed over the package's tenants. */
export function chartsOf(summary: ReportSummary): ChartData[] {
  return summary.byPackage
    .filter((pkg) => pkg.items.length > 0)
    .map((pkg) => ({
      title: `${packageName(pkg.package)} (${numberText(pkg.tenants)} ${pkg.tenants === 1 ? "tenant" : "tenants"})`,
      bars: pkg.items.map(barOf),
    }));
}

/** The charts' section: a titled canvas per package, drawn by the page's script from the embedded data. */
export function chartsHtml(charts: ChartData[]): string {
  const figures = charts.map(
    (chart, i) =>
      `<figure class="chart"><figcaption>${escapeHtml(chart.title)}</figcaption><div class="chart-box"><canvas id="chart-${i}" role="img" aria-label="${escapeHtml(`${chart.title}: ${chart.bars.map((b) => b.label).join("; ")}`)}"></canvas></div></figure>`,
  );
  const none = charts.length === 0 ? `<p class="muted">No package has offering items to chart.</p>` : "";
  return `<section id="charts" aria-labelledby="charts-title">
<h2 id="charts-title">Usage against quota by package</h2>
<p class="hint">Each bar is an item's usage, summed over the package's tenants, as a share of their summed quota; the dashed line is the quota.</p>
${none}<div class="chart-grid">
${figures.join("\n")}
</div>
</section>`;
}
