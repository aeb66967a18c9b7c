/** A small SVG line chart (seconds against customers), so the repository keeps its figure as an image. */
export interface Series {
  label: string;
  colour: string;
  points: [number, number][];
}

export function lineChart(title: string, xLabel: string, yLabel: string, series: Series[]): string {
  const width = 720;
  const height = 420;
  const margin = { left: 70, right: 190, top: 50, bottom: 60 };
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y));
  const xMax = Math.max(...xs);
  const yMax = niceCeiling(Math.max(...ys));
  const px = (x: number) => margin.left + (x / xMax) * (width - margin.left - margin.right);
  const py = (y: number) => height - margin.bottom - (y / yMax) * (height - margin.top - margin.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2 - margin.right / 2}" y="24" text-anchor="middle" font-size="15">${escapeXml(title)}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const y = (yMax / 5) * i;
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>`,
    );
    parts.push(`<text x="${margin.left - 8}" y="${py(y) + 4}" text-anchor="end">${round(y)}</text>`);
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    parts.push(`<text x="${px(x)}" y="${height - margin.bottom + 18}" text-anchor="middle">${x}</text>`);
  }
  parts.push(
    `<line x1="${margin.left}" x2="${width - margin.right}" y1="${py(0)}" y2="${py(0)}" stroke="black"/>`,
  );
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left}" y1="${py(0)}" y2="${margin.top}" stroke="black"/>`,
  );
  parts.push(
    `<text x="${(margin.left + width - margin.right) / 2}" y="${height - 18}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(18 ${height / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const path = s.points
      .map(([x, y], j) => `${j === 0 ? "M" : "L"}${px(x).toFixed(1)},${py(y).toFixed(1)}`)
      .join(" ");
    parts.push(`<path d="${path}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    for (const [x, y] of s.points)
      parts.push(`<circle cx="${px(x)}" cy="${py(y)}" r="3" fill="${s.colour}"/>`);
    const ly = margin.top + 10 + i * 22;
    parts.push(
      `<line x1="${width - margin.right + 15}" x2="${width - margin.right + 40}" y1="${ly}" y2="${ly}" stroke="${s.colour}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${width - margin.right + 46}" y="${ly + 4}">${escapeXml(s.label)}</text>`);
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

function niceCeiling(value: number): number {
  const step = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return Math.ceil(value / step) * step;
}

const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
