import { readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { loadEstate, placedTenants, propertyName, slug, userResourceName } from "../../sdk/estate";
import { repoRoot } from "../support/engine";
import { estateProblems } from "../support/estateProblems";

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
      "acronis:", // 1
      "  customers:", // 2
      "    - key: customer-inc", // 3
      "      name: Customer, Inc", // 4
      "      offeringItems:", // 5
      "        - name: storage", // 6
      "          quota: { value: -1 }", // 7
      "      users:", // 8
      "        - login: jd", // 9
      "          email: not-an-address", // 10
      "          roles: [god_mode]", // 11
      "    - customerId: nameless", // 12
      "hcp:", // 13
      "  tenants:", // 14
      "    - key: finance", // 15
      "      name: Finance", // 16
      "      hardQuota: lots", // 17
      "      softQuota: 120", // 18
      "      colour: red", // 19
    ].join("\n");
    expect(estateProblems(text).sort()).to.deep.equal(
      [
        "estate.yaml:7:27: acronis.customers[0].offeringItems[0].quota.value must be >= 0 (null means unlimited)",
        'estate.yaml:9:18: acronis.customers[0].users[0].login must match pattern "^[A-Za-z0-9.@_\\-+:!#$%^*={}\'`/?]{3,255}$"',
        'estate.yaml:10:18: acronis.customers[0].users[0].email must match format "email"',
        "estate.yaml:11:19: acronis.customers[0].users[0].roles[0] must be one of partner_admin, hci_admin, company_admin, unit_admin, readonly_admin, backup_user, sync_share_admin, sync_share_user, sync_share_guest",
        "estate.yaml:12:7: acronis.customers[1].key is required",
        "estate.yaml:12:7: acronis.customers[1].name is required",
        'estate.yaml:17:18: hcp.tenants[0].hardQuota must match pattern "^\\d+(\\.\\d{1,2})?\\s*(MB|GB|TB)$"',
        "estate.yaml:18:18: hcp.tenants[0].softQuota must be <= 95",
        "estate.yaml:19:7: hcp.tenants[0].colour is not a known property",
      ].sort(),
    );
  });

  it("refuses names that would collide, pointing at the repeat", () => {
    const text = [
      "acronis:",
      "  customers:",
      "    - { key: acme, name: Acme }",
      "    - { key: acme-2, name: ACME! }",
      "hcp:",
      "  tenants:",
      "    - { key: legal, name: Legal, hardQuota: 1 GB }",
      "    - { key: legal-2, name: legal, hardQuota: 1 GB }",
    ].join("\n");
    expect(estateProblems(text)).to.deep.equal([
      "estate.yaml:4:28: acronis.customers[1].name repeats the name of acronis.customers[0]",
      "estate.yaml:8:29: hcp.tenants[1].name repeats the name of hcp.tenants[0]",
    ]);
  });

  it("refuses repeated keys and names, and logins naming one resource", () => {
    const text = [
      "acronis:", //                                                      1
      "  customers:", //                                                  2
      "    - { key: acme, name: Acme Ltd }", //                           3
      "    - { key: acme, name: Acme Two }", //                           4
      "    - { key: acme-ltd, name: Acme Ltd }", //                       5
      "    - key: globex", //                                             6
      "      name: Globex", //                                            7
      "      users:", //                                                  8
      "        - { login: john.doe, email: jd@globex.example }", //       9
      "        - { login: John-Doe, email: jd2@globex.example }", //      10
      "    - key: initech", //                                            11
      "      name: Initech", //                                           12
      "      users: [{ login: JOHN.DOE, email: jd3@initech.example }]", // 13
      "    - { key: umbrella, name: Umbrella }", //                       14
      "    - { key: umbrella, name: Umbrella Corp }", //                  15
      "    - { key: Not_A_Slug, name: Hooli }", //                        16
      "hcp:", //                                                          17
      "  tenants:", //                                                    18
      "    - { key: finance, name: Finance, hardQuota: 1 GB }", //        19
      "    - { key: finance, name: Finance2, hardQuota: 1 GB }", //       20
    ].join("\n");
    expect(estateProblems(text)).to.deep.equal([
      'estate.yaml:16:14: acronis.customers[7].key must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"',
    ]);
    expect(estateProblems(text.replace("Not_A_Slug", "hooli"))).to.deep.equal([
      "estate.yaml:4:14: acronis.customers[1].key repeats the key of acronis.customers[0]",
      "estate.yaml:5:30: acronis.customers[2].name repeats the name of acronis.customers[0]",
      "estate.yaml:15:14: acronis.customers[6].key repeats the key of acronis.customers[5]",
      'estate.yaml:10:20: acronis.customers[3].users[1].login gives the same resource name as acronis.customers[3].users[0] ("acronis-user-john-doe"): logins must differ in more than case and punctuation',
      "estate.yaml:13:24: acronis.customers[4].users[0].login repeats the login of acronis.customers[3].users[0]",
      "estate.yaml:20:14: hcp.tenants[1].key repeats the key of hcp.tenants[0]",
    ]);
  });

  it("refuses a tenant without a key, with the line that keeps its resources' names", () => {
    const text = [
      "acronis:", //                                              1
      "  partners:", //                                           2
      "    - name: Reseller North", //                            3
      "      folders: [{ name: North Dental Practices }]", //      4
      "  customers:", //                                          5
      "    - name: Alpha Dental", //                              6
      "    - { key: beta, name: Beta }", //                       7
      "hcp:", //                                                  8
      "  tenants: [{ name: Finance, hardQuota: 1 GB }]", //       9
    ].join("\n");
    const line = (key: string) =>
      `is required: add the line "key: ${key}", the slug of its name, which its resources are named by (renamed since its last up: the slug of the name it had); \`tenant-estates validate --write-keys\` adds it`;
    expect(estateProblems(text)).to.deep.equal([
      `estate.yaml:3:7: acronis.partners[0].key ${line("reseller-north")}`,
      `estate.yaml:4:17: acronis.partners[0].folders[0].key ${line("north-dental-practices")}`,
      `estate.yaml:6:7: acronis.customers[0].key ${line("alpha-dental")}`,
      `estate.yaml:9:13: hcp.tenants[0].key ${line("finance")}`,
    ]);
  });

  it("nests partners and folders; names are unique in the whole hierarchy, keys per kind, logins everywhere", () => {
    const text = [
      "acronis:", // 1
      "  partners:", // 2
      "    - key: north", // 3
      "      name: North", // 4
      "      folders:", // 5
      "        - key: north", // 6
      "          name: North Folder", // 7
      "          customers:", // 8
      "            - key: acme", // 9
      "              name: Acme", // 10
      "              pricingMode: production", // 11
      "              users: [{ login: jdoe, email: jd@acme.example }]", // 12
      "  customers:", // 13
      "    - { key: acme, name: Acme Two }", // 14
      "    - key: north", // 15
      "      name: North", // 16
      "      users: [{ login: JDoe, email: jd@north.example }]", // 17
      "    - { key: globex, name: Globex, pricingMode: paid }", // 18
    ].join("\n");
    expect(estateProblems(text)).to.deep.equal([
      "estate.yaml:18:49: acronis.customers[2].pricingMode must be one of trial, production",
    ]);
    expect(estateProblems(text.replace("paid", "trial"))).to.deep.equal([
      "estate.yaml:14:14: acronis.customers[0].key repeats the key of acronis.partners[0].folders[0].customers[0]",
      "estate.yaml:16:13: acronis.customers[1].name repeats the name of acronis.partners[0]",
      "estate.yaml:17:24: acronis.customers[1].users[0].login repeats the login of acronis.partners[0].folders[0].customers[0].users[0]",
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    expect(estateProblems("acronis:\n  customers: [\n")[0]).to.match(/^estate\.yaml:\d+:\d+: /);
  });

  it("derives stable resource names", () => {
    expect(slug("Customer, Inc")).to.equal("customer-inc");
    expect(slug("front.desk@contoso")).to.equal("front-desk-contoso");
    expect(userResourceName("front.desk@contoso")).to.equal("acronis-user-front-desk-contoso");
    expect(propertyName(["acronis", "customers", 0, "name"])).to.equal("acronis.customers[0].name");
  });
});
