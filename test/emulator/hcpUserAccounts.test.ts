import { expect } from "chai";
import { type Caller, HcpFixture, ok, refused } from "./hcpHelpers";

const USERS = "/mapi/tenants/finance/userAccounts";
const PASSWORD = "Blue-Sky-42";

const jdoe = {
  username: "jdoe",
  fullName: "Jane Doe",
  description: "Accounts payable",
  localAuthentication: true,
  forcePasswordChange: false,
  enabled: true,
  roles: { role: ["MONITOR", "administrator"] },
};

describe("HCP MAPI emulator: tenant user accounts", function () {
  this.timeout(20_000);
  let hcp: HcpFixture;
  let security: Caller;

  before(async () => {
    hcp = await HcpFixture.start();
  });
  after(() => hcp.close());

  beforeEach(async () => {
    await hcp.reset();
    await hcp.tenant("Finance");
    security = hcp.security("Finance");
  });

  /** PUT as the SECURITY user; `password` null sends none. */
  const create = (body: Record<string, unknown> = jdoe, password: string | null = PASSWORD) =>
    security("PUT", password === null ? USERS : `${USERS}?password=${encodeURIComponent(password)}`, body);

  describe("create and read", () => {
    it("creates with the password in the query; reads never show it; the new account signs in", async () => {
      const put = await create();
      expect(put.status, put.error).to.equal(200);
      expect(put.body).to.equal("");
      const account = ok(await security("GET", `${USERS}/JDOE`));
      expect(account).to.deep.equal({
        username: "jdoe",
        fullName: "Jane Doe",
        description: "Accounts payable",
        forcePasswordChange: false,
        enabled: true,
        roles: { role: ["MONITOR", "ADMINISTRATOR"] },
        allowNamespaceManagement: true,
      });
      const verbose = ok(await security("GET", `${USERS}/jdoe?verbose=true`));
      expect(verbose).to.include({ localAuthentication: true });
      expect(verbose.userGUID).to.match(/^[0-9a-f-]{36}$/);
      expect(verbose.userID).to.be.a("number");
      expect(JSON.stringify(verbose)).to.not.include(PASSWORD);
      const asJane = hcp.as("Finance", "jdoe", PASSWORD);
      ok(await asJane("GET", "/mapi/tenants/finance/namespaces"));
      expect(JSON.stringify(hcp.log.list("hcp"))).to.not.include(PASSWORD);
    });

    it("shows MONITOR and ADMINISTRATOR callers only the public part", async () => {
      ok(await create());
      const monitor = await hcp.user("Finance", "watcher", ["MONITOR"]);
      expect(Object.keys(ok(await monitor("GET", `${USERS}/jdoe`)))).to.deep.equal([
        "username",
        "fullName",
        "description",
        "enabled",
        "allowNamespaceManagement",
      ]);
      refused(
        await monitor("PUT", `${USERS}?password=${PASSWORD}`, { ...jdoe, username: "x" }),
        403,
        /SECURITY/,
      );
    });

    it("lists usernames in JSON and XML, filtered and paged", async () => {
      ok(await create());
      ok(await create({ ...jdoe, username: "abe" }, "Zed-pass-1"));
      expect(ok(await security("GET", USERS))).to.deep.equal({ username: ["abe", "jdoe", "security"] });
      expect(ok(await security("GET", `${USERS}?filterString=J`))).to.deep.equal({ username: ["jdoe"] });
      expect(ok(await security("GET", `${USERS}?offset=1&count=1`))).to.deep.equal({ username: ["jdoe"] });
      const xml = await security("GET", USERS, "");
      expect(xml.body).to.include("<userAccounts><username>abe</username><username>jdoe</username>");
    });

    it("accepts a RADIUS account without a password, and refuses one with it", async () => {
      const radius = { ...jdoe, username: "radius", localAuthentication: false };
      refused(await create(radius), 400, /locally authenticated/);
      ok(await create(radius, null));
    });
  });

  describe("refusals", () => {
    const cases: [string, Record<string, unknown>, string | null, number, RegExp][] = [
      ["no password", jdoe, null, 400, /'password' parameter is required/],
      ["a short password", jdoe, "a1", 400, /6-64 characters/],
      ["a password of one character group", jdoe, "abcdefgh", 400, /mix two/],
      ["a password containing the username", jdoe, "JDoe-2025", 400, /username/],
      ["no fullName", { ...jdoe, fullName: undefined }, PASSWORD, 400, /'fullName' is required/],
      ["no enabled", { ...jdoe, enabled: undefined }, PASSWORD, 400, /'enabled' is required/],
      ["an unknown role", { ...jdoe, roles: { role: ["SEARCH"] } }, PASSWORD, 400, /role/],
      ["a username starting with [", { ...jdoe, username: "[x" }, PASSWORD, 400, /username/],
      ["a read-only userGUID", { ...jdoe, userGUID: "x" }, PASSWORD, 403, /cannot be set/],
    ];
    for (const [what, body, password, status, message] of cases) {
      it(`refuses ${what} (${status})`, async () => {
        refused(await create(body, password), status, message);
      });
    }

    it("refuses an existing username in any case (409)", async () => {
      ok(await create());
      refused(await create({ ...jdoe, username: "JDoe" }), 409, /already exists/);
    });

    it("applies the tenant's console security to passwords", async () => {
      ok(await security("POST", "/mapi/tenants/finance/consoleSecurity", { minimumPasswordLength: 12 }));
      refused(await create(), 400, /12-64/);
      const rules = (body: object) => security("POST", "/mapi/tenants/finance/consoleSecurity", body);
      ok(await rules({ minimumPasswordLength: 6, blockCommonPassword: true }));
      refused(await create(jdoe, "Password1"), 400, /common/);
      ok(await rules({ passwordCombination: true, upperCaseLetterCount: 2 }));
      refused(await create(jdoe, "Blue-sky-42"), 400, /2 upper-case/);
      ok(await create(jdoe, "BLue-sky-42"));
    });
  });

  describe("modify, password changes and delete", () => {
    beforeEach(async () => {
      ok(await create());
    });

    it("changes only what a POST names; roles are replaced; localAuthentication is refused (403)", async () => {
      ok(await security("POST", `${USERS}/jdoe`, { fullName: "Jane Roe", roles: { role: ["MONITOR"] } }));
      expect(ok(await security("GET", `${USERS}/jdoe`))).to.deep.include({
        fullName: "Jane Roe",
        description: "Accounts payable",
        roles: { role: ["MONITOR"] },
      });
      refused(await security("POST", `${USERS}/jdoe`, { localAuthentication: false }), 403);
    });

    it("lets an ADMINISTRATOR-only caller change allowNamespaceManagement alone", async () => {
      const admin = await hcp.user("Finance", "admin2", ["ADMINISTRATOR"]);
      ok(await admin("POST", `${USERS}/jdoe`, { allowNamespaceManagement: false }));
      refused(await admin("POST", `${USERS}/jdoe`, { fullName: "x" }), 403);
      refused(await security("POST", `${USERS}/jdoe`, { allowNamespaceManagement: true }), 403);
    });

    it("renames an account, keeping its GUID", async () => {
      const guid = ok(await security("GET", `${USERS}/jdoe?verbose=true`)).userGUID;
      refused(await security("POST", `${USERS}/jdoe`, { username: "Security" }), 400, /already exists/);
      ok(await security("POST", `${USERS}/jdoe`, { username: "jroe" }));
      expect(ok(await security("GET", `${USERS}/jroe?verbose=true`)).userGUID).to.equal(guid);
      refused(await security("GET", `${USERS}/jdoe`), 404);
    });

    it("changes the password by POST ?password= or changePassword; reuse is refused when blocked", async () => {
      ok(await security("POST", `${USERS}/jdoe?password=Green-Sea-7`, {}));
      refused(await hcp.as("Finance", "jdoe", PASSWORD)("GET", USERS), 403);
      ok(await security("POST", `${USERS}/jdoe/changePassword`, { newPassword: "Red-Sun-99" }));
      ok(await hcp.as("Finance", "jdoe", "Red-Sun-99")("GET", `${USERS}/jdoe`));
      ok(await security("POST", "/mapi/tenants/finance/consoleSecurity", { blockPasswordReUse: true }));
      refused(
        await security("POST", `${USERS}/jdoe/changePassword`, { newPassword: "Green-Sea-7" }),
        400,
        /used/,
      );
      const xml = "<updatePasswordRequest><newPassword>Gold-Sun-5</newPassword></updatePasswordRequest>";
      ok(await security("POST", `${USERS}/jdoe/changePassword`, xml));
    });

    it("refuses a disabled account at sign-in", async () => {
      ok(await security("POST", `${USERS}/jdoe`, { enabled: false }));
      refused(await hcp.as("Finance", "jdoe", PASSWORD)("GET", USERS), 403, /disabled/);
    });

    it("deletes accounts, never the last enabled local SECURITY one (403)", async () => {
      ok(await security("DELETE", `${USERS}/jdoe`));
      refused(await security("GET", `${USERS}/jdoe`), 404);
      refused(await security("DELETE", `${USERS}/security`), 403, /last/);
      refused(await security("POST", `${USERS}/security`, { enabled: false }), 403, /SECURITY/);
      ok(await create({ ...jdoe, roles: { role: ["SECURITY"] } }));
      ok(await security("DELETE", `${USERS}/security`));
    });
  });
});
