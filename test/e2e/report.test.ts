import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import type { Report } from "../../cli/report/model";
import type { RunningEmulators } from "../../emulator";
import type { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import type { TestStack } from "../support/engine";
import {
  acronisReads,
  estate,
  requestCount,
  runReport,
  shapeOf,
  total,
  useReportEstate,
} from "../support/reportEstate";

const GB = 1024 ** 3;
const dayMs = 86_400_000;

describe("end to end on the real engine: the usage and quota report's data, as JSON and CSV", function () {
  this.timeout(600_000);
  const fixture = useReportEstate("report");
  let emulators: RunningEmulators;
  let stack: TestStack;
  let api: AcronisApi;
  before(() => {
    ({ emulators, stack, api } = fixture);
  });
  const estateFile = () => path.join(stack.workDir, "estate.yaml");
  const report = (...args: string[]) => runReport(fixture, ...args);

  it("reports each tenant's package, usage against quota, flags and drift as JSON, with reads only and one usage call", async () => {
    const writesBefore = await apiWrites(emulators);
    const from = await requestCount(emulators);
    const result = await report("--format", "json", estateFile());
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.equal("");
    const reads = await acronisReads(emulators, from);
    expect(await apiWrites(emulators)).to.deep.equal(writesBefore);
    // The API client's tenant, the subtree in one page, one usage call for 4 customers (≤ 1 + ⌈4/100⌉), the users.
    expect(reads.map((r) => r.replace(/\?.*$/, ""))).to.deep.equal([
      `GET /api/2/clients/${emulators.acronis.clientId}`,
      "GET /api/2/tenants",
      "GET /api/2/tenants/usages",
      "GET /api/2/users",
    ]);
    const parsed = JSON.parse(result.stdout) as Report;
    expect(parsed.estateFile).to.equal(estateFile());
    expect(parsed.rows.map(shapeOf)).to.deep.equal([
      {
        name: "Near Co",
        path: [],
        package: "backup-pro",
        items: [
          ["storage", 10 * GB, 100 * GB, "within", "10.00 GB", "100.00 GB"],
          ["workstations", 18, 20, "near", "18", "20"],
        ],
        flags: ["near-quota"],
        drift: [],
      },
      {
        name: "Over Co",
        path: [],
        package: "backup-basic",
        items: [
          ["storage", 5 * GB, 100 * GB, "within", "5.00 GB", "100.00 GB"],
          ["workstations", 11, 10, "over", "11", "10"],
        ],
        flags: ["over-quota", "two-factor-off"],
        drift: [],
      },
      {
        name: "Stray Co",
        path: [],
        package: null,
        items: [],
        flags: ["two-factor-off", "undeclared"],
        drift: [],
      },
      {
        name: "Within Co",
        path: [],
        package: "backup-pro",
        items: [
          ["storage", 1 * GB, 100 * GB, "within", "1.00 GB", "100.00 GB"],
          ["workstations", 2, 20, "within", "2", "20"],
        ],
        flags: ["drift"],
        drift: [{ property: "language", declared: "en", live: "de" }],
      },
      {
        name: "vault",
        path: [],
        package: "archive",
        items: [["storage", 9.5 * GB, 10 * GB, "near", "9.50 GB", "10.00 GB"]],
        flags: ["near-quota"],
        drift: [],
      },
    ]);
    // Customers start in trial: the report's end is the pricing's, flagged when it is 30 days away or less.
    const generatedAt = Date.parse(parsed.generatedAt);
    for (const row of parsed.rows.filter((r) => r.pricingMode === "trial")) {
      const pricing = (await api.get(`/tenants/${row.id}/pricing`)).body;
      expect(row.trialEnds).to.equal(pricing.production_start_date);
      const soon = Date.parse(pricing.production_start_date) - generatedAt <= 30 * dayMs;
      expect(row.flags.includes("trial-ending")).to.equal(soon);
    }
    expect(parsed.rows.filter((r) => r.pricingMode === "trial").map((r) => r.name)).to.deep.equal([
      "Over Co",
      "Stray Co",
    ]);
    const trialsEnding = parsed.rows.filter((r) => r.flags.includes("trial-ending")).length;
    expect(parsed.summary).to.deep.equal({
      customers: 4,
      hcpTenants: 1,
      overQuota: 1,
      nearQuota: 2,
      trialsEndingSoon: trialsEnding,
      twoFactorOff: 2,
      disabled: 0,
      drifted: 1,
      unknown: 0,
      notFound: 0,
      byPackage: [
        {
          package: "archive",
          tenants: 1,
          items: [total("hcp", "storage", "bytes", 9.5 * GB, 10 * GB, "near")],
        },
        {
          package: "backup-basic",
          tenants: 1,
          items: [
            total("acronis", "storage", "bytes", 5 * GB, 100 * GB, "within"),
            total("acronis", "workstations", "quantity", 11, 10, "over"),
          ],
        },
        {
          package: "backup-pro",
          tenants: 2,
          items: [
            total("acronis", "storage", "bytes", 11 * GB, 200 * GB, "within"),
            total("acronis", "workstations", "quantity", 20, 40, "within"),
          ],
        },
        { package: null, tenants: 1, items: [] },
      ],
    });
  });

  it("writes the same rows as CSV, one line per tenant and item", async () => {
    const result = await report("--format", "csv", "--acronis", estateFile());
    expect(result.status, result.stderr).to.equal(0);
    const lines = result.stdout.split("\r\n");
    expect(lines[0]).to.equal(
      "api,account,id,name,path,package,enabled,twoFactor,pricingMode,trialEnds,flags,drift,item,unit,usage,quota,overage,ratio,state,usageText,quotaText,unknown",
    );
    const columns = (line: string) =>
      line.split(",").filter((_, i) => [3, 5, 11, 12, 14, 15, 18].includes(i));
    expect(lines.slice(1).map(columns)).to.deep.equal([
      ["Near Co", "backup-pro", "", "storage", String(10 * GB), String(100 * GB), "within"],
      ["Near Co", "backup-pro", "", "workstations", "18", "20", "near"],
      ["Over Co", "backup-basic", "", "storage", String(5 * GB), String(100 * GB), "within"],
      ["Over Co", "backup-basic", "", "workstations", "11", "10", "over"],
      ["Stray Co", "", "", "", "", "", ""],
      ["Within Co", "backup-pro", "language", "storage", String(GB), String(100 * GB), "within"],
      ["Within Co", "backup-pro", "language", "workstations", "2", "20", "within"],
      [],
    ]);
  });

  it("without a file, keeps each API's storage apart in the line of the tenants with no package", async () => {
    const result = await report("--format", "json");
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.equal("");
    const parsed = JSON.parse(result.stdout) as Report;
    expect(parsed.notFound).to.deep.equal([]);
    expect(parsed.summary.byPackage).to.deep.equal([
      {
        package: null,
        tenants: 5,
        items: [
          total("acronis", "storage", "bytes", 16 * GB, 300 * GB, "within"),
          total("acronis", "workstations", "quantity", 31, 50, "within"),
          total("hcp", "storage", "bytes", 9.5 * GB, 10 * GB, "near"),
        ],
      },
    ]);
    const html = (await report("--format", "html")).stdout;
    expect(html).to.include(
      `<li class="state-within"><span class="item-name">Acronis storage</span> 16.00 GB of 300.00 GB (5.3 %)</li>`,
    );
    expect(html).to.include(
      `<li class="state-near"><span class="item-name">HCP storage</span> 9.50 GB of 10.00 GB (95 %)</li>`,
    );
  });

  it("names a declared tenant it cannot find, and refuses a bad format with the usage", async () => {
    const gone = path.join(stack.workDir, "gone.yaml");
    const customers = [...(estate.acronis?.customers ?? []), { key: "gone-co", name: "Gone Co" }];
    writeFileSync(gone, stringify({ ...estate, acronis: { ...estate.acronis, customers } }));
    const result = await report("--format", "json", "--acronis", gone);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.equal('declared in the file, not found live: acronis: customer "Gone Co"\n');
    const parsed = JSON.parse(result.stdout) as Report;
    expect(parsed.notFound).to.deep.equal([
      { api: "acronis", account: "", path: [], name: "Gone Co", package: "backup-basic" },
    ]);
    expect(parsed.summary.notFound).to.equal(1);
    const csv = await report("--format", "csv", "--acronis", gone);
    expect(csv.stdout.split("\r\n").slice(-2)).to.deep.equal([
      "acronis,,,Gone Co,,backup-basic,,,,,not-found,,,,,,,,,,,",
      "",
    ]);
    const html = await report("--format", "html", "--acronis", gone);
    expect(html.stdout).to.include(
      `<tr><th scope="row">Gone Co</th><td>Acronis customer</td><td>backup-basic</td><td></td></tr>`,
    );
    const bad = await report("--format", "pdf");
    expect(bad.status).to.equal(2);
    expect(bad.stderr.split("\n")[0]).to.equal(
      'tenant-estates report: --format must be html, csv or json, got "pdf"',
    );
  });
});
