/**
 * The page's own script, run in the browser after Chart.js: sorts the tenants table on a header's click and
 * draws one chart per package from the embedded data. Plain JavaScript, so the page needs no build step.
 */
export const reportScript = `
"use strict";
(() => {
  const colours = { over: "#b42318", near: "#c27c00", within: "#1a7f37", unlimited: "#8c959f", unknown: "#8c959f" };
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  // Sorting: the first click sorts ascending, the next reverses; ties keep the report's order.
  const table = document.getElementById("tenants");
  const headers = Array.from(table.tHead.rows[0].cells);
  const sortKey = (row, column, numeric) => {
    const cell = row.cells[column];
    const raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (!numeric) return raw;
    return raw === "" ? Number.NEGATIVE_INFINITY : Number(raw);
  };
  const compare = (x, y, numeric) => (numeric ? (x < y ? -1 : x > y ? 1 : 0) : collator.compare(x, y));
  const sortBy = (column) => {
    const header = headers[column];
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    const numeric = header.dataset.type === "number";
    const body = table.tBodies[0];
    const rows = Array.from(body.rows).map((row) => ({ row, key: sortKey(row, column, numeric), index: Number(row.dataset.index) }));
    rows.sort((a, b) => (ascending ? 1 : -1) * compare(a.key, b.key, numeric) || a.index - b.index);
    for (const { row } of rows) body.appendChild(row);
    for (const other of headers) if (other.hasAttribute("aria-sort")) other.setAttribute("aria-sort", "none");
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  };
  for (const button of table.querySelectorAll("th button")) {
    button.addEventListener("click", () => sortBy(Number(button.dataset.column)));
  }

  // Charts: one per package, each bar an item's usage in percent of its quota, the quota a dashed line.
  const data = JSON.parse(document.getElementById("report-data").textContent);
  if (typeof Chart === "undefined") return;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#1f2328";
  const quotaLine = {
    id: "quotaLine",
    afterDatasetsDraw(chart) {
      const x = chart.scales.x.getPixelForValue(100);
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = "#1f2328";
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
  let drawn = 0;
  data.charts.forEach((chart, i) => {
    const canvas = document.getElementById("chart-" + i);
    canvas.parentElement.style.height = 70 + chart.bars.length * 34 + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        // Two lines, the item's name above its figures, so a long name fits beside a narrow chart.
        labels: chart.bars.map((bar) => bar.label.split(": ")),
        datasets: [{
          label: "usage, % of quota",
          data: chart.bars.map((bar) => bar.percent),
          backgroundColor: chart.bars.map((bar) => colours[bar.state] || colours.within),
          barThickness: 18,
        }],
      },
      options: {
        indexAxis: "y",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => item.raw === null ? "no quota" : item.raw + " % of quota" } },
        },
        scales: {
          x: { min: 0, suggestedMax: 110, title: { display: true, text: "% of quota used" } },
          y: { ticks: { autoSkip: false } },
        },
      },
      plugins: [quotaLine],
    });
    drawn += 1;
  });
  document.body.dataset.chartsDrawn = String(drawn);
})();
`;
