import { expect } from "chai";
import fc from "fast-check";
import { quotaState, reportItem, valueText } from "../../cli/report/items";
import { acronisRow, hcpRow, noDeclaration } from "../../cli/report/rows";
import { summaryOf } from "../../cli/report/summary";
import type { Tenant, UsageItem } from "../../provider/acronis/types";

const GB = 1024 ** 3;
const now = new Date("2026-12-07T00:00:00Z");

function usage(
  name: string,
  unit: string,
  value: number,
  quota?: number | null,
  overage?: number,
): UsageItem {
  return {
    application_id: "app",
    name,
    edition: null,
    usage_name: name,
    type: "infra",
    measurement_unit: unit,
    range_start: "2026-12-01T00:00:00Z",
    value,
    offering_item:
      quota === undefined
        ? { status: 0 }
        : { status: 1, quota: { value: quota, overage: overage ?? 0, version: 1 } },
  } as UsageItem;
}

const tenant = (extra: Partial<Tenant> = {}): Tenant => ({
  id: "t-1",
  version: 1,
  name: "Acme",
  kind: "customer",
  parent_id: "p",
  enabled: true,
  mfa_status: "enabled",
  pricing_mode: "production",
  ...extra,
});

/** A package's total of an Acronis item, no tenant's figures unknown. */
const acronis = (name: string, unit: string, usage: number, quota: number | null) => ({
  api: "acronis",
  name,
  unit,
  usage,
  quota,
  unknown: 0,
});

describe("report rows: each item against its quota", () => {
  it("is over above the quota, near from 90 % of it, within below, unlimited without one", () => {
    expect([quotaState(11, 10), quotaState(10, 10), quotaState(9, 10), quotaState(8, 10)]).to.deep.equal([
      "over",
      "near",
      "near",
      "within",
    ]);
    expect(quotaState(10 ** 15, null)).to.equal("unlimited");
    expect([quotaState(0, 0), quotaState(1, 0)]).to.deep.equal(["within", "over"]);
  });

  it("agrees with usage / quota for every usage and positive quota (property)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 2 ** 40 }), (usage, quota) => {
        const item = reportItem("storage", "bytes", usage, quota, null);
        const expected = usage > quota ? "over" : usage >= 0.9 * quota ? "near" : "within";
        expect(item.state).to.equal(expected);
        expect(item.ratio).to.equal(usage / quota);
      }),
    );
  });

  it("shows bytes as GB and TB of 1024, other units as counted", () => {
    expect(valueText(5 * GB, "bytes")).to.equal("5.00 GB");
    expect(valueText(1.5 * GB, "bytes")).to.equal("1.50 GB");
    expect(valueText(1024 * GB, "bytes")).to.equal("1.00 TB");
    expect(valueText(1023 * GB, "bytes")).to.equal("1023.00 GB");
    expect(valueText(7, "quantity")).to.equal("7");
    expect(valueText(30, "seconds")).to.equal("30 seconds");
    expect(valueText(null, "bytes")).to.equal("unlimited");
  });

  it("makes a customer's row from its enabled items, with every flag it earns", () => {
    const usages = [
      usage("workstations", "quantity", 11, 10, 2),
      usage("storage", "bytes", 95 * GB, 100 * GB),
      usage("servers", "quantity", 1, null),
      usage("mobiles", "quantity", 4),
    ];
    const trial = tenant({
      pricing_mode: "trial",
      production_start_date: "2027-01-01T00:00:00.000Z",
      mfa_status: "disabled",
      enabled: false,
    });
    const row = acronisRow(trial, ["Reseller", "Folder"], usages, noDeclaration, now);
    expect(row.items.map((i) => [i.name, i.state, i.usageText, i.quotaText, i.overage])).to.deep.equal([
      ["servers", "unlimited", "1", "unlimited", null],
      ["storage", "near", "95.00 GB", "100.00 GB", 0],
      ["workstations", "over", "11", "10", 2],
    ]);
    expect(row.trialEnds).to.equal("2027-01-01T00:00:00.000Z");
    expect(row.flags).to.deep.equal([
      "over-quota",
      "near-quota",
      "trial-ending",
      "two-factor-off",
      "disabled",
    ]);
    expect(row.path).to.deep.equal(["Reseller", "Folder"]);
  });

  it("flags a trial's end only within 30 days, drift and undeclared only from the file", () => {
    const far = tenant({ pricing_mode: "trial", production_start_date: "2027-01-07T00:00:01.000Z" });
    expect(acronisRow(far, [], [], noDeclaration, now).flags).to.deep.equal([]);
    const edge = tenant({ pricing_mode: "trial", production_start_date: "2027-01-06T00:00:00.000Z" });
    expect(acronisRow(edge, [], [], noDeclaration, now).flags).to.deep.equal(["trial-ending"]);
    const production = tenant({ production_start_date: "2026-12-10T00:00:00.000Z" });
    expect(acronisRow(production, [], [], noDeclaration, now).trialEnds).to.equal(null);
    const drift = [{ property: "twoFactor", declared: true, live: false }];
    const declaration = { package: "pro", drift, declared: true };
    expect(acronisRow(tenant(), [], [], declaration, now).flags).to.deep.equal(["drift"]);
    const undeclared = { package: null, drift: [], declared: false };
    expect(acronisRow(tenant(), [], [], undeclared, now).flags).to.deep.equal(["undeclared"]);
  });

  it("makes an HCP tenant's row: storage used against the hard quota", () => {
    const row = hcpRow(
      { name: "archive", hardQuotaBytes: 50 * GB, storageCapacityUsed: 46 * GB },
      noDeclaration,
      now,
    );
    expect(row.items).to.deep.equal([
      {
        name: "storage",
        unit: "bytes",
        usage: 46 * GB,
        quota: 50 * GB,
        overage: null,
        ratio: 0.92,
        state: "near",
        unknown: [],
        usageText: "46.00 GB",
        quotaText: "50.00 GB",
      },
    ]);
    expect([row.twoFactor, row.pricingMode, row.flags]).to.deep.equal([null, null, ["near-quota"]]);
  });

  it("sums usage and quota by package, a package's quota unlimited once one of its tenants' is", () => {
    const of = (id: string, pkg: string | null, items: UsageItem[]) =>
      acronisRow(tenant({ id }), [], items, { package: pkg, drift: [], declared: true }, now);
    const rows = [
      of("a", "pro", [usage("storage", "bytes", GB, 10 * GB), usage("workstations", "quantity", 9, 10)]),
      of("b", "pro", [
        usage("storage", "bytes", 2 * GB, 10 * GB),
        usage("workstations", "quantity", 3, null),
      ]),
      of("c", null, [usage("workstations", "quantity", 20, 10)]),
    ];
    expect(summaryOf(rows)).to.deep.equal({
      customers: 3,
      hcpTenants: 0,
      overQuota: 1,
      nearQuota: 1,
      trialsEndingSoon: 0,
      twoFactorOff: 0,
      disabled: 0,
      drifted: 0,
      unknown: 0,
      notFound: 0,
      byPackage: [
        {
          package: "pro",
          tenants: 2,
          items: [
            { ...acronis("storage", "bytes", 3 * GB, 20 * GB), ratio: 0.15, state: "within" },
            { ...acronis("workstations", "quantity", 12, null), ratio: null, state: "unlimited" },
          ],
        },
        {
          package: null,
          tenants: 1,
          items: [{ ...acronis("workstations", "quantity", 20, 10), ratio: 2, state: "over" }],
        },
      ],
    });
  });
});
