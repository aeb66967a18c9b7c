import { expect } from "chai";
import { reportOf } from "../../cli/report/build";
import { renderCsv } from "../../cli/report/csv";
import type { Declared } from "../../cli/report/declared";
import { renderHtml } from "../../cli/report/html";
import { chartsOf } from "../../cli/report/htmlCharts";
import { summaryOf } from "../../cli/report/summary";
import type { Tenant } from "../../provider/acronis/types";
import type { Tenant as HcpTenant } from "../../provider/hcp/types";
import type { EstateCustomer, EstateHcpTenant } from "../../sdk/estateFile";
import { customerRow, hcpRow, reportItem } from "../support/reportSample";

const GB = 1024 ** 3;
const now = new Date("2026-12-07T00:00:00Z");

const customer = (id: string, name: string): Tenant => ({
  id,
  version: 1,
  name,
  kind: "customer",
  parent_id: "root",
  enabled: true,
  mfa_status: "enabled",
  pricing_mode: "production",
});

/** A file declaring Acme (found) and Gone Co under Reseller North, and the HCP tenants vault (found) and lost. */
const declared: Declared = {
  customers: [
    { path: [], entry: { key: "acme", name: "Acme" } as EstateCustomer, package: "pro" },
    { path: ["Reseller North"], entry: { key: "gone", name: "Gone Co" } as EstateCustomer, package: "basic" },
  ],
  hcpTenants: [
    { entry: { key: "vault", name: "vault" } as EstateHcpTenant, package: "archive" },
    { entry: { key: "lost", name: "lost" } as EstateHcpTenant, package: null },
  ],
};

/** The report of Acme and vault against `declared`. */
const reportAgainstFile = () =>
  reportOf({
    acronis: { customers: [{ tenant: customer("a-1", "Acme"), path: [] }], usages: new Map(), users: [] },
    hcp: [{ name: "vault", tenant: { hardQuota: "10 GB" } as HcpTenant, storageCapacityUsed: GB }],
    declared,
    estateFile: "estate.yaml",
    now,
  });

describe("report summary: usage by package, apart per API", () => {
  it("sums Acronis storage and HCP storage of tenants without a package as two lines, each naming its API", () => {
    const rows = [
      customerRow("Acme", null, [reportItem("storage", "bytes", 5 * GB, 100 * GB)]),
      hcpRow("vault", null, reportItem("storage", "bytes", 9 * GB, 10 * GB)),
    ];
    const summary = summaryOf(rows);
    expect(summary.byPackage).to.deep.equal([
      {
        package: null,
        tenants: 2,
        items: [
          {
            api: "acronis",
            name: "storage",
            unit: "bytes",
            usage: 5 * GB,
            quota: 100 * GB,
            ratio: 0.05,
            state: "within",
            unknown: 0,
          },
          {
            api: "hcp",
            name: "storage",
            unit: "bytes",
            usage: 9 * GB,
            quota: 10 * GB,
            ratio: 0.9,
            state: "near",
            unknown: 0,
          },
        ],
      },
    ]);
    expect(chartsOf(summary)[0]?.bars.map((b) => b.label)).to.deep.equal([
      "Acronis storage: 5 of 100 GB",
      "HCP storage: 9 of 10 GB",
    ]);
  });
});

describe("report: declared tenants not found live", () => {
  it("lists them in the model by API and place, with their package, and counts them in the summary", () => {
    const { report, missing } = reportAgainstFile();
    expect(report.notFound).to.deep.equal([
      { api: "acronis", account: "", path: ["Reseller North"], name: "Gone Co", package: "basic" },
      { api: "hcp", account: "", path: [], name: "lost", package: null },
    ]);
    expect(report.summary.notFound).to.equal(2);
    expect(report.rows.map((r) => r.name)).to.deep.equal(["Acme", "vault"]);
    expect(missing).to.deep.equal(['acronis: customer "Reseller North / Gone Co"', 'hcp: tenant "lost"']);
  });

  it("writes each as a CSV line flagged not-found, and as a row of the page's own section", () => {
    const { report } = reportAgainstFile();
    const lines = renderCsv(report).split("\r\n");
    expect(lines.slice(-3)).to.deep.equal([
      "acronis,,,Gone Co,Reseller North,basic,,,,,not-found,,,,,,,,,,,",
      "hcp,,,lost,,,,,,,not-found,,,,,,,,,,,",
      "",
    ]);
    const html = renderHtml(report);
    expect(html).to.include(
      `<h2 id="not-found-title">Declared, not found <span class="count">(2)</span></h2>`,
    );
    expect(html).to.include(
      `<tr><th scope="row">Gone Co</th><td>Acronis customer</td><td>basic</td><td>Reseller North</td></tr>`,
    );
    expect(html).to.include(`<tr><th scope="row">lost</th><td>HCP tenant</td><td></td><td></td></tr>`);
    expect(html).to.include(
      `<div class="figure tone-over" data-figure="notFound"><dt>Declared, not found</dt><dd>2</dd></div>`,
    );
    const found = reportOf({ declared: { customers: [], hcpTenants: [] }, estateFile: "e.yaml", now });
    expect(renderHtml(found.report)).not.to.include(`id="not-found"`);
  });
});
