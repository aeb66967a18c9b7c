import {
  dateText,
  driftValueText,
  escapeHtml,
  flagClass,
  flagLabel,
  kindText,
  numberText,
  percentText,
} from "./htmlText";
import { unknownText, valueText } from "./items";
import type { ReportItem, ReportRow } from "./model";

/** A column: its header, how it sorts (`text`, `number`, or not at all), and its cell for a row. */
interface Column {
  title: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  sort: "text" | "number" | "none";
  cell: (row: ReportRow) => { html: string; sortValue?: string; className?: string };
}

/** One item for a person, e.g. `storage: 4.2 TB of 5 TB (84 %)`, with the overage the tenant may use. */
export function itemText(item: ReportItem): string {
  if (item.quota === null && !item.unknown.includes("quota"))
    return `${item.name}: ${item.usageText}, no quota`;
  const share = item.ratio === null ? "" : ` (${percentText(item.ratio)})`;
  const overage = item.overage ? `, overage ${valueText(item.overage, item.unit)}` : "";
  return `${item.name}: ${item.usageText} of ${item.quotaText}${share}${overage}`;
}

function itemsHtml(items: ReportItem[]): string {
  if (items.length === 0) return `<span class="muted">no items</span>`;
  const list = items.map((item) => `<li class="state-${item.state}">${escapeHtml(itemText(item))}</li>`);
  return `<ul class="items">${list.join("")}</ul>`;
}

/** The row's flags as badges; the `unknown` badge names what the APIs did not answer. */
function flagsHtml(row: ReportRow): string {
  return row.flags
    .map((flag) => {
      const label = flag === "unknown" ? `unknown: ${row.unknown.join(", ")}` : flagLabel(flag);
      return `<span class="badge ${flagClass(flag)}">${escapeHtml(label)}</span>`;
    })
    .join(" ");
}

function driftHtml(drift: ReportRow["drift"]): string {
  if (drift.length === 0) return "";
  const list = drift.map(
    (d) =>
      `<li><span class="item-name">${escapeHtml(d.property)}</span>: ${escapeHtml(driftValueText(d.declared))} declared, ${escapeHtml(driftValueText(d.live))} live</li>`,
  );
  return `<ul class="drift">${list.join("")}</ul>`;
}

/** The trial's end as a date, `unknown` when the API did not give it, nothing outside a trial. */
function trialEndsText(row: ReportRow): string {
  if (row.unknown.includes("trialEnds")) return unknownText;
  return row.trialEnds === null ? "" : dateText(row.trialEnds);
}

/** The tenants table's columns, in order. */
export const columns: Column[] = [
  {
    title: "Tenant",
    sort: "text",
    cell: (row) => ({
      html: `<span class="tenant-name">${escapeHtml(row.name)}</span><span class="tenant-id">${escapeHtml(row.id)}</span>`,
      sortValue: row.name,
    }),
  },
  { title: "Kind", sort: "text", cell: (row) => ({ html: escapeHtml(kindText(row)) }) },
  {
    title: "Package",
    sort: "text",
    cell: (row) => ({
      html: row.package === null ? "" : escapeHtml(row.package),
      sortValue: row.package ?? "",
      className: "nowrap",
    }),
  },
  { title: "Path", sort: "text", cell: (row) => ({ html: escapeHtml(row.path.join(" › ")) }) },
  {
    title: "Highest use",
    sort: "number",
    numeric: true,
    cell: ({ highestRatio: ratio }) => ({
      html: ratio === null ? "" : percentText(ratio),
      sortValue: ratio === null ? "" : String(ratio),
      className: "number",
    }),
  },
  { title: "Usage against quota", sort: "none", cell: (row) => ({ html: itemsHtml(row.items) }) },
  {
    title: "Trial ends",
    sort: "text",
    cell: (row) => ({ html: escapeHtml(trialEndsText(row)), sortValue: row.trialEnds ?? "" }),
  },
  { title: "Flags", sort: "text", cell: (row) => ({ html: flagsHtml(row) }) },
  {
    title: "Drift",
    sort: "number",
    cell: (row) => ({ html: driftHtml(row.drift), sortValue: String(row.drift.length) }),
  },
];

function headerHtml(column: Column, index: number): string {
  if (column.sort === "none") return `<th scope="col">${escapeHtml(column.title)}</th>`;
  const numeric = column.numeric ? ` class="number"` : "";
  return `<th scope="col" aria-sort="none" data-type="${column.sort}"${numeric}><button type="button" data-column="${index}">${escapeHtml(column.title)}</button></th>`;
}

/** The row's colour, from its flags as the model gives them. */
function rowClass(row: ReportRow): string {
  const quota = row.flags.includes("over-quota") ? "over" : row.flags.includes("near-quota") ? "near" : "";
  const classes = [quota, row.enabled ? "" : "disabled"];
  return classes.filter((c) => c !== "").join(" ");
}

function rowHtml(row: ReportRow, index: number): string {
  const cells = columns.map((column) => {
    const { html, sortValue, className } = column.cell(row);
    const sort = sortValue === undefined ? "" : ` data-sort="${escapeHtml(sortValue)}"`;
    const cls = className === undefined ? "" : ` class="${className}"`;
    return `<td${cls}${sort}>${html}</td>`;
  });
  const cls = rowClass(row);
  return `<tr data-index="${index}"${cls === "" ? "" : ` class="${cls}"`}>${cells.join("")}</tr>`;
}

/** The tenants table: one row per tenant, sortable by clicking a header (the page's script does the sorting). */
export function tableHtml(rows: ReportRow[]): string {
  const headers = columns.map(headerHtml).join("");
  const body = rows.length === 0 ? "" : rows.map(rowHtml).join("\n");
  return `<section id="tenants-section" aria-labelledby="tenants-title">
<h2 id="tenants-title">Tenants <span class="count">(${numberText(rows.length)})</span></h2>
<p class="hint">Click a column's header to sort by it, again to reverse.</p>
<div class="table-wrap">
<table id="tenants">
<thead><tr>${headers}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</section>`;
}
