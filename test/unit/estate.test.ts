import { readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import {
  EstateError,
  loadEstate,
  placedTenants,
  propertyName,
  slug,
  userResourceName,
} from "../../sdk/estate";
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
    expect(estate.acronis?.customers?.map((c) => c.name)).to.deep.equal([
      "Customer, Inc",
      "Northwind Traders",
      "Contoso Dental",
    ]);
    // A reseller partner with a folder holding a production customer.
    expect(
      placedTenants(estate).map((t) => `${t.kind} ${t.entry.name} in ${t.parent?.entry.name ?? "(top)"}`),
    ).to.deep.equal([
      "partner Reseller North in (top)",
      "folder North Dental Practices in Reseller North",
      "customer Bright Smiles Dental in North Dental Practices",
      "customer Customer, Inc in (top)",
      "customer Northwind Traders in (top)",
      "customer Contoso Dental in (top)",
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
        "estate.yaml:10:19: acronis.customers[0].users[0].roles[0] must be one of partner_admin, hci_admin, company_admin, unit_admin, readonly_admin, backup_user, sync_share_admin, sync_share_user, sync_share_guest",
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
      "estate.yaml:4:13: acronis.customers[1].name repeats the name of acronis.customers[0]",
      "estate.yaml:8:15: hcp.tenants[1].name repeats the name of hcp.tenants[0]",
    ]);
  });

  it("refuses repeated keys, explicit or the slug of a name, and logins naming one resource", () => {
    const text = [
      "acronis:", //                                                      1
      "  customers:", //                                                  2
      "    - { key: acme, name: Acme Ltd }", //                           3
      "    - { key: acme, name: Acme Two }", //                           4
      "    - name: Acme Ltd", //                                          5
      "    - key: globex", //                                             6
      "      name: Globex", //                                            7
      "      users:", //                                                  8
      "        - { login: john.doe, email: jd@globex.example }", //       9
      "        - { login: John-Doe, email: jd2@globex.example }", //      10
      "    - key: initech", //                                            11
      "      name: Initech", //                                           12
      "      users: [{ login: JOHN.DOE, email: jd3@initech.example }]", // 13
      "    - { name: Umbrella }", //                                      14
      "    - { key: umbrella, name: Umbrella Corp }", //                  15
      "    - { key: Not_A_Slug, name: Hooli }", //                        16
      "hcp:", //                                                          17
      "  tenants:", //                                                    18
      "    - { key: finance, name: Finance, hardQuota: 1 GB }", //        19
      "    - { key: finance, name: Finance2, hardQuota: 1 GB }", //       20
    ].join("\n");
    expect(problemsOf(text)).to.deep.equal([
      'estate.yaml:16:14: acronis.customers[7].key must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"',
    ]);
    expect(problemsOf(text.replace("Not_A_Slug", "hooli"))).to.deep.equal([
      "estate.yaml:4:14: acronis.customers[1].key repeats the key of acronis.customers[0]",
      "estate.yaml:5:13: acronis.customers[2].name repeats the name of acronis.customers[0]",
      'estate.yaml:15:14: acronis.customers[6].key repeats the key of acronis.customers[5] (the slug of its name, "umbrella")',
      'estate.yaml:10:20: acronis.customers[3].users[1].login gives the same resource name as acronis.customers[3].users[0] ("acronis-user-john-doe"): logins must differ in more than case and punctuation',
      "estate.yaml:13:24: acronis.customers[4].users[0].login repeats the login of acronis.customers[3].users[0]",
      "estate.yaml:20:14: hcp.tenants[1].key repeats the key of hcp.tenants[0]",
    ]);
  });

  it("refuses a name whose slug is the key of another customer, and accepts it with a key of its own", () => {
    const text = [
      "acronis:",
      "  customers:",
      "    - { key: acme, name: Acme Renamed }",
      "    - { name: Acme }",
    ].join("\n");
    expect(problemsOf(text)).to.deep.equal([
      "estate.yaml:4:15: acronis.customers[1].name repeats the key of acronis.customers[0]: set a key of its own",
    ]);
    expect(problemsOf(text.replace("{ name: Acme }", "{ key: acme-2, name: Acme }"))).to.deep.equal([]);
  });

  it("nests partners and folders; names are unique in the whole hierarchy, keys per kind, logins everywhere", () => {
    const text = [
      "acronis:", //                                                       1
      "  partners:", //                                                    2
      "    - key: north", //                                               3
      "      name: North", //                                              4
      "      folders:", //                                                 5
      "        - key: north", //                                           6
      "          name: North Folder", //                                   7
      "          customers:", //                                           8
      "            - name: Acme", //                                       9
      "              pricingMode: production", //                          10
      "              users: [{ login: jdoe, email: jd@acme.example }]", //   11
      "  customers:", //                                                   12
      "    - { key: acme, name: Acme Two }", //                            13
      "    - name: North", //                                              14
      "      users: [{ login: JDoe, email: jd@north.example }]", //          15
      "    - { name: Globex, pricingMode: paid }", //                      16
    ].join("\n");
    expect(problemsOf(text)).to.deep.equal([
      "estate.yaml:16:36: acronis.customers[2].pricingMode must be one of trial, production",
    ]);
    expect(problemsOf(text.replace("paid", "trial"))).to.deep.equal([
      'estate.yaml:13:14: acronis.customers[0].key repeats the key of acronis.partners[0].folders[0].customers[0] (the slug of its name, "acme")',
      "estate.yaml:14:13: acronis.customers[1].name repeats the name of acronis.partners[0]",
      "estate.yaml:15:24: acronis.customers[1].users[0].login repeats the login of acronis.partners[0].folders[0].customers[0].users[0]",
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    expect(problemsOf("acronis:\n  customers: [\n")[0]).to.match(/^estate\.yaml:\d+:\d+: /);
  });

  it("derives stable resource names", () => {
    expect(slug("Customer, Inc")).to.equal("customer-inc");
    expect(slug("front.desk@contoso")).to.equal("front-desk-contoso");
    expect(userResourceName("front.desk@contoso")).to.equal("acronis-user-front-desk-contoso");
    expect(propertyName(["acronis", "customers", 0, "name"])).to.equal("acronis.customers[0].name");
  });
});
