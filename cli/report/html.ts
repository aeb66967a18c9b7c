/** The report as one self-contained HTML page. A plain table of the rows until the full page with charts lands. */
import type { Report } from "./model";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

export function renderHtml(report: Report): string {
  const cells = report.rows.flatMap((row) =>
    row.items.map((item) =>
      [row.name, row.package ?? "", item.name, item.usageText, item.quotaText, row.flags.join(" ")]
        .map((cell) => `<td>${escapeHtml(cell)}</td>`)
        .join(""),
    ),
  );
  const rows = cells.map((cell) => `<tr>${cell}</tr>`).join("\n");
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Usage and quota report</title></head><body>\n<table>\n<tr><th>tenant</th><th>package</th><th>item</th><th>usage</th><th>quota</th><th>flags</th></tr>\n${rows}\n</table>\n</body></html>\n`;
}
