import { expect } from "chai";
import * as fc from "fast-check";
import { stringify } from "yaml";
import { type Estate, type EstateCustomer, loadEstate } from "../../sdk/estate";
import { estateProblems } from "../support/estateProblems";

const tb = 1_099_511_627_776;
const packaged = `
packages:
  backup-basic:
    description: Backup for small offices
    twoFactor: true
    pricingMode: production
    userRoles: [company_admin]
    offeringItems:
      - { name: storage, quota: { value: ${tb} } }
      - { name: workstations, quota: { value: 10 } }
  backup-pro:
    package: backup-basic
    enhancedSecurity: true
    offeringItems:
      - { name: storage, quota: { value: ${5 * tb} } }
      - { name: servers, quota: { value: 2 } }
acronis:
  defaultPackage: backup-basic
  customers:
    - key: alpha
      name: Alpha Dental
      users: [{ login: alpha-admin, email: admin@alpha.example }, { login: alpha-ro, email: ro@alpha.example, roles: [readonly_admin] }]
    - key: beta
      name: Beta Law
      package: backup-pro
      twoFactor: false
      offeringItems:
        - { name: workstations, quota: { value: 40 } }
  partners:
    - key: north
      name: Reseller North
      defaultPackage: backup-pro
      folders:
        - key: dental
          name: North Dental
          customers: [{ key: gamma, name: Gamma Care }]
`;

describe("the estate file: packages", () => {
  const estate = loadEstate("estate.yaml", packaged);
  const customer = (key: string, within = estate.acronis?.customers) =>
    within?.find((c) => c.key === key) as EstateCustomer;

  it("gives a customer its package's settings, and the package's roles to users that declare none", () => {
    expect(customer("alpha")).to.deep.equal({
      key: "alpha",
      name: "Alpha Dental",
      twoFactor: true,
      pricingMode: "production",
      offeringItems: [
        { name: "storage", quota: { value: tb } },
        { name: "workstations", quota: { value: 10 } },
      ],
      users: [
        { login: "alpha-admin", email: "admin@alpha.example", roles: ["company_admin"] },
        { login: "alpha-ro", email: "ro@alpha.example", roles: ["readonly_admin"] },
      ],
    });
  });

  it("merges a package over the one it extends, and the customer's own settings over both, offering items by name", () => {
    expect(customer("beta")).to.deep.equal({
      key: "beta",
      name: "Beta Law",
      twoFactor: false,
      pricingMode: "production",
      enhancedSecurity: true,
      offeringItems: [
        { name: "storage", quota: { value: 5 * tb } },
        { name: "workstations", quota: { value: 40 } },
        { name: "servers", quota: { value: 2 } },
      ],
    });
  });

  it("gives customers the nearest defaultPackage above them, and leaves no package keys behind", () => {
    const gamma = customer("gamma", estate.acronis?.partners?.[0].folders?.[0].customers);
    expect(gamma.enhancedSecurity).to.equal(true);
    expect(gamma.offeringItems?.map((i) => i.name)).to.deep.equal(["storage", "workstations", "servers"]);
    const text = JSON.stringify(estate);
    expect(text).to.not.match(/"(packages|package|defaultPackage)"/);
  });

  it("merges an HCP tenant's package, settings documents key by key, and still requires a quota", () => {
    const hcp = loadEstate(
      "estate.yaml",
      `hcp:
  packages:
    archive:
      hardQuota: 500 GB
      versioningConfigurationEnabled: true
      consoleSecurity: { minimumPasswordLength: 12, disableAfterAttempts: 5 }
  tenants:
    - { key: records, name: records, package: archive, consoleSecurity: { minimumPasswordLength: 16 } }
`,
    ).hcp?.tenants[0];
    expect(hcp).to.deep.equal({
      key: "records",
      name: "records",
      hardQuota: "500 GB",
      versioningConfigurationEnabled: true,
      consoleSecurity: { minimumPasswordLength: 16, disableAfterAttempts: 5 },
    });
    expect(estateProblems("hcp:\n  tenants:\n    - { key: records, name: records }\n")).to.deep.equal([
      "estate.yaml:3:7: hcp.tenants[0].hardQuota is required (neither the tenant nor its package gives it)",
    ]);
  });

  it("names an unknown package, a cycle and a repeated offering item with file, line and column", () => {
    const broken = `packages:
  a: { package: b }
  b: { package: a }
  c:
    offeringItems: [{ name: storage }, { name: storage }]
acronis:
  defaultPackage: c
  customers:
    - { key: x, name: X, package: backup-basci }
`;
    expect(estateProblems(broken)).to.deep.equal([
      "estate.yaml:3:17: packages.b.package makes a cycle of packages: a → b → a",
      'estate.yaml:5:48: packages.c.offeringItems[1].name repeats the offering item "storage"',
      'estate.yaml:9:35: acronis.customers[0].package names no package "backup-basci": must be one of a, b, c',
    ]);
  });

  it("refuses package settings a customer cannot have, naming the property", () => {
    expect(estateProblems("packages:\n  p: { name: X }\n")).to.deep.equal([
      "estate.yaml:2:8: packages.p.name is not a known property",
    ]);
  });
});

/** A customer's settings the property test varies. */
const settings = fc.record(
  {
    twoFactor: fc.boolean(),
    enhancedSecurity: fc.boolean(),
    pricingMode: fc.constantFrom("trial" as const, "production" as const),
    offeringItems: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom("storage", "workstations", "servers", "vms", "mobiles"),
        quota: fc.record({ value: fc.option(fc.nat(1000), { nil: null }) }),
      }),
      { selector: (i) => i.name, minLength: 1, maxLength: 4 },
    ),
  },
  { requiredKeys: [] },
);

/** The customer's settings that differ from the package's: what a person writes under `package:`. */
function overrides(full: Record<string, unknown>, pkg: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) {
    if (key !== "offeringItems") {
      if (JSON.stringify(value) !== JSON.stringify(pkg[key])) out[key] = value;
      continue;
    }
    const inPackage = new Map(((pkg.offeringItems ?? []) as { name: string }[]).map((i) => [i.name, i]));
    const differing = (value as { name: string }[]).filter(
      (i) => JSON.stringify(inPackage.get(i.name)) !== JSON.stringify(i),
    );
    if (differing.length > 0) out.offeringItems = differing;
  }
  return out;
}

const byName = (c: EstateCustomer) => ({
  ...c,
  offeringItems: c.offeringItems && [...c.offeringItems].sort((a, b) => a.name.localeCompare(b.name)),
});

describe("the estate file: packages, property-based", function () {
  this.timeout(120_000);
  it("a packaged file loads as the same estate written out by hand", () => {
    fc.assert(
      fc.property(
        fc.array(settings, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(settings, fc.nat()), { maxLength: 8 }),
        (packages, wanted) => {
          // A customer can add and change a package's items, never drop one: it wants them all, some its own way.
          const customers = wanted.map(([own, choice], i) => {
            const pkg = packages[choice % packages.length];
            const full = { ...pkg, ...own };
            if (own.offeringItems && pkg.offeringItems) {
              const changed = new Set(own.offeringItems.map((item) => item.name));
              full.offeringItems = [
                ...pkg.offeringItems.filter((item) => !changed.has(item.name)),
                ...own.offeringItems,
              ];
            }
            return {
              pkg: `p${choice % packages.length}`,
              full: { key: `c${i}`, name: `Customer ${i}`, ...full },
            };
          });
          const byHand: Estate = { acronis: { customers: customers.map((c) => c.full) } };
          const withPackages: Estate = {
            packages: Object.fromEntries(packages.map((p, i) => [`p${i}`, p])),
            acronis: {
              customers: customers.map((c, i) => ({
                key: `c${i}`,
                name: `Customer ${i}`,
                package: c.pkg,
                ...overrides(c.full, packages[Number(c.pkg.slice(1))]),
              })),
            },
          } as Estate;
          const loaded = loadEstate("estate.yaml", stringify(withPackages)).acronis?.customers ?? [];
          const expected = loadEstate("estate.yaml", stringify(byHand)).acronis?.customers ?? [];
          expect(loaded.map(byName)).to.deep.equal(expected.map(byName));
        },
      ),
      { numRuns: 200 },
    );
  });
});
