import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { RequestLog } from "../../emulator/core/requestLog";
import { startHcpEmulator } from "../../emulator/hcp/server";
import type { HcpInfo, RunningServer } from "../../emulator/types";

const ADMIN_HOST = "admin.hcp.example.com";
const FINANCE_HOST = "finance.hcp.example.com";

/** The seed's request bodies and report, verbatim. */
const SEED_TENANT_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<tenant>
    <name>Finance</name>
    <systemVisibleDescription>Created for the Finance department at Example
        Company by P.D. Grey on 2/9/2017.</systemVisibleDescription>
    <hardQuota>100 GB</hardQuota>
    <softQuota>90</softQuota>
    <namespaceQuota>5</namespaceQuota>
    <authenticationTypes>
        <authenticationType>LOCAL</authenticationType>
        <authenticationType>EXTERNAL</authenticationType>
    </authenticationTypes>
    <complianceConfigurationEnabled>true</complianceConfigurationEnabled>
    <versioningConfigurationEnabled>true</versioningConfigurationEnabled>
    <searchConfigurationEnabled>true</searchConfigurationEnabled>
    <replicationConfigurationEnabled>true</replicationConfigurationEnabled>
    <erasureCodingSelectionEnabled>true</erasureCodingSelectionEnabled>
    <tags>
        <tag>Example Company</tag>
        <tag>pdgrey</tag>
    </tags>
    <servicePlanSelectionEnabled>false</servicePlanSelectionEnabled>
    <servicePlan>Short-Term-Activity</servicePlan>
    <dataNetwork>net127</dataNetwork>
    <managementNetwork>net004</managementNetwork>
</tenant>`;

const SEED_CONSOLE_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<consoleSecurity>
    <ipSettings>
        <allowAddresses>
             <ipAddress>192.168.103.18</ipAddress>
            <ipAddress>192.168.103.24</ipAddress>
             <ipAddress>192.168.103.25</ipAddress>
        </allowAddresses>
        <denyAddresses/>
        <allowIfInBothLists>false</allowIfInBothLists>
    </ipSettings>
    <minimumPasswordLength>6</minimumPasswordLength>
    <forcePasswordChangeDays>45</forcePasswordChangeDays>
    <disableAfterAttempts>3</disableAfterAttempts>
    <disableAfterInactiveDays>30</disableAfterInactiveDays>
    <logoutOnInactive>20</logoutOnInactive>
    <loginMessage/>
</consoleSecurity>`;

const SEED_CSV = `systemName,tenantName,namespaceName,startTime,endTime,objectCount,ingestedVolume,storageCapacityUsed,bytesIn,bytesOut,reads,writes,deletes,tieredObjects,tieredBytes,metadataOnlyObjects,metadataOnlyBytes,erasureCodedObjects,multipartObjects,multipartObjectParts,multipartObjectBytes,multipartUploads,multipartUploadParts,multipartUploadBytes,deleted,valid
finance.hcp.example.com,europe,finance,2017-02-17T00:00:00-0500,2017-02-17T23:59:59-0500,6,134243721,134270976,123986263,87561,1,10,0,0,0,0,0,11,2,7,93213889,0,0,0,false,true
finance.hcp.example.com,europe,hr,2017-02-17T00:00:00-0500,2017-02-17T23:59:59-0500,7,9609368,9621504,9609368,0,0,7,0,0,0,0,0,0,0,0,0,0,0,0,false,true
finance.hcp.example.com,europe,,2017-02-17T00:00:00-0500,2017-02-17T23:59:59-0500,13,143853089,143892480,133595631,87561,1,17,0,0,0,0,0,11,2,7,93213889,0,0,0,false,true
`;

/** The seed's system-level token: user "allroles", known here only by its password's MD5. */
const ALLROLES_AUTH = "HCP YWxscm9sZXM=:04EC9F614D89FF5C7126D32ACB448382";
/** The seed's tenant-level token: lgreen / start123. */
const LGREEN_AUTH = "HCP bGdyZWVu:a3b9c163f6c520407ff34cfdb83ca5c6";

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface CallOptions {
  host?: string;
  auth?: string;
  headers?: Record<string, string>;
  body?: string;
  json?: unknown;
}

/** The SNI name for a Host the certificate covers (one label under hcp.example.com); "" (no SNI) verifies 127.0.0.1. */
function certifiedName(host: string): string {
  const name = host.replace(/:\d+$/, "").toLowerCase();
  return /^[^.]+\.hcp\.example\.com$/.test(name) ? name : "";
}

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const token = (username: string, password: string) =>
  `HCP ${Buffer.from(username).toString("base64")}:${md5(password)}`;

describe("HCP MAPI emulator", function () {
  this.timeout(20_000);
  let server: RunningServer<HcpInfo>;
  let ca: string;
  let port: number;
  let log: RequestLog;
  let adminAuth: string;

  before(async () => {
    log = new RequestLog();
    server = await startHcpEmulator({ host: "127.0.0.1", port: 0, latencyMs: 0, log });
    ca = readFileSync(server.info.caCertPath, "utf8");
    port = Number(new URL(server.info.url).port);
    adminAuth = token(server.info.username, server.info.password);
  });

  after(async () => {
    await server.close();
  });

  beforeEach(async () => {
    await control("POST", "/_emulator/reset");
  });

  /** One HTTPS request to 127.0.0.1, with SNI and Host naming `host`. */
  function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const host = options.host ?? ADMIN_HOST;
    const headers: Record<string, string> = { Host: host, ...options.headers };
    if (options.auth) headers.Authorization = options.auth;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["Content-Type"] ??= "application/json";
    }
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method,
          path,
          headers,
          servername: certifiedName(host),
          ca,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  async function control(method: string, path: string, json?: unknown): Promise<unknown> {
    const answer = await call(method, path, { host: "127.0.0.1", json });
    expect(answer.status, answer.body).to.equal(200);
    return JSON.parse(answer.body);
  }

  /** Creates a tenant as the built-in administrator, with a SECURITY user "<name>-sec" / start123. */
  async function createTenant(name: string, properties: Record<string, unknown> = {}): Promise<void> {
    const answer = await call("PUT", `/mapi/tenants?username=${name}-sec&password=start123`, {
      auth: adminAuth,
      json: { name, hardQuota: "100 GB", ...properties },
    });
    expect(answer.status, String(answer.headers["x-hcp-errormessage"])).to.equal(200);
  }

  async function addUser(tenant: string | undefined, username: string, roles: string[]): Promise<string> {
    await control("POST", "/_emulator/users", { tenant, username, password: "pass1234", roles });
    return token(username, "pass1234");
  }

  async function getJson(path: string, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const answer = await call("GET", path, {
      auth: adminAuth,
      ...options,
      headers: { Accept: "application/json" },
    });
    expect(answer.status, String(answer.headers["x-hcp-errormessage"])).to.equal(200);
    return JSON.parse(answer.body);
  }

  const seedNamespace = (tenant: string, name: string, figures: Record<string, number> = {}) =>
    control("POST", "/_emulator/namespaces", { tenant, name, ...figures });

  describe("the seed document's three requests", () => {
    async function seedPut(): Promise<Answer> {
      await control("POST", "/_emulator/users", {
        username: "allroles",
        passwordMd5: "04EC9F614D89FF5C7126D32ACB448382",
        roles: ["ADMINISTRATOR", "MONITOR", "SECURITY", "COMPLIANCE"],
      });
      return call("PUT", "/mapi/tenants?username=lgreen&password=start123&forcePasswordChange=false", {
        host: "admin.hcp.example.com:9090",
        auth: ALLROLES_AUTH,
        headers: { "Content-Type": "application/xml" },
        body: SEED_TENANT_XML,
      });
    }

    it("creates Finance with the PUT: 200, X-HCP-SoftwareVersion 8.2.0.2, Content-Length 0, no body", async () => {
      const answer = await seedPut();
      expect(answer.status).to.equal(200);
      expect(answer.headers["x-hcp-softwareversion"]).to.equal("8.2.0.2");
      expect(answer.headers["content-length"]).to.equal("0");
      expect(answer.headers["content-type"]).to.equal(undefined);
      expect(answer.body).to.equal("");
      const tenant = await getJson("/mapi/tenants/finance?verbose=true");
      expect(tenant).to.include({
        name: "Finance",
        systemVisibleDescription:
          "Created for the Finance department at Example\n        Company by P.D. Grey on 2/9/2017.",
        hardQuota: "100.00 GB",
        softQuota: 90,
        namespaceQuota: "5",
        servicePlan: "Short-Term-Activity",
        dataNetwork: "net127",
        managementNetwork: "net004",
        erasureCodingSelectionEnabled: true,
      });
      expect(tenant.authenticationTypes).to.deep.equal({ authenticationType: ["LOCAL", "EXTERNAL"] });
      expect(tenant.tags).to.deep.equal({ tag: ["Example Company", "pdgrey"] });
      const state = (await control("GET", "/_emulator/state")) as {
        tenants: { name: string; users: unknown[] }[];
      };
      const finance = state.tenants.find((t) => t.name === "Finance");
      expect(finance?.users).to.deep.equal([
        { username: "lgreen", roles: ["SECURITY"], forcePasswordChange: false },
      ]);
    });

    it("sets console security with the POST on the tenant host: 200, Content-Type application/xml, no body", async () => {
      expect((await seedPut()).status).to.equal(200);
      const answer = await call("POST", "/mapi/tenants/finance/consoleSecurity", {
        host: "finance.hcp.example.com:9090",
        auth: LGREEN_AUTH,
        headers: { "Content-Type": "application/xml" },
        body: SEED_CONSOLE_XML,
      });
      expect(answer.status).to.equal(200);
      expect(answer.headers["content-type"]).to.equal("application/xml");
      expect(answer.headers["x-hcp-softwareversion"]).to.equal("8.2.0.2");
      expect(answer.headers["content-length"]).to.equal("0");
      expect(answer.body).to.equal("");
      const settings = await getJson("/mapi/tenants/finance/consoleSecurity", {
        host: FINANCE_HOST,
        auth: LGREEN_AUTH,
      });
      expect(settings.ipSettings).to.deep.equal({
        allowAddresses: { ipAddress: ["192.168.103.18", "192.168.103.24", "192.168.103.25"] },
        denyAddresses: { ipAddress: [] },
        allowIfInBothLists: false,
      });
      expect(settings).to.include({
        forcePasswordChangeDays: 45,
        disableAfterAttempts: 3,
        logoutOnInactive: 20,
      });
    });

    it("answers the chargeback GET with the seed's CSV", async () => {
      expect((await seedPut()).status).to.equal(200);
      // The seed made this request with an account "that includes the administrator role".
      await control("POST", "/_emulator/users", {
        tenant: "Finance",
        username: "lgreen",
        password: "start123",
        roles: ["SECURITY", "ADMINISTRATOR"],
      });
      await seedNamespace("Finance", "finance", {
        objectCount: 6,
        ingestedVolume: 134243721,
        storageCapacityUsed: 134270976,
        bytesIn: 123986263,
        bytesOut: 87561,
        reads: 1,
        writes: 10,
        erasureCodedObjects: 11,
        multipartObjects: 2,
        multipartObjectParts: 7,
        multipartObjectBytes: 93213889,
      });
      await seedNamespace("Finance", "hr", {
        objectCount: 7,
        ingestedVolume: 9609368,
        storageCapacityUsed: 9621504,
        bytesIn: 9609368,
        writes: 7,
      });
      const answer = await call(
        "GET",
        "/mapi/tenants/finance/chargebackReport?start=2017-02-17T00:00:00-0500&end=2017-02-17T23:59:59-0500&granularity=day",
        { host: "finance.hcp.example.com:9090", auth: LGREEN_AUTH, headers: { Accept: "text/csv" } },
      );
      // Choice: the seed CSV says tenant europe where its URL, Host and PUT say Finance; expect its bytes with europe->Finance.
      const expected = SEED_CSV.replaceAll(",europe,", ",Finance,");
      expect(answer.status).to.equal(200);
      expect(answer.headers["content-type"]).to.equal("text/csv");
      expect(answer.headers["x-hcp-softwareversion"]).to.equal("8.2.0.2");
      // The seed's "Content-Length: 883" does not match its own body; the emulator sends the true length.
      expect(answer.headers["content-length"]).to.equal(String(Buffer.byteLength(expected)));
      expect(answer.body).to.equal(expected);
    });
  });

  describe("authentication", () => {
    it("answers 403, never 401, with X-HCP-ErrorMessage for missing or wrong credentials", async () => {
      const missing = await call("GET", "/mapi/tenants");
      const wrong = await call("GET", "/mapi/tenants", { auth: token(server.info.username, "not-it-1") });
      for (const answer of [missing, wrong]) {
        expect(answer.status).to.equal(403);
        expect(answer.headers["x-hcp-errormessage"]).to.be.a("string").and.not.equal("");
        expect(answer.headers["cache-control"]).to.equal(undefined);
        expect(answer.headers.expires).to.equal(undefined);
        expect(answer.headers["x-hcp-softwareversion"]).to.equal("8.2.0.2");
      }
    });

    it("compares the MD5 hex case-insensitively and accepts the hcp-api-auth and hcp-ns-auth cookies", async () => {
      const upper = adminAuth.replace(/:(.*)$/, (_, hex: string) => `:${hex.toUpperCase()}`);
      expect((await call("GET", "/mapi/tenants", { auth: upper })).status).to.equal(200);
      const bare = adminAuth.slice("HCP ".length);
      for (const cookie of [`hcp-api-auth=${bare}`, `hcp-ns-auth="${bare}"`]) {
        expect((await call("GET", "/mapi/tenants", { headers: { Cookie: cookie } })).status).to.equal(200);
      }
    });

    it("takes the realm from the Host header: unknown hosts and accounts of another realm get 403", async () => {
      await createTenant("Finance");
      for (const host of ["hcp.example.com", "127.0.0.1", "a.b.hcp.example.com", "admin.other.example.com"]) {
        expect((await call("GET", "/mapi/tenants", { host, auth: adminAuth })).status, host).to.equal(403);
      }
      const securityUser = token("Finance-sec", "start123");
      expect((await call("GET", "/mapi/tenants", { auth: securityUser })).status).to.equal(403);
      const onTenantHost = await call("GET", "/mapi/tenants/finance/consoleSecurity", {
        host: "FINANCE.hcp.example.com:443",
        auth: securityUser,
      });
      expect(onTenantHost.status).to.equal(200);
    });
  });

  describe("roles and realms", () => {
    beforeEach(async () => {
      await createTenant("Finance");
      await createTenant("Europe");
    });

    it("lets only system-level administrators create and delete tenants", async () => {
      const monitor = await addUser(undefined, "sysmon", ["MONITOR"]);
      expect((await call("GET", "/mapi/tenants", { auth: monitor })).status).to.equal(200);
      const put = await call("PUT", "/mapi/tenants?username=u1&password=start123", {
        auth: monitor,
        json: { name: "Other", hardQuota: "10 GB" },
      });
      expect(put.status).to.equal(403);
      expect((await call("DELETE", "/mapi/tenants/europe", { auth: monitor })).status).to.equal(403);
      const tenantAdmin = await addUser("Finance", "fadmin", ["ADMINISTRATOR"]);
      const fromTenant = await call("PUT", "/mapi/tenants?username=u1&password=start123", {
        host: FINANCE_HOST,
        auth: tenantAdmin,
        json: { name: "Other", hardQuota: "10 GB" },
      });
      expect(fromTenant.status).to.equal(403);
    });

    it("keeps tenant-level accounts to their own tenant and their roles", async () => {
      const security = token("Finance-sec", "start123");
      expect(
        (await call("GET", "/mapi/tenants/finance", { host: FINANCE_HOST, auth: security })).status,
      ).to.equal(403);
      const monitor = await addUser("Finance", "fmon", ["MONITOR"]);
      expect(
        (await call("GET", "/mapi/tenants/finance", { host: FINANCE_HOST, auth: monitor })).status,
      ).to.equal(200);
      expect(
        (await call("GET", "/mapi/tenants/europe", { host: FINANCE_HOST, auth: monitor })).status,
      ).to.equal(403);
      const modify = await call("POST", "/mapi/tenants/finance", {
        host: FINANCE_HOST,
        auth: monitor,
        json: { snmpLoggingEnabled: true },
      });
      expect(modify.status).to.equal(403);
      const consoleByMonitor = await call("GET", "/mapi/tenants/finance/consoleSecurity", {
        host: FINANCE_HOST,
        auth: monitor,
      });
      expect(consoleByMonitor.status).to.equal(403);
      const contactBySecurity = await call("GET", "/mapi/tenants/finance/contactInfo", {
        host: FINANCE_HOST,
        auth: security,
      });
      expect(contactBySecurity.status).to.equal(403);
    });

    it("lets system-level accounts into tenant resources only once the tenant allows administration", async () => {
      expect(
        (await call("GET", "/mapi/tenants/finance/consoleSecurity", { auth: adminAuth })).status,
      ).to.equal(403);
      expect((await call("GET", "/mapi/tenants/finance/contactInfo", { auth: adminAuth })).status).to.equal(
        403,
      );
      expect((await call("GET", "/mapi/tenants/finance", { auth: adminAuth })).status).to.equal(200);
      const tenantAdmin = await addUser("Finance", "fadmin", ["ADMINISTRATOR"]);
      const allow = await call("POST", "/mapi/tenants/finance", {
        host: FINANCE_HOST,
        auth: tenantAdmin,
        json: { administrationAllowed: true },
      });
      expect(allow.status).to.equal(200);
      expect(
        (await call("GET", "/mapi/tenants/finance/consoleSecurity", { auth: adminAuth })).status,
      ).to.equal(200);
      expect((await call("GET", "/mapi/tenants/finance/contactInfo", { auth: adminAuth })).status).to.equal(
        200,
      );
    });

    it("gives a system-level administrator only the tenant line of a chargeback report without administrative access", async () => {
      await seedNamespace("Finance", "ns1", { objectCount: 2 });
      const report = await getJson(
        "/mapi/tenants/finance/chargebackReport?start=2024-01-01T00:00:00%2B0000&end=2024-01-02T00:00:00%2B0000",
      );
      const lines = report.chargebackData as Record<string, unknown>[];
      expect(lines).to.have.length(1);
      expect(lines[0]).to.not.have.property("namespaceName");
      expect(lines[0]).to.include({ tenantName: "Finance", objectCount: 2, deleted: "false", valid: true });
    });
  });

  describe("formats", () => {
    beforeEach(async () => {
      await createTenant("Finance", { tags: { tag: ["gold"] }, systemVisibleDescription: "Finance & Co" });
    });

    it("renders a tenant in single-line XML by default", async () => {
      const answer = await call("GET", "/mapi/tenants/finance", { auth: adminAuth });
      expect(answer.status).to.equal(200);
      expect(answer.headers["content-type"]).to.equal("application/xml");
      expect(answer.headers["cache-control"]).to.equal("no-cache,no-store,must-revalidate");
      expect(answer.headers["x-frame-options"]).to.equal("SAMEORIGIN");
      expect(answer.body).to.equal(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><tenant><name>Finance</name>' +
          "<systemVisibleDescription>Finance &amp; Co</systemVisibleDescription><hardQuota>100.00 GB</hardQuota>" +
          "<softQuota>85</softQuota><namespaceQuota>None</namespaceQuota><authenticationTypes>" +
          "<authenticationType>LOCAL</authenticationType><authenticationType>RADIUS</authenticationType>" +
          "</authenticationTypes><complianceConfigurationEnabled>false</complianceConfigurationEnabled>" +
          "<versioningConfigurationEnabled>false</versioningConfigurationEnabled>" +
          "<searchConfigurationEnabled>false</searchConfigurationEnabled>" +
          "<replicationConfigurationEnabled>false</replicationConfigurationEnabled>" +
          "<erasureCodingSelectionEnabled>false</erasureCodingSelectionEnabled><tags><tag>gold</tag></tags>" +
          "<servicePlanSelectionEnabled>false</servicePlanSelectionEnabled><servicePlan>Default</servicePlan>" +
          "<dataNetwork>[hcp_system]</dataNetwork><managementNetwork>[hcp_system]</managementNetwork></tenant>",
      );
    });

    it("renders verbose JSON with id, creationTime and fullyQualifiedName", async () => {
      const tenant = await getJson("/mapi/tenants/finance?verbose=true");
      expect(tenant.id).to.match(/^[0-9a-f-]{36}$/);
      expect(tenant.creationTime).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$/);
      expect(tenant.fullyQualifiedName).to.equal("Finance.hcp.example.com");
      expect(tenant).to.not.have.property("administrationAllowed");
      const plain = await getJson("/mapi/tenants/finance");
      expect(plain).to.not.have.property("id");
      expect(plain).to.not.have.property("creationTime");
    });

    it("shows a tenant-level caller its own properties, and the system-level ones only with verbose", async () => {
      const monitor = await addUser("Finance", "fmon", ["MONITOR"]);
      const plain = await getJson("/mapi/tenants/finance", { host: FINANCE_HOST, auth: monitor });
      expect(plain).to.deep.equal({
        administrationAllowed: false,
        maxNamespacesPerUser: 100,
        snmpLoggingEnabled: false,
        syslogLoggingEnabled: false,
        tenantVisibleDescription: "",
      });
      const verbose = await getJson("/mapi/tenants/finance?verbose=true", {
        host: FINANCE_HOST,
        auth: monitor,
      });
      expect(verbose).to.include({ name: "Finance", hardQuota: "100.00 GB", softQuota: 85 });
      expect(verbose).to.not.have.property("tags");
      expect(verbose).to.not.have.property("systemVisibleDescription");
    });

    it("lists tenants as <tenants><name> in XML and {name:[…]} in JSON, Default included", async () => {
      const xml = await call("GET", "/mapi/tenants", { auth: adminAuth });
      expect(xml.body).to.equal(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><tenants><name>Default</name><name>Finance</name></tenants>',
      );
      expect(await getJson("/mapi/tenants")).to.deep.equal({ name: ["Default", "Finance"] });
      const defaultTenant = await getJson("/mapi/tenants/default?verbose=true");
      expect(defaultTenant.id).to.equal("00000000-0000-0000-0000-000000000000");
    });

    it("answers 415 for an unsupported Accept, a body without Content-Type, and CSV outside chargeback", async () => {
      const html = await call("GET", "/mapi/tenants", { auth: adminAuth, headers: { Accept: "text/html" } });
      expect(html.status).to.equal(415);
      const csv = await call("GET", "/mapi/tenants", { auth: adminAuth, headers: { Accept: "text/csv" } });
      expect(csv.status).to.equal(415);
      const untyped = await call("POST", "/mapi/tenants/finance", { auth: adminAuth, body: "<tenant/>" });
      expect(untyped.status).to.equal(415);
      const text = await call("POST", "/mapi/tenants/finance", {
        auth: adminAuth,
        headers: { "Content-Type": "text/plain" },
        body: "softQuota=50",
      });
      expect(text.status).to.equal(415);
    });

    it("renders the chargeback report in XML and JSON", async () => {
      const tenantAdmin = await addUser("Finance", "fadmin", ["ADMINISTRATOR"]);
      await seedNamespace("Finance", "ns1", { objectCount: 3, bytesIn: 10 });
      const range = "start=2024-03-01T10:00:00%2B0100&end=2024-03-01T11:30:00%2B0100";
      const json = await getJson(`/mapi/tenants/finance/chargebackReport?${range}&granularity=HOUR`, {
        host: FINANCE_HOST,
        auth: tenantAdmin,
      });
      const lines = json.chargebackData as Record<string, unknown>[];
      expect(lines.map((l) => [l.namespaceName, l.startTime, l.endTime])).to.deep.equal([
        ["ns1", "2024-03-01T10:00:00+0100", "2024-03-01T10:59:59+0100"],
        [undefined, "2024-03-01T10:00:00+0100", "2024-03-01T10:59:59+0100"],
        ["ns1", "2024-03-01T11:00:00+0100", "2024-03-01T11:59:59+0100"],
        [undefined, "2024-03-01T11:00:00+0100", "2024-03-01T11:59:59+0100"],
      ]);
      const xml = await call("GET", `/mapi/tenants/finance/chargebackReport?${range}&granularity=total`, {
        host: FINANCE_HOST,
        auth: tenantAdmin,
      });
      expect(xml.body).to.contain(
        "<chargebackReport><chargebackData><systemName>finance.hcp.example.com</systemName>",
      );
      const backwards = await call(
        "GET",
        "/mapi/tenants/finance/chargebackReport?start=2024-03-02T00:00:00%2B0000&end=2024-03-01T00:00:00%2B0000",
        {
          host: FINANCE_HOST,
          auth: tenantAdmin,
        },
      );
      expect(backwards.status).to.equal(400);
      const unencodedPlus = await call(
        "GET",
        `/mapi/tenants/finance/chargebackReport?start=2024-03-01T10:00:00+0100`,
        {
          host: FINANCE_HOST,
          auth: tenantAdmin,
        },
      );
      expect(unencodedPlus.status).to.equal(400);
      const badGranularity = await call("GET", "/mapi/tenants/finance/chargebackReport?granularity=week", {
        host: FINANCE_HOST,
        auth: tenantAdmin,
      });
      expect(badGranularity.status).to.equal(400);
    });
  });

  describe("creating tenants", () => {
    const put = (query: string, json: unknown) =>
      call("PUT", `/mapi/tenants${query}`, { auth: adminAuth, json });

    it("requires username and password while LOCAL authentication is on", async () => {
      const noPassword = await put("?username=u1", { name: "Finance", hardQuota: "10 GB" });
      expect(noPassword.status).to.equal(400);
      expect(noPassword.headers["x-hcp-errormessage"]).to.equal("'password' parameter is required.");
      const noUser = await put("?password=start123", { name: "Finance", hardQuota: "10 GB" });
      expect(noUser.headers["x-hcp-errormessage"]).to.equal("'username' parameter is required.");
      const weak = await put("?username=u1&password=abcdefgh", { name: "Finance", hardQuota: "10 GB" });
      expect(weak.status).to.equal(400);
      const external = await put("", {
        name: "Finance",
        hardQuota: "10 GB",
        authenticationTypes: { authenticationType: ["EXTERNAL"] },
      });
      expect(external.status).to.equal(200);
    });

    it("rejects bad names, RADIUS alone, unknown plans and networks with 400, and duplicates with 409", async () => {
      const base = { hardQuota: "10 GB" };
      const query = "?username=u1&password=start123";
      for (const name of ["-bad", "xn--abc", "www", "a b", "x".repeat(64)]) {
        expect((await put(query, { ...base, name })).status, name).to.equal(400);
      }
      const radius = { ...base, name: "R", authenticationTypes: { authenticationType: ["radius"] } };
      expect((await put(query, radius)).status).to.equal(400);
      expect((await put(query, { ...base, name: "P", servicePlan: "Gold" })).status).to.equal(400);
      expect((await put(query, { ...base, name: "N", dataNetwork: "net999" })).status).to.equal(400);
      expect((await put(query, { ...base, name: "Q", administrationAllowed: true })).status).to.equal(403);
      expect((await put(query, { ...base, name: "Finance" })).status).to.equal(200);
      const duplicate = await put(query, { ...base, name: "FINANCE" });
      expect(duplicate.status).to.equal(409);
      expect(duplicate.headers["x-hcp-errormessage"]).to.be.a("string");
    });

    it("gives a new tenant the documented defaults", async () => {
      await createTenant("Finance");
      const tenantAdmin = await addUser("Finance", "fadmin", ["ADMINISTRATOR", "SECURITY"]);
      const asTenant = { host: FINANCE_HOST, auth: tenantAdmin };
      expect(await getJson("/mapi/tenants/finance/permissions", asTenant)).to.deep.equal({
        permission: ["DELETE", "PRIVILEGED", "PURGE", "READ", "SEARCH", "WRITE"],
      });
      const defaults = await getJson("/mapi/tenants/finance/namespaceDefaults", asTenant);
      expect(defaults).to.include({
        hardQuota: "50.00 GB",
        softQuota: 85,
        hashScheme: "SHA-256",
        dpl: "Dynamic",
      });
      expect(defaults).to.not.have.property("enterpriseMode");
      const email = await getJson("/mapi/tenants/finance/emailNotification", asTenant);
      expect(email).to.deep.include({ enabled: false, recipients: { recipient: [] } });
      expect((email.emailTemplate as Record<string, string>).from).to.equal("log@$location");
      const search = await getJson("/mapi/tenants/finance/searchSecurity", asTenant);
      expect(search).to.deep.equal({
        ipSettings: {
          allowAddresses: { ipAddress: ["0.0.0.0/0"] },
          denyAddresses: { ipAddress: [] },
          allowIfInBothLists: true,
        },
      });
      const consoleSecurity = await getJson("/mapi/tenants/finance/consoleSecurity", asTenant);
      expect(consoleSecurity).to.include({
        minimumPasswordLength: 6,
        forcePasswordChangeDays: 180,
        disableAfterAttempts: 5,
        disableAfterInactiveDays: 180,
        logoutOnInactive: 10,
        automaticUserAccoutUnlockDuration: 5,
      });
    });
  });

  describe("modifying tenants", () => {
    let tenantAdmin: string;

    beforeEach(async () => {
      await createTenant("Finance", { tags: { tag: ["a", "b"] }, softQuota: 70 });
      tenantAdmin = await addUser("Finance", "fadmin", ["ADMINISTRATOR", "MONITOR", "SECURITY"]);
    });

    it("merges a partial POST and replaces lists whole", async () => {
      const answer = await call("POST", "/mapi/tenants/finance", {
        auth: adminAuth,
        headers: { "Content-Type": "application/xml" },
        body: "<tenant><tags><tag>c</tag></tags><hardQuota>200 GB</hardQuota></tenant>",
      });
      expect(answer.status).to.equal(200);
      expect(answer.body).to.equal("");
      const tenant = await getJson("/mapi/tenants/finance");
      expect(tenant).to.deep.include({ tags: { tag: ["c"] }, hardQuota: "200.00 GB", softQuota: 70 });
      const cleared = await call("POST", "/mapi/tenants/finance", {
        auth: adminAuth,
        json: { tags: { tag: [] } },
      });
      expect(cleared.status).to.equal(200);
      expect((await getJson("/mapi/tenants/finance")).tags).to.deep.equal({ tag: [] });
    });

    it("answers 400 for a property a tenant lacks and 403 for one this caller may not set", async () => {
      const post = (json: unknown, asTenant = false) =>
        call(
          "POST",
          "/mapi/tenants/finance",
          asTenant ? { host: FINANCE_HOST, auth: tenantAdmin, json } : { auth: adminAuth, json },
        );
      expect((await post({ colour: "blue" })).status).to.equal(400);
      expect((await post({ colour: "blue" }, true)).status).to.equal(400);
      expect((await post({ hardQuota: "200 GB" }, true)).status).to.equal(403);
      expect((await post({ maxNamespacesPerUser: 5 })).status).to.equal(403);
      expect((await post({ id: "x" })).status).to.equal(403);
      expect((await post({ name: "Renamed" })).status).to.equal(403);
      expect((await post({ name: "finance", softQuota: "60" })).status).to.equal(200);
      expect((await post({ softQuota: 5 })).status).to.equal(400);
      expect((await post({ maxNamespacesPerUser: 10001 }, true)).status).to.equal(400);
      expect((await post({ maxNamespacesPerUser: "12", snmpLoggingEnabled: "t" }, true)).status).to.equal(
        200,
      );
      const tenant = await getJson("/mapi/tenants/finance", { host: FINANCE_HOST, auth: tenantAdmin });
      expect(tenant).to.include({ maxNamespacesPerUser: 12, snmpLoggingEnabled: true });
      expect((await post({ syslogLoggingEnabled: "yes" }, true)).status).to.equal(200);
      expect(await getJson("/mapi/tenants/finance", { host: FINANCE_HOST, auth: tenantAdmin })).to.include({
        syslogLoggingEnabled: false,
      });
    });

    it("refuses a hard quota below what the namespaces hold", async () => {
      await control("POST", "/_emulator/namespaces", {
        tenant: "Finance",
        name: "big",
        hardQuotaBytes: 150 * 1024 ** 3,
      });
      expect(
        (await call("POST", "/mapi/tenants/finance", { auth: adminAuth, json: { hardQuota: "160 GB" } }))
          .status,
      ).to.equal(200);
      const below = await call("POST", "/mapi/tenants/finance", {
        auth: adminAuth,
        json: { hardQuota: "100 GB" },
      });
      expect(below.status).to.equal(400);
    });

    it("validates console security ranges and addresses, naming the property", async () => {
      const post = (json: unknown) =>
        call("POST", "/mapi/tenants/finance/consoleSecurity", {
          host: FINANCE_HOST,
          auth: tenantAdmin,
          json,
        });
      const short = await post({ minimumPasswordLength: 1 });
      expect(short.status).to.equal(400);
      expect(short.headers["x-hcp-errormessage"]).to.contain("minimumPasswordLength");
      const badCidr = await post({ ipSettings: { allowAddresses: { ipAddress: ["10.0.0.0/33"] } } });
      expect(badCidr.status).to.equal(400);
      expect(badCidr.headers["x-hcp-errormessage"]).to.contain("allowAddresses");
      const ok = await post({
        ipSettings: {
          denyAddresses: { ipAddress: ["10.1.0.0/255.255.0.0", "192.168.1.1,192.168.1.2", "::1/128"] },
        },
        automaticUserAccoutUnlockDuration: "0",
        passwordcombination: "1",
      });
      expect(ok.status).to.equal(200);
      const settings = await getJson("/mapi/tenants/finance/consoleSecurity", {
        host: FINANCE_HOST,
        auth: tenantAdmin,
      });
      expect(settings.ipSettings).to.deep.include({ allowAddresses: { ipAddress: ["0.0.0.0/0"] } });
      expect(settings).to.include({ automaticUserAccoutUnlockDuration: 0, passwordCombination: true });
    });

    it("replaces the permission mask, adding DELETE for PURGE and READ for SEARCH", async () => {
      const post = (body: string, type = "application/xml") =>
        call("POST", "/mapi/tenants/finance/permissions", {
          host: FINANCE_HOST,
          auth: tenantAdmin,
          headers: { "Content-Type": type },
          body,
        });
      expect(
        (
          await post(
            "<permissions><permission>PURGE</permission><permission>SEARCH</permission></permissions>",
          )
        ).status,
      ).to.equal(200);
      const xml = await call("GET", "/mapi/tenants/finance/permissions", {
        host: FINANCE_HOST,
        auth: tenantAdmin,
      });
      expect(xml.body).to.equal(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><permissions><permission>DELETE</permission>' +
          "<permission>PURGE</permission><permission>READ</permission><permission>SEARCH</permission></permissions>",
      );
      expect((await post('{"permission":["read"]}', "application/json")).status).to.equal(400);
      expect((await post('{"permission":[]}', "application/json")).status).to.equal(200);
      expect(
        await getJson("/mapi/tenants/finance/permissions", { host: FINANCE_HOST, auth: tenantAdmin }),
      ).to.deep.equal({
        permission: [],
      });
    });

    it("replaces email recipients and validates them", async () => {
      const post = (json: unknown) =>
        call("POST", "/mapi/tenants/finance/emailNotification", {
          host: FINANCE_HOST,
          auth: tenantAdmin,
          json,
        });
      const recipients = {
        recipient: [{ address: "ops@example.com", importance: "all", type: "general,security" }],
      };
      expect((await post({ enabled: true, recipients })).status).to.equal(200);
      const email = await getJson("/mapi/tenants/finance/emailNotification", {
        host: FINANCE_HOST,
        auth: tenantAdmin,
      });
      expect(email.recipients).to.deep.equal({
        recipient: [
          { address: "ops@example.com", importance: "ALL", severity: "ERROR", type: "GENERAL,SECURITY" },
        ],
      });
      expect((await post({ emailTemplate: { from: "x@example.com" } })).status).to.equal(400);
      const tooMany = { recipient: Array.from({ length: 26 }, (_, i) => ({ address: `r${i}@example.com` })) };
      expect((await post({ recipients: tooMany })).status).to.equal(400);
    });

    it("offers service plans only when the tenant may select them", async () => {
      const path = "/mapi/tenants/finance/availableServicePlans";
      expect((await call("GET", path, { host: FINANCE_HOST, auth: tenantAdmin })).status).to.equal(403);
      await call("POST", "/mapi/tenants/finance", {
        auth: adminAuth,
        json: { servicePlanSelectionEnabled: true },
      });
      expect(await getJson(path, { host: FINANCE_HOST, auth: tenantAdmin })).to.deep.equal({
        name: ["Default", "Short-Term-Activity"],
      });
      const plan = await getJson(`${path}/Short-Term-Activity`, { host: FINANCE_HOST, auth: tenantAdmin });
      expect(plan.name).to.equal("Short-Term-Activity");
    });

    it("sums namespace figures in statistics", async () => {
      await seedNamespace("Finance", "a", { objectCount: 2, storageCapacityUsed: 100 });
      await seedNamespace("Finance", "b", { objectCount: 3, storageCapacityUsed: 50 });
      const stats = await getJson("/mapi/tenants/finance/statistics", {
        host: FINANCE_HOST,
        auth: tenantAdmin,
      });
      expect(stats).to.include({ objectCount: 5, storageCapacityUsed: 150, shredCount: 0 });
    });

    it("accepts namespace defaults only for features the tenant has switched on", async () => {
      const post = (json: unknown) =>
        call("POST", "/mapi/tenants/finance/namespaceDefaults", {
          host: FINANCE_HOST,
          auth: tenantAdmin,
          json,
        });
      expect((await post({ enterpriseMode: false })).status).to.equal(400);
      expect((await post({ softQuota: 96 })).status).to.equal(400);
      expect((await post({ hashScheme: "sha-256" })).status).to.equal(400);
      expect((await post({ hardQuota: "101 GB" })).status).to.equal(400);
      await call("POST", "/mapi/tenants/finance", {
        auth: adminAuth,
        json: { complianceConfigurationEnabled: true },
      });
      expect((await post({ optimizedFor: "cloud" })).status).to.equal(400);
      expect(
        (await post({ enterpriseMode: false, hashScheme: "SHA-512", optimizedFor: "CLOUD" })).status,
      ).to.equal(200);
      const defaults = await getJson("/mapi/tenants/finance/namespaceDefaults", {
        host: FINANCE_HOST,
        auth: tenantAdmin,
      });
      expect(defaults).to.include({ enterpriseMode: false, hashScheme: "SHA-512", optimizedFor: "CLOUD" });
    });
  });

  describe("the default tenant", () => {
    it("serves system-level accounts only, and none of the resources that are not valid for it", async () => {
      expect(await getJson("/mapi/tenants/default")).to.deep.equal({
        systemVisibleDescription: "",
        snmpLoggingEnabled: false,
        syslogLoggingEnabled: false,
        tenantVisibleDescription: "",
      });
      expect((await call("GET", "/mapi/tenants/Default/contactInfo", { auth: adminAuth })).status).to.equal(
        200,
      );
      for (const resource of ["consoleSecurity", "searchSecurity", "namespaceDefaults", "chargebackReport"]) {
        const answer = await call("GET", `/mapi/tenants/Default/${resource}`, { auth: adminAuth });
        expect(answer.status, resource).to.equal(404);
      }
      const post = await call("POST", "/mapi/tenants/Default", {
        auth: adminAuth,
        json: { hardQuota: "5 GB" },
      });
      expect(post.status).to.equal(403);
      const onHost = await call("GET", "/mapi/tenants/default", {
        host: "default.hcp.example.com",
        auth: adminAuth,
      });
      expect(onHost.status).to.equal(403);
    });
  });

  describe("HEAD and DELETE", () => {
    beforeEach(async () => {
      await createTenant("Finance");
    });

    it("answers HEAD with 200, 404 for a missing tenant, or 302 once configured", async () => {
      expect((await call("HEAD", "/mapi/tenants/finance", { auth: adminAuth })).status).to.equal(200);
      expect((await call("HEAD", "/mapi/tenants/nothere", { auth: adminAuth })).status).to.equal(404);
      await control("POST", "/_emulator/config", { headMissingStatus: 302, softwareVersion: "9.7.0.1" });
      const missing = await call("HEAD", "/mapi/tenants/nothere", { auth: adminAuth });
      expect(missing.status).to.equal(302);
      expect(missing.headers["x-hcp-softwareversion"]).to.equal("9.7.0.1");
      const securityOnly = token("Finance-sec", "start123");
      const hidden = await call("HEAD", "/mapi/tenants/finance", { host: FINANCE_HOST, auth: securityOnly });
      expect(hidden.status).to.equal(302);
    });

    it("refuses to delete a tenant that owns namespaces, then deletes it once they are gone", async () => {
      await seedNamespace("Finance", "ns1");
      await seedNamespace("Finance", "ns2");
      const refused = await call("DELETE", "/mapi/tenants/finance", { auth: adminAuth });
      expect(refused.status).to.equal(403);
      expect(refused.headers["x-hcp-errormessage"]).to.contain("2 namespace");
      await control("DELETE", "/_emulator/namespaces/Finance/ns1");
      await control("DELETE", "/_emulator/namespaces/Finance/ns2");
      const deleted = await call("DELETE", "/mapi/tenants/finance", { auth: adminAuth });
      expect(deleted.status).to.equal(200);
      expect(deleted.headers["content-length"]).to.equal("0");
      expect((await call("DELETE", "/mapi/tenants/finance", { auth: adminAuth })).status).to.equal(404);
      expect((await call("DELETE", "/mapi/tenants/default", { auth: adminAuth })).status).to.equal(403);
    });
  });

  describe("listing tenants", () => {
    beforeEach(async () => {
      await createTenant("Alpha", { hardQuota: "300 GB", tags: { tag: ["eu-west"] } });
      await createTenant("beta", { hardQuota: "2 TB" });
      await createTenant("Gamma", { hardQuota: "1 GB", tags: { tag: ["EU-north"] } });
    });

    const names = async (query: string) => (await getJson(`/mapi/tenants${query}`)).name;

    it("sorts by name or hard quota in either order", async () => {
      expect(await names("")).to.deep.equal(["Alpha", "beta", "Default", "Gamma"]);
      expect(await names("?sortOrder=descending")).to.deep.equal(["Gamma", "Default", "beta", "Alpha"]);
      expect(await names("?sortType=hardQuota")).to.deep.equal(["Default", "Gamma", "Alpha", "beta"]);
    });

    it("pages with offset and count, and filters by name or tag prefix", async () => {
      expect(await names("?offset=1&count=2")).to.deep.equal(["beta", "Default"]);
      expect(await names("?filterString=B")).to.deep.equal(["beta"]);
      expect(await names("?filterType=tag&filterString=eu")).to.deep.equal(["Alpha", "Gamma"]);
      expect(await names("?filterType=tag")).to.have.length(4);
      expect((await call("GET", "/mapi/tenants?sortType=size", { auth: adminAuth })).status).to.equal(400);
      expect((await call("GET", "/mapi/tenants?offset=-1", { auth: adminAuth })).status).to.equal(400);
    });
  });

  describe("control API and persistence", () => {
    it("logs requests without password values and dumps state without password hashes", async () => {
      await createTenant("Finance");
      const requests = (await control("GET", "/_emulator/requests")) as {
        path: string;
        query: string;
        api: string;
      }[];
      const put = requests.find((r) => r.path === "/mapi/tenants" && r.query.includes("username"));
      expect(put?.api).to.equal("hcp");
      expect(put?.query).to.not.contain("start123");
      const state = JSON.stringify(await control("GET", "/_emulator/state"));
      expect(state).to.not.contain("passwordMd5");
      expect(state).to.contain("Finance");
    });

    it("saves state after every change, keeping only MD5s, and loads it at the next start", async () => {
      const directory = mkdtempSync(join(tmpdir(), "hcp-state-"));
      const stateFile = join(directory, "state.json");
      const first = await startHcpEmulator({ host: "127.0.0.1", port: 0, latencyMs: 0, log, stateFile });
      try {
        const firstAuth = token(first.info.username, first.info.password);
        const firstPort = Number(new URL(first.info.url).port);
        const answer = await new Promise<number>((resolve, reject) => {
          const req = request(
            {
              host: "127.0.0.1",
              port: firstPort,
              method: "PUT",
              path: "/mapi/tenants?username=keeper&password=secret99",
              headers: { Host: ADMIN_HOST, Authorization: firstAuth, "Content-Type": "application/json" },
              servername: ADMIN_HOST,
              ca: readFileSync(first.info.caCertPath),
              agent: false,
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on("error", reject);
          req.end(JSON.stringify({ name: "Persisted", hardQuota: "5 GB" }));
        });
        expect(answer).to.equal(200);
      } finally {
        await first.close();
      }
      const saved = readFileSync(stateFile, "utf8");
      expect(saved).to.contain("Persisted");
      expect(saved).to.not.contain("secret99");
      expect(saved).to.contain(md5("secret99"));
      const second = await startHcpEmulator({ host: "127.0.0.1", port: 0, latencyMs: 0, log, stateFile });
      try {
        const secondPort = Number(new URL(second.info.url).port);
        const body = await new Promise<string>((resolve, reject) => {
          const req = request(
            {
              host: "127.0.0.1",
              port: secondPort,
              path: "/_emulator/state",
              ca: readFileSync(second.info.caCertPath),
              agent: false,
            },
            (res) => {
              let text = "";
              res.on("data", (chunk) => {
                text += chunk;
              });
              res.on("end", () => resolve(text));
            },
          );
          req.on("error", reject);
          req.end();
        });
        expect(body).to.contain("Persisted");
      } finally {
        await second.close();
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });
});
