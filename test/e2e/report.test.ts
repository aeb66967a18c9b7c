import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { stringify } from "yaml";
import type { Report, ReportRow } from "../../cli/report/model";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { launchChromium } from "../../scripts/chromium";
import type { Estate } from "../../sdk/estateFile";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import { repoRoot, TestStack } from "../support/engine";
import { runWithEmulators } from "../support/exportCli";
import { HcpApi } from "../support/hcpApi";
import { reportHtmlFile } from "../support/reportArtifacts";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

const cli = path.join(repoRoot, "node_modules", "tenant-estates", "dist", "cli", "main.js");
const GB = 1024 ** 3;
const dayMs = 86_400_000;

/** Two packages (backup-pro extends backup-basic), a default package, and one HCP package. */
const estate: Estate = {
  packages: {
    "backup-basic": {
      language: "en",
      offeringItems: [
        { name: "workstations", quota: { value: 10 } },
        { name: "storage", quota: { value: 100 * GB } },
      ],
    },
    "backup-pro": {
      package: "backup-basic",
      pricingMode: "production",
      twoFactor: true,
      offeringItems: [{ name: "workstations", quota: { value: 20 } }],
    },
  },
  acronis: {
    defaultPackage: "backup-basic",
    customers: [
      { key: "over-co", name: "Over Co" },
      { key: "near-co", name: "Near Co", package: "backup-pro" },
      { key: "within-co", name: "Within Co", package: "backup-pro" },
    ],
  },
  hcp: {
    packages: { archive: { hardQuota: "10 GB", softQuota: 85 } },
    tenants: [{ key: "vault", name: "vault", package: "archive", initialUser: { name: "security" } }],
  },
} as unknown as Estate;

/** The report's request log entries of the Acronis API since `from`, without the token requests. */
async function acronisReads(emulators: RunningEmulators, from: number): Promise<string[]> {
  const log = (await (await fetch(new URL("/_emulator/requests", emulators.acronis.baseUrl))).json()) as {
    items: { method: string; path: string }[];
  };
  return log.items
    .slice(from)
    .filter((e) => !e.path.endsWith("/idp/token") && !e.path.startsWith("/_emulator"))
    .map((e) => `${e.method} ${e.path}`);
}

const requestCount = async (emulators: RunningEmulators) =>
  (
    (await (await fetch(new URL("/_emulator/requests", emulators.acronis.baseUrl))).json()) as {
      items: unknown[];
    }
  ).items.length;

/** A package's total of one item, as the summary gives it when every tenant's figures are known. */
const total = (api: string, name: string, unit: string, usage: number, quota: number, state: string) => ({
  api,
  name,
  unit,
  usage,
  quota,
  ratio: usage / quota,
  state,
  unknown: 0,
});

/** A row as the assertions read it: place, package, each item's figures and state, flags and drift. */
const shapeOf = (row: ReportRow) => ({
  name: row.name,
  path: row.path,
  package: row.package,
  items: row.items.map((i) => [i.name, i.usage, i.quota, i.state, i.usageText, i.quotaText]),
  flags: row.flags.filter((f) => f !== "trial-ending"),
  drift: row.drift,
});

describe("end to end on the real engine: the usage and quota report", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let api: AcronisApi;
  const ids: Record<string, string> = {};
  const estateFile = () => path.join(stack.workDir, "estate.yaml");
  const report = (...args: string[]) =>
    runWithEmulators(emulators, process.execPath, [cli, "report", ...args]);
  /** Sets the usage of the tenant's enabled workstations and storage (storage named with its infrastructure). */
  const setUsage = async (id: string, workstations: number, storage: number) => {
    const usages = (await api.get(`/tenants/${id}/usages`)).body.items as Record<string, unknown>[];
    const enabled = (name: string) =>
      usages.find((u) => u.name === name && (u.offering_item as { status: number }).status === 1);
    const item = (name: string, value: number) => ({
      name,
      application_id: enabled(name)?.application_id,
      infra_id: enabled(name)?.infra_id,
      value,
    });
    const answer = await api.put(`/_emulator/tenants/${id}/usages`, {
      items: [item("workstations", workstations), item("storage", storage)],
    });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
  };

  before(async () => {
    emulators = await startEmulators();
    api = new AcronisApi(emulators.acronis);
    stack = await TestStack.create("report", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: "Report-pass-42", secret: true },
    });
    writeFileSync(estateFile(), stringify(estate));
    await stack.mustRun(["config", "set", "estateFile", estateFile()]);
    await stack.up();
    const children = (await api.get(`/tenants/${emulators.acronis.partnerTenantId}/children`)).body
      .items as string[];
    for (const id of children) ids[(await api.get(`/tenants/${id}`)).body.name] = id;
    // One customer over its quota of 10, one at 90 % of its 20, one well within; storage within for all.
    await setUsage(ids["Over Co"], 11, 5 * GB);
    await setUsage(ids["Near Co"], 18, 10 * GB);
    await setUsage(ids["Within Co"], 2, 1 * GB);
    // Drift made outside Pulumi: Within Co's language; a customer the file does not name.
    const within = (await api.get(`/tenants/${ids["Within Co"]}`)).body;
    expect(
      (await api.put(`/tenants/${within.id}`, { version: within.version, language: "de" })).status,
    ).to.equal(200);
    const stray = await api.post("/tenants", {
      name: "Stray Co",
      kind: "customer",
      parent_id: emulators.acronis.partnerTenantId,
    });
    ids["Stray Co"] = stray.body.id;
    // The HCP tenant's namespaces hold 9.5 of its 10 GB: near its quota.
    await new HcpApi(emulators.hcp).control("POST", "/_emulator/namespaces", {
      tenant: "vault",
      name: "backups",
      storageCapacityUsed: 9.5 * GB,
    });
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

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

  it("writes the same rows as CSV, one line per tenant and item, and the HTML page to a file", async () => {
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
    mkdirSync(path.dirname(reportHtmlFile), { recursive: true });
    const html = await report("--format", "html", "--out", reportHtmlFile, estateFile());
    expect(html.status, html.stderr).to.equal(0);
    expect(html.stdout).to.equal("");
    expect(readFileSync(reportHtmlFile, "utf8")).to.contain("Within Co");
  });

  it("the HTML it wrote shows a person the summary, one row per tenant, the over-quota row flagged and the charts drawn", async () => {
    const json = JSON.parse((await report("--format", "json", estateFile())).stdout) as Report;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(reportHtmlFile).href, { waitUntil: "load" });
      await page.waitForSelector("body[data-charts-drawn]", { timeout: 20_000 });
      const figures = await page.$$eval(".figure", (all) =>
        all.map((f) => `${f.querySelector("dt")?.textContent}: ${f.querySelector("dd")?.textContent}`),
      );
      expect(figures).to.deep.equal([
        "Customers: 4",
        "HCP tenants: 1",
        "Over quota: 1",
        "Near quota (≥ 90 %): 2",
        `Trials ending within 30 days: ${json.summary.trialsEndingSoon}`,
        "Two-factor off: 2",
        "Disabled: 0",
        "Drifted: 1",
        "Data unknown: 0",
        "Declared, not found: 0",
      ]);
      expect(
        await page.$$eval("#tenants tbody tr .tenant-name", (cells) => cells.map((c) => c.textContent)),
      ).to.deep.equal(["Near Co", "Over Co", "Stray Co", "Within Co", "vault"]);
      expect(
        await page.$$eval("#tenants tbody tr.over", (rows) =>
          rows.map((r) => [
            r.querySelector(".tenant-name")?.textContent,
            [...r.querySelectorAll(".badge")].map((b) => b.textContent).includes("over quota"),
          ]),
        ),
      ).to.deep.equal([["Over Co", true]]);
      // One chart per package with items (the undeclared customer's has none), each with painted pixels.
      const painted = await page.$$eval(".chart canvas", (canvases) =>
        canvases.map((c) => {
          const canvas = c as unknown as {
            width: number;
            height: number;
            getContext(kind: "2d"): {
              getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
            };
          };
          const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
          let count = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
          return count;
        }),
      );
      expect(painted).to.have.length(3);
      for (const pixels of painted) expect(pixels).to.be.greaterThan(1000);
    } finally {
      await browser.close();
    }
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
