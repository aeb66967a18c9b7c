import { expect } from "chai";
import fc from "fast-check";
import { parse } from "yaml";
import { customerDrift, hcpTenantDrift } from "../../cli/report/build";
import { csvField, renderCsv } from "../../cli/report/csv";
import { declaredOf } from "../../cli/report/declared";
import { differences } from "../../cli/report/drift";
import { reportItem } from "../../cli/report/items";
import type { Report } from "../../cli/report/model";
import type { Tenant } from "../../provider/acronis/types";
import { type Estate, loadEstate } from "../../sdk/estate";

const live: Tenant = {
  id: "t-1",
  version: 3,
  name: "Acme",
  kind: "customer",
  parent_id: "p",
  enabled: true,
  language: "en",
  mfa_status: "disabled",
  pricing_mode: "trial",
  offering_items: [
    { name: "workstations", application_id: "a", status: 1, quota: { value: 12, overage: 0, version: 1 } },
    { name: "storage", application_id: "a", status: 1 },
    { name: "servers", application_id: "a", status: 0 },
  ],
} as unknown as Tenant;

describe("report drift: what the file declares and the live tenant does not have", () => {
  it("compares only the declared properties, offering items by name, and names each difference", () => {
    const declared = {
      key: "acme",
      name: "Acme",
      language: "en",
      twoFactor: true,
      enhancedSecurity: true,
      deletionPolicy: "retain" as const,
      pricingMode: "production" as const,
      offeringItems: [
        { name: "workstations", quota: { value: 10 } },
        { name: "storage", quota: { value: null } },
        { name: "servers" },
      ],
    };
    expect(customerDrift(declared, live, [])).to.deep.equal([
      { property: "twoFactor", declared: true, live: false },
      { property: "pricingMode", declared: "production", live: "trial" },
      { property: "offeringItems.workstations.quota.value", declared: 10, live: 12 },
      { property: "offeringItems.servers", declared: { name: "servers" }, live: null },
    ]);
  });

  it("compares declared users by login, leaving the activation e-mail out", () => {
    const user = {
      id: "u-1",
      tenant_id: "t-1",
      login: "ada",
      enabled: true,
      contact: { email: "ada@example.com" },
      access_policies: [{ trustee_id: "u-1", tenant_id: "t-1", role_id: "company_admin" }],
    };
    const declared = {
      name: "Acme",
      users: [
        { login: "ada", email: "ada@example.org", sendActivationEmail: true, roles: ["company_admin"] },
        { login: "bob", email: "bob@example.com" },
      ],
    };
    expect(customerDrift(declared, live, [user as never])).to.deep.equal([
      { property: "users.ada.email", declared: "ada@example.org", live: "ada@example.com" },
      { property: "users.bob", declared: { login: "bob", email: "bob@example.com" }, live: null },
    ]);
  });

  it("finds no drift between any value and itself (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(differences(value, value, "x")).to.deep.equal([]);
      }),
    );
  });

  it("compares an HCP tenant's quotas as bytes and leaves what export cannot read alone", () => {
    const tenant = { name: "archive", hardQuota: "50.00 GB", softQuota: 85, tags: ["a"] };
    const same = { name: "archive", hardQuota: "50 GB", softQuota: 85, initialUser: { name: "security" } };
    expect(hcpTenantDrift(same, tenant)).to.deep.equal([]);
    expect(hcpTenantDrift({ ...same, hardQuota: "60 GB", softQuota: 80 }, tenant)).to.deep.equal([
      { property: "hardQuota", declared: "60 GB", live: "50.00 GB" },
      { property: "softQuota", declared: 80, live: 85 },
    ]);
  });
});

describe("report declaration: each customer's place and package", () => {
  it("gives a customer its own package, else the nearest defaultPackage above it", () => {
    const text = `packages:
  basic: { twoFactor: true }
  pro: { twoFactor: false }
acronis:
  defaultPackage: basic
  customers:
    - { key: a, name: A }
    - { key: b, name: B, package: pro }
  partners:
    - key: r
      name: Reseller
      defaultPackage: pro
      folders:
        - { key: f, name: Folder, customers: [{ key: c, name: C }] }
hcp:
  packages:
    small: { hardQuota: 10 GB }
  tenants:
    - { key: t, name: t1, package: small }
    - { key: u, name: u1, hardQuota: 5 GB }
`;
    const declared = declaredOf(parse(text) as Estate, loadEstate("estate.yaml", text));
    expect(declared.customers.map((c) => [c.path, c.entry.name, c.package, c.entry.twoFactor])).to.deep.equal(
      [
        [["Reseller", "Folder"], "C", "pro", false],
        [[], "A", "basic", true],
        [[], "B", "pro", false],
      ],
    );
    expect(declared.hcpTenants.map((t) => [t.entry.name, t.package, t.entry.hardQuota])).to.deep.equal([
      ["t1", "small", "10 GB"],
      ["u1", null, "5 GB"],
    ]);
  });
});

describe("report CSV", () => {
  it("quotes as RFC 4180 does, and a quoted field reads back as it was (property)", () => {
    expect(csvField('Acme, "The" Co')).to.equal('"Acme, ""The"" Co"');
    expect(csvField("plain")).to.equal("plain");
    expect(csvField("=HYPERLINK(1)")).to.equal("'=HYPERLINK(1)");
    expect(csvField("@SUM(A1), x")).to.equal(`"'@SUM(A1), x"`);
    expect(csvField("-12")).to.equal("-12");
    const formulaStart = /^[=+\-@\t\r]/;
    fc.assert(
      fc.property(fc.string(), (value) => {
        const field = csvField(value);
        const back = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
        // What a spreadsheet would run as a formula reads back with the leading quote that disarms it.
        const unguarded = formulaStart.test(value) && back === `'${value}` ? value : back;
        expect(unguarded).to.equal(value);
        expect(formulaStart.test(back) && !/^-?\d+(\.\d+)?$/.test(back)).to.equal(false);
      }),
    );
  });

  it("writes a header, then one line per tenant and item with raw numbers and the text a person reads", () => {
    const report = {
      rows: [
        {
          api: "acronis",
          account: "",
          id: "t-1",
          name: "Acme, Inc",
          path: ["R", "F"],
          package: "pro",
          enabled: true,
          twoFactor: false,
          pricingMode: "trial",
          trialEnds: "2027-01-01T00:00:00.000Z",
          items: [
            reportItem("storage", "bytes", 1024 ** 3, null, null),
            reportItem("workstations", "quantity", 9, 10, 2),
          ],
          unknown: [],
          flags: ["near-quota", "two-factor-off"],
          drift: [{ property: "twoFactor", declared: true, live: false }],
        },
      ],
      notFound: [],
    } as unknown as Report;
    expect(renderCsv(report).split("\r\n")).to.deep.equal([
      "api,account,id,name,path,package,enabled,twoFactor,pricingMode,trialEnds,flags,drift,item,unit,usage,quota,overage,ratio,state,usageText,quotaText,unknown",
      'acronis,,t-1,"Acme, Inc",R / F,pro,true,false,trial,2027-01-01T00:00:00.000Z,near-quota;two-factor-off,twoFactor,storage,bytes,1073741824,,,,unlimited,1.00 GB,unlimited,',
      'acronis,,t-1,"Acme, Inc",R / F,pro,true,false,trial,2027-01-01T00:00:00.000Z,near-quota;two-factor-off,twoFactor,workstations,quantity,9,10,2,0.9,near,9,10,',
      "",
    ]);
  });
});
