import { expect } from "chai";
import { hcpToken } from "../support/hcpApi";
import { type Caller, HcpFixture, ok, refused, USER_PASSWORD } from "./hcpHelpers";

const NS = "/mapi/tenants/finance/namespaces";

describe("HCP MAPI emulator: namespaces", function () {
  this.timeout(20_000);
  let hcp: HcpFixture;
  let admin: Caller;

  before(async () => {
    hcp = await HcpFixture.start();
  });
  after(() => hcp.close());

  beforeEach(async () => {
    await hcp.reset();
    await hcp.tenant("Finance", {
      searchConfigurationEnabled: true,
      versioningConfigurationEnabled: true,
      complianceConfigurationEnabled: true,
    });
    admin = await hcp.user("Finance", "nsadmin", ["ADMINISTRATOR"]);
  });

  const create = (body: Record<string, unknown>, as: Caller = admin) => as("PUT", NS, body);

  describe("create, read and list", () => {
    it("creates with PUT (200, empty body) and reads back two-decimal quotas, tags, no versioningSettings", async () => {
      const put = await create({
        name: "invoices",
        description: "Invoices",
        hardQuota: "20 GB",
        softQuota: 80,
        hashScheme: "SHA-512",
        tags: { tag: ["finance", "2025"] },
        searchEnabled: true,
        versioningSettings: { enabled: true, prune: true, pruneDays: 30 },
      });
      expect(put.status, put.error).to.equal(200);
      expect(put.body).to.equal("");
      const ns = ok(await admin("GET", `${NS}/invoices`));
      expect(ns).to.deep.include({
        name: "invoices",
        description: "Invoices",
        hardQuota: "20.00 GB",
        softQuota: 80,
        searchEnabled: true,
        indexingEnabled: true,
        enterpriseMode: true,
        aclsUsage: "NOT_ENABLED",
        tags: { tag: ["finance", "2025"] },
      });
      expect(ns).to.not.have.any.keys("hashScheme", "id", "versioningSettings", "creationTime");
      const verbose = ok(await admin("GET", `${NS}/INVOICES?verbose=true`));
      expect(verbose).to.include({
        hashScheme: "SHA-512",
        fullyQualifiedName: "invoices.Finance.hcp.example.com",
      });
      expect(verbose.id).to.match(/^[0-9a-f-]{36}$/);
      expect(verbose).to.not.have.property("versioningSettings");
      expect(ok(await admin("GET", `${NS}/invoices/versioningSettings`))).to.include({
        enabled: true,
        prune: true,
        pruneDays: 30,
      });
    });

    it("speaks XML too: create, GET and the list", async () => {
      const xml = `<?xml version="1.0" encoding="UTF-8"?><namespace><name>hr</name><hardQuota>5 GB</hardQuota><tags><tag>people</tag></tags></namespace>`;
      expect((await admin("PUT", NS, xml)).status).to.equal(200);
      await create({ name: "audit", hardQuota: "5 GB" });
      const got = await hcp.api.call("GET", `${NS}/hr`, {
        realm: "finance",
        auth: hcpToken("nsadmin", USER_PASSWORD),
        xml: "",
      });
      expect(got.body).to.match(/<namespace><name>hr<\/name>.*<hardQuota>5\.00 GB<\/hardQuota>/);
      expect(got.body).to.include("<tags><tag>people</tag></tags>");
      expect(ok(await admin("GET", NS))).to.deep.equal({ name: ["audit", "hr"] });
      expect(ok(await admin("GET", `${NS}?filterType=tag&filterString=PEO`))).to.deep.equal({ name: ["hr"] });
      expect(ok(await admin("GET", `${NS}?sortType=hardQuota&sortOrder=descending&count=1`))).to.deep.equal({
        name: ["hr"],
      });
    });

    it("fills what a PUT leaves out from the tenant's namespaceDefaults", async () => {
      ok(
        await admin("POST", "/mapi/tenants/finance/namespaceDefaults", { softQuota: 70, hardQuota: "7 GB" }),
      );
      ok(await create({ name: "defaults" }));
      const ns = ok(await admin("GET", `${NS}/defaults?verbose=true`));
      expect(ns).to.include({
        softQuota: 70,
        hardQuota: "7.00 GB",
        hashScheme: "SHA-256",
        indexingEnabled: false,
        optimizedFor: "ALL",
        directoryUsage: "Balanced",
      });
    });

    it("refuses a second namespace of the same name in any case (409)", async () => {
      ok(await create({ name: "invoices", hardQuota: "1 GB" }));
      refused(await create({ name: "Invoices", hardQuota: "1 GB" }), 409, /already exists/);
    });
  });

  describe("validation", () => {
    const cases: [string, Record<string, unknown>, number, RegExp][] = [
      ["a name with a leading hyphen", { name: "-x" }, 400, /namespace name/],
      ["an xn-- name", { name: "xn--abc" }, 400, /xn--/],
      ["no name", { hardQuota: "1 GB" }, 400, /'name' is required/],
      ["a soft quota of 99", { name: "a", softQuota: 99 }, 400, /softQuota/],
      ["a lower-case hash scheme", { name: "a", hashScheme: "sha-256" }, 400, /hashScheme/],
      [
        "namespaceDefaults' DEFAULT optimization",
        { name: "a", optimizedFor: "DEFAULT" },
        400,
        /optimizedFor/,
      ],
      ["a lower-case optimization", { name: "a", optimizedFor: "cloud" }, 400, /optimizedFor/],
      ["half a gigabyte", { name: "a", hardQuota: "0.5 GB" }, 400, /at least 1 GB/],
      ["a tag with a comma", { name: "a", tags: { tag: ["a,b"] } }, 400, /comma/],
      ["an unknown property", { name: "a", colour: "red" }, 400, /not a valid property/],
      ["a read-only id", { name: "a", id: "x" }, 403, /cannot be set/],
      ["indexing without search", { name: "a", indexingEnabled: true }, 400, /needs searchEnabled/],
      ["replication the tenant lacks", { name: "a", replicationEnabled: true }, 400, /replication/],
      ["an unknown owner", { name: "a", owner: "nobody" }, 400, /not a user account/],
      ["versioning without enabled", { name: "a", versioningSettings: { prune: false } }, 400, /enabled/],
      ["more than the tenant's free space", { name: "a", hardQuota: "101 GB" }, 400, /exceeds/],
    ];
    for (const [what, body, status, message] of cases) {
      it(`refuses ${what} (${status})`, async () => {
        refused(await create(body), status, message);
      });
    }

    it("enforces the tenant's namespaceQuota on create", async () => {
      ok(await hcp.api.admin("POST", "/mapi/tenants/Finance", { namespaceQuota: "2" }));
      ok(await create({ name: "one", hardQuota: "1 GB" }));
      ok(await create({ name: "two", hardQuota: "1 GB" }));
      refused(await create({ name: "three", hardQuota: "1 GB" }), 400, /namespaceQuota/);
      refused(await hcp.api.admin("POST", "/mapi/tenants/Finance", { namespaceQuota: "1" }), 400);
    });

    it("refuses hard quotas that together exceed the tenant's", async () => {
      ok(await create({ name: "one", hardQuota: "60 GB" }));
      refused(await create({ name: "two", hardQuota: "50 GB" }), 400, /exceeds/);
      ok(await create({ name: "two", hardQuota: "40 GB" }));
      refused(await admin("POST", `${NS}/two`, { hardQuota: "41 GB" }), 400, /exceeds/);
    });
  });

  describe("modify", () => {
    beforeEach(async () => {
      ok(await create({ name: "invoices", hardQuota: "10 GB", description: "a", tags: { tag: ["x", "y"] } }));
    });

    it("changes only what a POST names; lists given replace the old ones", async () => {
      ok(await admin("POST", `${NS}/invoices`, { description: "b", tags: { tag: ["z"] } }));
      expect(ok(await admin("GET", `${NS}/invoices`))).to.deep.include({
        description: "b",
        hardQuota: "10.00 GB",
        tags: { tag: ["z"] },
      });
    });

    it("refuses hashScheme and versioningSettings on POST (403): they have no in-place change", async () => {
      refused(await admin("POST", `${NS}/invoices`, { hashScheme: "MD5" }), 403, /hashScheme/);
      refused(await admin("POST", `${NS}/invoices`, { versioningSettings: { enabled: true } }), 403);
    });

    it("renames, keeping the id; a taken name is 400", async () => {
      const id = ok(await admin("GET", `${NS}/invoices?verbose=true`)).id;
      ok(await create({ name: "other", hardQuota: "1 GB" }));
      refused(await admin("POST", `${NS}/invoices`, { name: "Other" }), 400, /already exists/);
      ok(await admin("POST", `${NS}/invoices`, { name: "bills" }));
      refused(await admin("GET", `${NS}/invoices`), 404);
      expect(ok(await admin("GET", `${NS}/bills?verbose=true`)).id).to.equal(id);
    });

    it("compliance mode is one way, and turning search off turns indexing off", async () => {
      ok(await admin("POST", `${NS}/invoices`, { searchEnabled: true, indexingEnabled: true }));
      ok(await admin("POST", `${NS}/invoices`, { enterpriseMode: false, searchEnabled: false }));
      refused(await admin("POST", `${NS}/invoices`, { enterpriseMode: true }), 403, /compliance mode/);
      expect(ok(await admin("GET", `${NS}/invoices`))).to.include({
        enterpriseMode: false,
        indexingEnabled: false,
      });
    });

    it("changes versioning through its sub-resource only", async () => {
      ok(
        await admin("POST", `${NS}/invoices/versioningSettings`, {
          enabled: true,
          prune: true,
          pruneDays: 7,
        }),
      );
      expect(ok(await admin("GET", `${NS}/invoices/versioningSettings`))).to.include({
        enabled: true,
        pruneDays: 7,
      });
      refused(await admin("POST", `${NS}/invoices/versioningSettings`, { pruneDays: 40_000 }), 400);
    });

    it("lets only COMPLIANCE accounts set the retention defaults", async () => {
      refused(await admin("POST", `${NS}/invoices/complianceSettings`, { retentionDefault: "A+7y" }), 403);
      const compliance = await hcp.user("Finance", "officer", ["COMPLIANCE"]);
      ok(await compliance("POST", `${NS}/invoices/complianceSettings`, { retentionDefault: "A+7y+1d" }));
      refused(
        await compliance("POST", `${NS}/invoices/complianceSettings`, { retentionDefault: "7 years" }),
        400,
      );
      expect(ok(await admin("GET", `${NS}/invoices/complianceSettings`))).to.include({
        retentionDefault: "A+7y+1d",
      });
    });
  });

  describe("delete and access", () => {
    beforeEach(async () => {
      ok(await create({ name: "invoices", hardQuota: "10 GB" }));
    });

    it("refuses to delete a namespace that holds objects (403), then deletes it once empty", async () => {
      await hcp.api.control("POST", "/_emulator/namespaces/Finance/invoices/objects", { count: 3 });
      expect(ok(await admin("GET", `${NS}/invoices/statistics`))).to.include({ objectCount: 3 });
      refused(await admin("DELETE", `${NS}/invoices`), 403, /contains 3 object/);
      await hcp.api.control("DELETE", "/_emulator/namespaces/Finance/invoices/objects");
      ok(await admin("DELETE", `${NS}/invoices`));
      refused(await admin("GET", `${NS}/invoices`), 404);
      expect((await admin("HEAD", `${NS}/invoices`)).status).to.equal(404);
      await hcp.api.control("POST", "/_emulator/config", { headMissingStatus: 302 });
      expect((await admin("HEAD", `${NS}/invoices`)).status).to.equal(302);
    });

    it("keeps the tenant while it owns a namespace made through MAPI (403)", async () => {
      refused(await hcp.api.admin("DELETE", "/mapi/tenants/Finance"), 403, /1 namespace/);
      ok(await admin("DELETE", `${NS}/invoices`));
      ok(await hcp.api.admin("DELETE", "/mapi/tenants/Finance"));
    });

    it("lets MONITOR read but not write, and the system level in only where the tenant allows", async () => {
      const monitor = await hcp.user("Finance", "watcher", ["MONITOR"]);
      ok(await monitor("GET", `${NS}/invoices`));
      refused(await monitor("PUT", NS, { name: "x" }), 403);
      refused(await hcp.api.admin("GET", `${NS}/invoices`), 403, /administration/);
      ok(await admin("POST", "/mapi/tenants/finance", { administrationAllowed: true }));
      ok(await hcp.api.admin("GET", `${NS}/invoices`));
    });

    it("gives an account allowed to manage namespaces only the namespaces it owns", async () => {
      ok(
        await hcp.security("Finance")("PUT", "/mapi/tenants/finance/userAccounts?password=Own-er-42", {
          username: "owner",
          fullName: "Owner",
          localAuthentication: true,
          forcePasswordChange: false,
          enabled: true,
          allowNamespaceManagement: true,
        }),
      );
      const owner = hcp.as("Finance", "owner", "Own-er-42");
      ok(await create({ name: "mine", hardQuota: "1 GB" }, owner));
      expect(ok(await owner("GET", NS))).to.deep.equal({ name: ["mine"] });
      expect(ok(await owner("GET", `${NS}/mine`))).to.deep.equal({ name: "mine", owner: "owner" });
      refused(await owner("GET", `${NS}/invoices`), 403);
      ok(await owner("DELETE", `${NS}/mine`));
    });
  });
});
