import { createHash } from "node:crypto";
import { expect } from "chai";
import * as fc from "fast-check";
import { renderHtml } from "../../cli/report/html";
import { chartsOf } from "../../cli/report/htmlCharts";
import { itemText } from "../../cli/report/htmlTable";
import { escapeHtml, scriptJson } from "../../cli/report/htmlText";
import type { Report, ReportItem, ReportRow } from "../../cli/report/model";
import { customerRow, hostileName, reportItem, sampleReport, summaryOf } from "../support/reportSample";

const GB = 1024 ** 3;

/** The page without its scripts' contents, which the browser does not parse as markup. */
const markupOf = (html: string) => html.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, "$1$2");

const tagPattern = /<!DOCTYPE html>|<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/gi;

/** Every tag of the markup with its attributes' names (not values): the page's structure. */
function skeleton(html: string): string[] {
  return [...markupOf(html).matchAll(tagPattern)].map(([tag, close, name, attributes]) =>
    name === undefined
      ? tag
      : `${close}${name}${[...(attributes ?? "").replace(/="[^"]*"/g, "").matchAll(/\s+([a-z-]+)/g)].map((a) => ` ${a[1]}`).join("")}`,
  );
}

/** The text between tags: user data only, so never a `<` or `>`. */
const textOutsideTags = (html: string) => markupOf(html).replace(tagPattern, "");

/** Flags the page gives a class or badge of its own; any other flag is text. */
const knownFlags = [
  "over-quota",
  "near-quota",
  "trial-ending",
  "two-factor-off",
  "disabled",
  "unknown",
  "drift",
  "undeclared",
];

/** The same report with every text replaced by `x` (kinds, states and known flags kept): the same page's shape. */
function plain<T>(value: T, key = ""): T {
  if (typeof value === "string") {
    const kept = key === "api" || key === "state" || (key === "flags" && knownFlags.includes(value));
    return (kept ? value : "x") as T;
  }
  if (Array.isArray(value)) return value.map((v) => plain(v, key)) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, k)])) as T;
  return value;
}

const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom(
        "</script>",
        "</SCRIPT ",
        "<!--",
        "-->",
        "<b>x",
        `"'><img src=x onerror=alert(1)>`,
        "&amp;",
      ),
      fc.constantFrom("\u2028", "]]>", "<![CDATA[", "</td></tr><tr><td>", "</style>"),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(""));

const arbitraryItem: fc.Arbitrary<ReportItem> = fc.record({
  name: hostileText,
  unit: fc.oneof(fc.constantFrom("bytes", "quantity", "seconds"), hostileText),
  usage: fc.option(fc.nat()),
  quota: fc.option(fc.nat()),
  overage: fc.option(fc.nat()),
  ratio: fc.option(fc.double({ min: 0, max: 5, noNaN: true })),
  state: fc.constantFrom("over", "near", "within", "unlimited", "unknown"),
  unknown: fc.subarray(["usage", "quota"] as ("usage" | "quota")[]),
  usageText: hostileText,
  quotaText: hostileText,
});

const arbitraryRow: fc.Arbitrary<ReportRow> = fc.record({
  api: fc.constantFrom("acronis", "hcp"),
  account: hostileText,
  id: hostileText,
  name: hostileText,
  path: fc.array(hostileText, { maxLength: 3 }),
  package: fc.option(hostileText),
  enabled: fc.boolean(),
  twoFactor: fc.option(fc.boolean()),
  pricingMode: fc.option(hostileText),
  trialEnds: fc.option(fc.oneof(hostileText, fc.constant("2026-12-20T00:00:00Z"))),
  items: fc.array(arbitraryItem, { maxLength: 3 }),
  highestRatio: fc.option(fc.double({ min: 0, max: 5, noNaN: true })),
  unknown: fc.array(fc.oneof(fc.constantFrom("twoFactor", "trialEnds"), hostileText), { maxLength: 2 }),
  flags: fc.array(fc.oneof(fc.constantFrom("over-quota", "drift", "unknown"), hostileText), { maxLength: 3 }),
  drift: fc.array(fc.record({ property: hostileText, declared: fc.jsonValue(), live: fc.jsonValue() }), {
    maxLength: 2,
  }),
});

const arbitraryReport: fc.Arbitrary<Report> = fc
  .record({
    generatedAt: hostileText,
    estateFile: fc.option(hostileText),
    usageSince: fc.option(hostileText),
    rows: fc.array(arbitraryRow, { maxLength: 6 }),
    notFound: fc.array(
      fc.record({
        api: fc.constantFrom("acronis", "hcp"),
        account: hostileText,
        path: fc.array(hostileText, { maxLength: 2 }),
        name: hostileText,
        package: fc.option(hostileText),
      }),
      { maxLength: 2 },
    ),
  })
  .map((r) => ({ ...r, summary: summaryOf(r.rows, r.notFound.length) }));

describe("the report's HTML", () => {
  const report = sampleReport();
  const html = renderHtml(report);

  it("escapes text for element content and quoted attributes, and JSON for a script block", () => {
    expect(escapeHtml(`<b class="a">Tom & Jerry's</b>`)).to.equal(
      "&lt;b class=&quot;a&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;",
    );
    expect(scriptJson({ name: "</script><!--\u2028" })).to.equal(
      '{"name":"\\u003c/script\\u003e\\u003c!--\\u2028"}',
    );
  });

  it("shows bytes in GB and TB as the portal counts them (1 GB = 1024³ bytes), and items against their quota", () => {
    expect(itemText(reportItem("storage", "bytes", 5.5 * 1024 * GB, 5 * 1024 * GB))).to.equal(
      "storage: 5.50 TB of 5.00 TB (110 %)",
    );
    expect(itemText({ ...reportItem("workstations", "quantity", 3, null) })).to.equal(
      "workstations: 3, no quota",
    );
  });

  it("forbids every fetch and allows exactly its own scripts and stylesheet, by hash", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? "";
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]!));
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]!));
    expect(csp.replaceAll("&#39;", "'")).to.equal(
      `default-src 'none'; script-src ${scripts.join(" ")}; style-src ${styles.join(" ")}; img-src data:; base-uri 'none'; form-action 'none'`,
    );
    expect(scripts).to.have.length(2);
  });

  it("has one row per tenant, over-quota rows with their class and badge, and a canvas per package", () => {
    expect(html.match(/<tr data-index=/g)).to.have.length(report.rows.length);
    expect(html).to.include(
      `<tr data-index="1" class="over"><td data-sort="Beta Law"><span class="tenant-name">Beta Law</span>`,
    );
    expect(html).to.include(`<span class="badge flag-over-quota">over quota</span>`);
    expect(html).to.include(
      `<div class="figure tone-over" data-figure="overQuota"><dt>Over quota</dt><dd>1</dd></div>`,
    );
    expect(html.match(/<canvas id="chart-\d+"/g)).to.have.length(3);
    expect(html).to.include(`<span class="tenant-name">${escapeHtml(hostileName)}</span>`);
  });

  it("charts each package's items as a share of the summed quota, bytes in GB, each named with its API", () => {
    expect(chartsOf(report.summary)).to.deep.equal([
      {
        title: "backup-basic (4 tenants)",
        bars: [
          { label: "Acronis storage: 560 of 4,096 GB", percent: 13.7, state: "within" },
          { label: "Acronis workstations: 12 of 40", percent: 30, state: "within" },
        ],
      },
      {
        title: "backup-pro (5 tenants)",
        bars: [
          { label: "Acronis servers: 3, no quota", percent: null, state: "unlimited" },
          { label: "Acronis storage: 10,752 of 25,600 GB", percent: 42, state: "within" },
          { label: "Acronis workstations: 53 of 100", percent: 53, state: "within" },
        ],
      },
      {
        title: "hcp-archive (3 tenants)",
        bars: [{ label: "HCP storage: 547.5 of 1,100 GB", percent: 49.8, state: "within" }],
      },
    ]);
  });

  it("takes each row's and package's state from the model: flags, highest ratio, totals' state and share", () => {
    const over = reportItem("workstations", "quantity", 12, 10);
    const row = customerRow("Kept Co", "pro", [over], { flags: [], highestRatio: 0.5 });
    const summary = summaryOf([row]);
    const pkg = summary.byPackage[0]!;
    const item = { ...pkg.items[0]!, ratio: 0.95, state: "near" as const };
    const page = renderHtml({
      ...sampleReport(),
      rows: [row],
      summary: { ...summary, byPackage: [{ ...pkg, items: [item] }] },
    });
    expect(page).to.include(`<tr data-index="0"><td data-sort="Kept Co">`);
    expect(page).not.to.include("badge flag-over-quota");
    expect(page).to.include(`<td class="number" data-sort="0.5">50 %</td>`);
    expect(page).to.include(
      `<li class="state-near"><span class="item-name">Acronis workstations</span> 12 of 10 (95 %)</li>`,
    );
    expect(chartsOf({ ...summary, byPackage: [{ ...pkg, items: [item] }] })[0]?.bars).to.deep.equal([
      { label: "Acronis workstations: 12 of 10", percent: 95, state: "near" },
    ]);
  });

  it("never lets a tenant's texts make markup: arbitrary texts give the page of the same report with plain ones", () => {
    fc.assert(
      fc.property(arbitraryReport, (arbitrary) => {
        const page = renderHtml(arbitrary);
        expect(skeleton(page)).to.deep.equal(skeleton(renderHtml(plain(arbitrary))));
        expect(textOutsideTags(page)).not.to.match(/[<>]/);
        expect(page.match(/<\/script/gi)).to.have.length(3);
        expect(page).not.to.include("<!--");
        const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(page)?.[1];
        expect(JSON.parse(data ?? "")).to.deep.equal({ charts: chartsOf(arbitrary.summary) });
      }),
      { numRuns: 150 },
    );
  });
});
