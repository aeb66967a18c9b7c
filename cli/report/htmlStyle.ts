/** The report's stylesheet: system fonts, a colour and a word for every state (over, near, within), and print. */
export const reportCss = `
:root {
  color-scheme: light;
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --band: #f6f8fa;
  --over: #b42318; --over-bg: #fde8e7; --near: #8a5300; --near-bg: #fff4d6;
  --within: #1a7f37; --within-bg: #e6f4ea; --accent: #0a5bb5;
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 1400px; color: var(--ink); background: var(--paper);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
}
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
.meta, .hint, .muted, .tenant-id, .count { color: var(--muted); }
.hint { margin: 0 0 .75rem; font-size: .9rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .75rem; margin: 0; }
.figure { border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; padding: .5rem .75rem; }
.figure dt { font-size: .85rem; color: var(--muted); }
.figure dd { margin: 0; font-size: 1.6rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure.tone-over { border-left-color: var(--over); background: var(--over-bg); }
.figure.tone-near { border-left-color: var(--near); background: var(--near-bg); }
.figure.tone-muted { border-left-color: var(--muted); background: var(--band); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--band); font-size: .85rem; white-space: nowrap; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
.packages { max-width: 60rem; }
.items, .drift { margin: 0; padding: 0; list-style: none; }
.items li { white-space: nowrap; }
.drift li { overflow-wrap: anywhere; }
.drift { min-width: 10rem; }
.nowrap { white-space: nowrap; }
.item-name { font-weight: 600; }
.tenant-name { display: block; font-weight: 600; min-width: 9rem; }
.tenant-id { display: block; font-size: .75rem; word-break: break-all; }
.state-over { color: var(--over); font-weight: 600; }
.state-near { color: var(--near); }
.state-within { color: var(--within); }
.state-unknown { color: var(--muted); font-style: italic; }
.not-found { max-width: 60rem; }
.not-found tbody th { color: var(--over); }
tbody tr.over { background: var(--over-bg); box-shadow: inset 4px 0 0 var(--over); }
tbody tr.near { background: var(--near-bg); box-shadow: inset 4px 0 0 var(--near); }
tbody tr.disabled { color: var(--muted); }
th button {
  font: inherit; font-weight: 600; color: var(--accent); background: none; border: 0; padding: 0; cursor: pointer;
}
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
th button::after { content: " ↕"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " ▲"; color: var(--ink); }
th[aria-sort="descending"] button::after { content: " ▼"; color: var(--ink); }
.badge {
  display: inline-block; margin: 0 .2rem .2rem 0; padding: 0 .45rem; border-radius: 999px; font-size: .8rem;
  border: 1px solid var(--muted); color: var(--muted); white-space: nowrap;
}
.badge.flag-over-quota { border-color: var(--over); color: #fff; background: var(--over); font-weight: 600; }
.badge.flag-near-quota, .badge.flag-trial-ending { border-color: var(--near); color: var(--near); background: var(--near-bg); }
.badge.flag-two-factor-off, .badge.flag-drift, .badge.flag-unknown { border-color: var(--near); color: var(--near); }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(26rem, 1fr)); gap: 1rem; }
.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; break-inside: avoid; }
.chart figcaption { font-weight: 600; margin-bottom: .5rem; }
.chart-box { position: relative; }
.chart canvas { max-width: 100%; }
@media print {
  html { font-size: 11px; }
  body { padding: 0; max-width: none; font-size: 1rem; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .hint, th button::after { display: none; }
  th button { color: var(--ink); }
  .table-wrap { overflow: visible; }
  tr, .figure { break-inside: avoid; }
  .items li, .drift li { white-space: normal; }
}
`;
