import { readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { EstateError, loadEstate, propertyName, slug } from "../../sdk/estate";
import { repoRoot } from "../support/engine";

const problemsOf = (text: string): string[] => {
  try {
    loadEstate("estate.yaml", text);
  } catch (err) {
    if (err instanceof EstateError) return err.problems;
    throw err;
  }
  return [];
};

describe("the estate file", () => {
  it("accepts the sample estate the demo deploys", () => {
    const file = path.join(repoRoot, "estate.yaml");
    const estate = loadEstate(file, readFileSync(file, "utf8"));
    expect(estate.acronis?.customers.map((c) => c.name)).to.deep.equal([
      "Customer, Inc",
      "Northwind Traders",
      "Contoso Dental",
    ]);
    expect(estate.hcp?.tenants.map((t) => t.name)).to.deep.equal(["Finance", "Legal"]);
  });

  it("names the file, line, column and property of every problem at once", () => {
    const text = [
      "acronis:", //                                   1
      "  customers:", //                               2
      "    - name: Customer, Inc", //                  3
      "      offeringItems:", //                       4
      "        - name: storage", //                    5
      "          quota: { value: -1 }", //             6
      "      users:", //                               7
      "        - login: jd", //                        8
      "          email: not-an-address", //            9
      "          roles: [god_mode]", //                10
      "    - customerId: nameless", //                 11
      "hcp:", //                                       12
      "  tenants:", //                                 13
      "    - name: Finance", //                        14
      "      hardQuota: lots", //                      15
      "      softQuota: 120", //                       16
      "      colour: red", //                          17
    ].join("\n");
    expect(problemsOf(text).sort()).to.deep.equal(
      [
        "estate.yaml:6:27: acronis.customers[0].offeringItems[0].quota.value must be >= 0",
        'estate.yaml:8:18: acronis.customers[0].users[0].login must match pattern "^[A-Za-z0-9.@_\\-+:!#$%^*={}\'`/?]{3,255}$"',
        'estate.yaml:9:18: acronis.customers[0].users[0].email must match format "email"',
        "estate.yaml:10:19: acronis.customers[0].users[0].roles[0] must be one of partner_admin, hci_admin, company_admin, unit_admin, readonly_admin, backup_admin, backup_user, sync_share_admin, sync_share_user, sync_share_guest, monitoring_admin",
        "estate.yaml:11:7: acronis.customers[1].name is required",
        'estate.yaml:15:18: hcp.tenants[0].hardQuota must match pattern "^\\d+(\\.\\d{1,2})?\\s*(MB|GB|TB)$"',
        "estate.yaml:16:18: hcp.tenants[0].softQuota must be <= 95",
        "estate.yaml:17:7: hcp.tenants[0].colour is not a known property",
      ].sort(),
    );
  });

  it("refuses names that would collide, pointing at the repeat", () => {
    const text = [
      "acronis:",
      "  customers:",
      "    - name: Acme",
      "    - name: ACME!",
      "hcp:",
      "  tenants:",
      "    - { name: Legal, hardQuota: 1 GB }",
      "    - { name: legal, hardQuota: 1 GB }",
    ].join("\n");
    expect(problemsOf(text)).to.deep.equal([
      "estate.yaml:4:13: acronis.customers[1].name repeats the name of item 0",
      "estate.yaml:8:15: hcp.tenants[1].name repeats the name of item 0",
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    expect(problemsOf("acronis:\n  customers: [\n")[0]).to.match(/^estate\.yaml:\d+:\d+: /);
  });

  it("derives stable resource names", () => {
    expect(slug("Customer, Inc")).to.equal("customer-inc");
    expect(slug("front.desk@contoso")).to.equal("front-desk-contoso");
    expect(propertyName(["acronis", "customers", 0, "name"])).to.equal("acronis.customers[0].name");
  });
});
