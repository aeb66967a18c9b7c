import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { chartsHtml, chartsOf } from "./htmlCharts";
import { notFoundHtml } from "./htmlNotFound";
import { reportScript } from "./htmlScript";
import { reportCss } from "./htmlStyle";
import { summaryHtml } from "./htmlSummary";
import { tableHtml } from "./htmlTable";
import { escapeHtml, scriptJson, timeText } from "./htmlText";
import type { Report } from "./model";

let chartLibrary: string | undefined;

/** Chart.js's UMD build, read once from the installed package, to inline (the page fetches nothing). */
function chartJs(): string {
  if (chartLibrary === undefined) {
    // The package exports only its module builds; the UMD file sits beside the CommonJS one.
    const file = path.join(path.dirname(require.resolve("chart.js")), "chart.umd.min.js");
    const text = readFileSync(file, "utf8");
    // Inline script ends at the first `</script`; a library holding one could not be inlined as it is.
    if (/<\/script|<!--/i.test(text)) throw new Error(`${file} holds </script or <!--: it cannot be inlined`);
    chartLibrary = text;
  }
  return chartLibrary;
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The page may run only these scripts and styles, and fetch nothing at all (images only from data: URLs). */
function contentSecurityPolicy(scripts: string[], styles: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(" ")}`,
    `style-src ${styles.map(sha256).join(" ")}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

function metaHtml(report: Report): string {
  const parts = [`Collected ${timeText(report.generatedAt)}`];
  if (report.usageSince !== null) parts.push(`usage since ${timeText(report.usageSince)}`);
  parts.push(report.estateFile === null ? "no estate file compared" : `compared with ${report.estateFile}`);
  return `<p class="meta">${escapeHtml(parts.join(" · "))}</p>`;
}

/** The report as one self-contained HTML page: summary, declared tenants not found, sortable tenants table, a chart per package. */
export function renderHtml(report: Report): string {
  const charts = chartsOf(report.summary);
  const library = chartJs();
  const csp = contentSecurityPolicy([library, reportScript], [reportCss]);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Usage and quota · ${escapeHtml(timeText(report.generatedAt))}</title>
<style>${reportCss}</style>
</head>
<body>
<header>
<h1>Usage and quota</h1>
${metaHtml(report)}
</header>
<main>
${summaryHtml(report.summary)}
${notFoundHtml(report.notFound)}${tableHtml(report.rows)}
${chartsHtml(charts)}
</main>
<script type="application/json" id="report-data">${scriptJson({ charts })}</script>
<script>${library}</script>
<script>${reportScript}</script>
</body>
</html>
`;
}
