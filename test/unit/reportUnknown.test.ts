import { expect } from "chai";
import { reportOf } from "../../cli/report/build";
import { renderCsv } from "../../cli/report/csv";
import { renderHtml } from "../../cli/report/html";
import { packageItemText } from "../../cli/report/htmlSummary";
import { itemText } from "../../cli/report/htmlTable";
import { reportItem } from "../../cli/report/items";
import { acronisRow, noDeclaration } from "../../cli/report/rows";
import type { Tenant, UsageItem } from "../../provider/acronis/types";
import type { Tenant as HcpTenant } from "../../provider/hcp/types";

const GB = 1024 ** 3;
const now = new Date("2026-12-07T00:00:00Z");

/** A customer in trial whose answer gives neither its two-factor status nor its trial's end. */
const silentTrial: Tenant = {
  id: "t-1",
  version: 1,
  name: "Quiet Co",
  kind: "customer",
  parent_id: "p",
  enabled: true,
  pricing_mode: "trial",
};

/** An enabled item whose usage answer has no value. */
const valueless = {
  application_id: "app",
  name: "workstations",
  usage_name: "workstations",
  type: "infra",
  measurement_unit: "quantity",
  range_start: "2026-12-01T00:00:00Z",
  offering_item: { status: 1, quota: { value: 10, overage: 0, version: 1 } },
} as unknown as UsageItem;

/** HCP tenants: one whose quota is no size, one whose statistics leave storage out. */
const hcpReport = () =>
  reportOf({
    hcp: [
      { name: "odd", tenant: { hardQuota: "lots" } as HcpTenant, storageCapacityUsed: 2 * GB },
      { name: "quiet", tenant: { hardQuota: "10 GB" } as HcpTenant, storageCapacityUsed: undefined },
    ],
    estateFile: null,
    now,
  }).report;

describe("report: what the APIs did not answer is unknown, not a default", () => {
  it("gives an item with no usage or no quota the state unknown, its figure null and its text unknown", () => {
    expect(reportItem("storage", "bytes", 5 * GB, undefined, null)).to.deep.equal({
      name: "storage",
      unit: "bytes",
      usage: 5 * GB,
      quota: null,
      overage: null,
      ratio: null,
      state: "unknown",
      unknown: ["quota"],
      usageText: "5.00 GB",
      quotaText: "unknown",
    });
    const noUsage = reportItem("storage", "bytes", undefined, 10 * GB, null);
    expect([noUsage.usage, noUsage.state, noUsage.usageText, noUsage.unknown]).to.deep.equal([
      null,
      "unknown",
      "unknown",
      ["usage"],
    ]);
    expect(itemText(noUsage)).to.equal("storage: unknown of 10.00 GB");
    expect(itemText(reportItem("storage", "bytes", GB, undefined, null))).to.equal(
      "storage: 1.00 GB of unknown",
    );
  });

  it("names an absent mfa_status, trial end and usage answer, flags the row unknown, and never two-factor-off", () => {
    const row = acronisRow(silentTrial, [], undefined, noDeclaration, now);
    expect([row.twoFactor, row.trialEnds, row.items]).to.deep.equal([null, null, []]);
    expect(row.unknown).to.deep.equal(["twoFactor", "trialEnds", "usages"]);
    expect(row.flags).to.deep.equal(["unknown"]);
    // A null status is no status, as the provider reads it.
    const nullStatus = acronisRow({ ...silentTrial, mfa_status: null } as never, [], [], noDeclaration, now);
    expect([nullStatus.twoFactor, nullStatus.unknown]).to.deep.equal([null, ["twoFactor", "trialEnds"]]);
    const withItem = acronisRow(
      { ...silentTrial, mfa_status: "disabled" },
      [],
      [valueless],
      noDeclaration,
      now,
    );
    expect(withItem.unknown).to.deep.equal(["trialEnds", "workstations.usage"]);
    expect(withItem.flags).to.deep.equal(["two-factor-off", "unknown"]);
    expect(withItem.items.map((i) => [i.name, i.usage, i.quota, i.state])).to.deep.equal([
      ["workstations", null, 10, "unknown"],
    ]);
  });

  it("shows an unreadable HCP quota and missing statistics as unknown, counted apart and left out of the sums", () => {
    const report = hcpReport();
    expect(
      report.rows.map((r) => [r.name, r.items[0]?.state, r.items[0]?.quotaText, r.items[0]?.usageText]),
    ).to.deep.equal([
      ["odd", "unknown", "unknown", "2.00 GB"],
      ["quiet", "unknown", "10.00 GB", "unknown"],
    ]);
    expect(report.rows.map((r) => r.unknown)).to.deep.equal([["storage.quota"], ["storage.usage"]]);
    expect(report.summary.unknown).to.equal(2);
    const total = report.summary.byPackage[0]?.items[0];
    expect(total).to.deep.equal({
      api: "hcp",
      name: "storage",
      unit: "bytes",
      usage: 0,
      quota: 0,
      ratio: null,
      state: "unknown",
      unknown: 2,
    });
    // Nothing known: the total is unknown, not "0 of 0".
    expect(packageItemText(total!)).to.equal("unknown (2 not summed)");
    expect(packageItemText({ ...total!, usage: GB, quota: 10 * GB, ratio: 0.1, state: "within" })).to.equal(
      "1.00 GB of 10.00 GB (10 %); 2 unknown, not summed",
    );
  });

  it("writes unknown in the CSV's state, text and unknown columns, and on the page", () => {
    const report = hcpReport();
    expect(renderCsv(report).split("\r\n").slice(1, 3)).to.deep.equal([
      "hcp,,odd,odd,,,true,,,,unknown,,storage,bytes,2147483648,,,,unknown,2.00 GB,unknown,storage.quota",
      "hcp,,quiet,quiet,,,true,,,,unknown,,storage,bytes,,10737418240,,,unknown,unknown,10.00 GB,storage.usage",
    ]);
    const html = renderHtml(report);
    expect(html).to.include(`<li class="state-unknown">storage: 2.00 GB of unknown</li>`);
    expect(html).to.include(`<span class="badge flag-unknown">unknown: storage.usage</span>`);
    expect(html).to.include(
      `<div class="figure tone-near" data-figure="unknown"><dt>Data unknown</dt><dd>2</dd></div>`,
    );
    const trial = reportOf({
      acronis: { customers: [{ tenant: silentTrial, path: [] }], usages: new Map(), users: [] },
      estateFile: null,
      now,
    }).report;
    expect(html).not.to.include("two-factor off");
    expect(renderHtml(trial)).to.match(/<td data-sort="">unknown<\/td>/);
    expect(renderCsv(trial).split("\r\n")[1]).to.equal(
      "acronis,,t-1,Quiet Co,,,true,,trial,,unknown,,,,,,,,,,,twoFactor;trialEnds;usages",
    );
  });
});
