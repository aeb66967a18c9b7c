import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { request } from "node:https";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import {
  FAULT_KINDS,
  type FaultKind,
  FaultPlan,
  FaultSettingsError,
  faultSettings,
  parseFaultKinds,
  readFaultSettings,
} from "../../emulator/core/faults";

describe("fault plan", () => {
  const draws = (plan: FaultPlan, n: number) => Array.from({ length: n }, () => plan.next());

  it("gives the same decisions for the same seed and different ones for another seed", () => {
    const settings = { rate: 0.3, kinds: FAULT_KINDS };
    const first = draws(new FaultPlan({ ...settings, seed: 42 }), 1000);
    expect(draws(new FaultPlan({ ...settings, seed: 42 }), 1000)).to.deep.equal(first);
    expect(draws(new FaultPlan({ ...settings, seed: 43 }), 1000)).to.not.deep.equal(first);
  });

  for (const rate of [0.01, 0.1, 0.25, 0.5, 0.9]) {
    it(`faults ${rate} of 10,000 requests, within ±0.02`, () => {
      for (const seed of [1, 2, 99]) {
        const faulted = draws(new FaultPlan({ rate, seed, kinds: FAULT_KINDS }), 10_000).filter(Boolean);
        expect(faulted.length / 10_000).to.be.closeTo(rate, 0.02);
      }
    });
  }

  it("never faults at rate 0 and always at rate 1", () => {
    expect(draws(new FaultPlan({ rate: 0, seed: 1, kinds: FAULT_KINDS }), 1000).filter(Boolean)).to.be.empty;
    expect(draws(new FaultPlan({ rate: 1, seed: 1, kinds: FAULT_KINDS }), 1000)).to.not.include(undefined);
  });

  it("spreads faults evenly over all kinds by default", () => {
    const faults = draws(new FaultPlan({ rate: 1, seed: 5, kinds: FAULT_KINDS }), 10_000);
    for (const kind of FAULT_KINDS) {
      expect(faults.filter((f) => f === kind).length / 10_000, kind).to.be.closeTo(1 / 6, 0.02);
    }
  });

  it("draws only the kinds it is given", () => {
    const faults = draws(new FaultPlan({ rate: 0.5, seed: 8, kinds: ["503", "reset-after"] }), 10_000);
    expect(new Set(faults)).to.deep.equal(new Set([undefined, "503", "reset-after"]));
    expect(faults.filter((f) => f === "503").length / 10_000).to.be.closeTo(0.25, 0.02);
  });

  it("parses a comma list of kinds and names an unknown one", () => {
    expect(parseFaultKinds("500, reset-after,429")).to.deep.equal(["500", "reset-after", "429"]);
    expect(() => parseFaultKinds("500,timeout")).to.throw(FaultSettingsError, /"timeout".*reset-before/);
  });

  it("checks settings and merges a control body onto the current ones", () => {
    expect(() => faultSettings({ rate: 1.5 })).to.throw(FaultSettingsError, /rate/);
    expect(() => faultSettings({ seed: 1.5 })).to.throw(FaultSettingsError, /seed/);
    expect(() => faultSettings({ kinds: [] })).to.throw(FaultSettingsError, /kinds/);
    expect(() => faultSettings({ slowMs: -1 })).to.throw(FaultSettingsError, /slow/);
    expect(() => faultSettings({ path: 5 as never })).to.throw(FaultSettingsError, /path/);
    expect(() => faultSettings({ method: "put" })).to.throw(FaultSettingsError, /method/);
    expect(faultSettings({ rate: 0.5, seed: undefined })).to.include({ rate: 0.5, seed: 1, slowMs: 1500 });
    const current = faultSettings({ rate: 0.2, seed: 9, kinds: ["500"], slowMs: 10 });
    expect(readFaultSettings({ rate: 0 }, current)).to.deep.equal({ ...current, rate: 0 });
    expect(() => readFaultSettings({ seed: 3 }, current)).to.throw(FaultSettingsError, /"rate" is required/);
    expect(() => readFaultSettings({ rate: 1, delay: 3 }, current)).to.throw(FaultSettingsError, /delay/);
  });
});

type Outcome = { status: number; headers: IncomingHttpHeaders; body: string } | "reset";

const RESET_CODES = ["ECONNRESET", "UND_ERR_SOCKET"];
const ADMIN_HOST = "admin.hcp.example.com";
const SLOW_MS = 150;

describe("fault injection in the running emulators", function () {
  this.timeout(20_000);
  let emulators: RunningEmulators;
  let acronisOrigin: string;
  let token: string;
  let hcpPort: number;
  let ca: string;
  let hcpAuth: string;

  before(async () => {
    emulators = await startEmulators({ faults: { seed: 7, slowMs: SLOW_MS } });
    acronisOrigin = new URL(emulators.acronis.baseUrl).origin;
    hcpPort = Number(new URL(emulators.hcp.url).port);
    ca = readFileSync(emulators.hcp.caCertPath, "utf8");
    const md5 = createHash("md5").update(emulators.hcp.password).digest("hex");
    hcpAuth = `HCP ${Buffer.from(emulators.hcp.username).toString("base64")}:${md5}`;
  });

  after(async () => {
    await emulators.close();
  });

  beforeEach(async () => {
    await setFaults("acronis", { rate: 0, path: "" });
    await setFaults("hcp", { rate: 0, path: "" });
    await acronisControl("POST", "/reset");
    await hcpCall("POST", "/_emulator/reset", { host: "127.0.0.1" });
    emulators.log.clear();
    token = await requestToken();
  });

  async function requestToken(): Promise<string> {
    const answer = await tokenCall();
    if (answer === "reset" || answer.status !== 200) throw new Error("no token");
    return JSON.parse(answer.body).access_token;
  }

  function tokenCall(): Promise<Outcome> {
    const { clientId, clientSecret } = emulators.acronis;
    return acronisCall("POST", "/api/2/idp/token", {
      body: "grant_type=client_credentials",
      headers: {
        Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
  }

  async function acronisCall(
    method: string,
    path: string,
    options: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Outcome> {
    try {
      const response = await fetch(`${acronisOrigin}${path}`, { method, ...options });
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      };
    } catch (err) {
      const code = ((err as Error).cause as { code?: string } | undefined)?.code;
      if (code && RESET_CODES.includes(code)) return "reset";
      throw err;
    }
  }

  const acronisApi = (method: string, path: string, json?: unknown) =>
    acronisCall(method, `/api/2${path}`, {
      body: json === undefined ? undefined : JSON.stringify(json),
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    });

  async function acronisControl(method: string, path: string, json?: unknown) {
    const answer = await acronisCall(method, `/_emulator${path}`, {
      body: json === undefined ? undefined : JSON.stringify(json),
      headers: { "Content-Type": "application/json" },
    });
    if (answer === "reset") throw new Error(`control call ${path} was reset`);
    return { status: answer.status, body: answer.body === "" ? undefined : JSON.parse(answer.body) };
  }

  function hcpCall(
    method: string,
    path: string,
    options: { host?: string; auth?: string; json?: unknown } = {},
  ): Promise<Outcome> {
    const host = options.host ?? ADMIN_HOST;
    const headers: Record<string, string> = { Host: host, "Content-Type": "application/json" };
    if (options.auth) headers.Authorization = options.auth;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: hcpPort,
          method,
          path,
          headers,
          servername: host === ADMIN_HOST ? host : "",
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
      req.on("error", (err: NodeJS.ErrnoException) =>
        err.code && RESET_CODES.includes(err.code) ? resolve("reset") : reject(err),
      );
      req.end(options.json === undefined ? undefined : JSON.stringify(options.json));
    });
  }

  const hcpApi = (method: string, path: string, json?: unknown) =>
    hcpCall(method, path, { auth: hcpAuth, json });

  async function hcpControl(method: string, path: string, json?: unknown) {
    const answer = await hcpCall(method, path, { host: "127.0.0.1", json });
    if (answer === "reset") throw new Error(`control call ${path} was reset`);
    return { status: answer.status, body: JSON.parse(answer.body) };
  }

  async function setFaults(api: "acronis" | "hcp", settings: Record<string, unknown>) {
    const answer =
      api === "acronis"
        ? await acronisControl("POST", "/faults", settings)
        : await hcpControl("POST", "/_emulator/faults", settings);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    return answer.body;
  }

  function answered(outcome: Outcome) {
    if (outcome === "reset") throw new Error("expected an answer, the connection was reset");
    return outcome;
  }

  const readPartner = () => acronisApi("GET", `/tenants/${emulators.acronis.partnerTenantId}`);

  const lastLogged = (api: "acronis" | "hcp") => emulators.log.list(api).at(-1);

  const createAcronisTenant = (name: string) =>
    acronisApi("POST", "/tenants", { name, parent_id: emulators.acronis.partnerTenantId, kind: "customer" });

  async function acronisTenantNames(): Promise<string[]> {
    const state = await acronisControl("GET", "/state");
    return state.body.tenants.map((t: { name: string }) => t.name);
  }

  const createHcpTenant = (name: string) =>
    hcpApi("PUT", `/mapi/tenants?username=${name}-sec&password=start123`, { name, hardQuota: "100 GB" });

  async function hcpTenantNames(): Promise<string[]> {
    const state = await hcpControl("GET", "/_emulator/state");
    return state.body.tenants.map((t: { name: string }) => t.name);
  }

  it("seeds Acronis with the given seed and HCP with seed + 1, faults off until asked", async () => {
    const acronis = await acronisControl("GET", "/faults");
    const hcp = await hcpControl("GET", "/_emulator/faults");
    expect(acronis.body).to.include({ rate: 0, seed: 7, slowMs: SLOW_MS });
    expect(acronis.body.kinds).to.deep.equal([...FAULT_KINDS]);
    expect(hcp.body).to.include({ rate: 0, seed: 8, slowMs: SLOW_MS });
  });

  describe("500 and 503", () => {
    it("Acronis: a platform error, and the request is not applied", async () => {
      await setFaults("acronis", { rate: 1, kinds: ["500"] });
      const failed = answered(await createAcronisTenant("Lost500"));
      expect(failed.status).to.equal(500);
      expect(failed.headers["retry-after"]).to.equal(undefined);
      expect(JSON.parse(failed.body).error).to.include({ code: 500, domain: "PlatformAccountServer" });
      await setFaults("acronis", { rate: 1, kinds: ["503"] });
      const unavailable = answered(await readPartner());
      expect(unavailable.status).to.equal(503);
      expect(unavailable.headers["retry-after"]).to.equal("1");
      expect(JSON.parse(unavailable.body).error).to.include({ code: 503, domain: "PlatformAccountServer" });
      await setFaults("acronis", { rate: 0 });
      expect(await acronisTenantNames()).to.not.include("Lost500");
    });

    it("Acronis: the token endpoint fails too", async () => {
      await setFaults("acronis", { rate: 1, kinds: ["503"] });
      const answer = answered(await tokenCall());
      expect(answer.status).to.equal(503);
      expect(lastLogged("acronis")).to.include({ path: "/api/2/idp/token", status: 503, fault: "503" });
    });

    it("HCP: no body, X-HCP-ErrorMessage and X-HCP-SoftwareVersion, and the request is not applied", async () => {
      await setFaults("hcp", { rate: 1, kinds: ["500"] });
      const failed = answered(await createHcpTenant("Lost500"));
      expect(failed.status).to.equal(500);
      expect(failed.body).to.equal("");
      expect(failed.headers["x-hcp-errormessage"]).to.be.a("string").and.not.empty;
      expect(failed.headers["x-hcp-softwareversion"]).to.equal("8.2.0.2");
      expect(failed.headers["retry-after"]).to.equal(undefined);
      await setFaults("hcp", { rate: 1, kinds: ["503"] });
      const unavailable = answered(await hcpApi("GET", "/mapi/tenants"));
      expect(unavailable.status).to.equal(503);
      expect(unavailable.headers["retry-after"]).to.equal("1");
      expect(unavailable.body).to.equal("");
      await setFaults("hcp", { rate: 0 });
      expect(await hcpTenantNames()).to.not.include("Lost500");
    });
  });

  describe("429", () => {
    function expectAlternatingRetryAfter(first: string | string[] | undefined, second: typeof first) {
      expect(first).to.equal("1");
      expect(second).to.match(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      const ahead = Date.parse(String(second)) - Date.now();
      expect(ahead).to.be.within(0, 2500);
    }

    it("Acronis: Retry-After alternates between seconds and an HTTP date", async () => {
      await setFaults("acronis", { rate: 1, kinds: ["429"] });
      const first = answered(await readPartner());
      const second = answered(await readPartner());
      expect([first.status, second.status]).to.deep.equal([429, 429]);
      expect(JSON.parse(first.body).error).to.include({ code: 429, domain: "PlatformAccountServer" });
      expectAlternatingRetryAfter(first.headers["retry-after"], second.headers["retry-after"]);
      expect(answered(await readPartner()).headers["retry-after"]).to.equal("1");
    });

    it("HCP: Retry-After alternates between seconds and an HTTP date", async () => {
      await setFaults("hcp", { rate: 1, kinds: ["429"] });
      const first = answered(await hcpApi("GET", "/mapi/tenants"));
      const second = answered(await hcpApi("GET", "/mapi/tenants"));
      expect([first.status, second.status]).to.deep.equal([429, 429]);
      expect(first.headers["x-hcp-errormessage"]).to.be.a("string").and.not.empty;
      expectAlternatingRetryAfter(first.headers["retry-after"], second.headers["retry-after"]);
    });
  });

  describe("slow", () => {
    it("Acronis: answers normally after slowMs, the change applied at once", async () => {
      await setFaults("acronis", { rate: 1, kinds: ["slow"] });
      const started = Date.now();
      const created = answered(await createAcronisTenant("Slowpoke"));
      expect(Date.now() - started).to.be.at.least(SLOW_MS - 10);
      expect(created.status).to.equal(201);
      expect(lastLogged("acronis")).to.include({ status: 201, fault: "slow" });
    });

    it("Acronis: a client timeout fires while the change is already applied", async () => {
      await setFaults("acronis", { rate: 1, kinds: ["slow"] });
      const timedOut = fetch(`${emulators.acronis.baseUrl}/tenants`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          name: "Impatient",
          parent_id: emulators.acronis.partnerTenantId,
          kind: "customer",
        }),
        signal: AbortSignal.timeout(30),
      });
      const error = await timedOut.then(
        () => undefined,
        (err: Error) => err,
      );
      expect(error?.name).to.equal("TimeoutError");
      expect(await acronisTenantNames()).to.include("Impatient");
    });

    it("HCP: answers normally after slowMs", async () => {
      await setFaults("hcp", { rate: 1, kinds: ["slow"] });
      const started = Date.now();
      const created = answered(await createHcpTenant("Slowpoke"));
      expect(Date.now() - started).to.be.at.least(SLOW_MS - 10);
      expect(created.status).to.equal(200);
      expect(lastLogged("hcp")).to.include({ status: 200, fault: "slow" });
    });
  });

  describe("resets", () => {
    it("Acronis reset-before: the client sees a reset and nothing is applied", async () => {
      await setFaults("acronis", { rate: 1, kinds: ["reset-before"] });
      expect(await createAcronisTenant("NeverMade")).to.equal("reset");
      expect(lastLogged("acronis")).to.include({
        method: "POST",
        path: "/api/2/tenants",
        status: 0,
        fault: "reset-before",
      });
      expect(await acronisTenantNames()).to.not.include("NeverMade");
    });

    it("Acronis reset-after: the client sees a reset but the tenant was created", async () => {
      await setFaults("acronis", { rate: 1, kinds: ["reset-after"] });
      expect(await createAcronisTenant("Phantom")).to.equal("reset");
      expect(lastLogged("acronis")).to.include({ path: "/api/2/tenants", status: 201, fault: "reset-after" });
      expect(await acronisTenantNames()).to.include("Phantom");
      await setFaults("acronis", { rate: 0 });
      const duplicate = answered(await createAcronisTenant("Phantom"));
      expect(duplicate.status).to.equal(409);
    });

    it("HCP reset-before: the client sees a reset and nothing is applied", async () => {
      await setFaults("hcp", { rate: 1, kinds: ["reset-before"] });
      expect(await createHcpTenant("NeverMade")).to.equal("reset");
      expect(lastLogged("hcp")).to.include({
        method: "PUT",
        path: "/mapi/tenants",
        status: 0,
        fault: "reset-before",
      });
      expect(await hcpTenantNames()).to.not.include("NeverMade");
    });

    it("HCP reset-after: the client sees a reset but the tenant was created", async () => {
      await setFaults("hcp", { rate: 1, kinds: ["reset-after"] });
      expect(await createHcpTenant("Phantom")).to.equal("reset");
      expect(lastLogged("hcp")).to.include({ status: 200, fault: "reset-after" });
      expect(await hcpTenantNames()).to.include("Phantom");
    });
  });

  describe("control endpoints", () => {
    it("never injects into /_emulator and does not draw for it", async () => {
      await setFaults("acronis", { rate: 1 });
      await setFaults("hcp", { rate: 1 });
      for (let i = 0; i < 12; i++) {
        expect((await acronisControl("GET", "/state")).status).to.equal(200);
        expect((await acronisControl("GET", "/requests")).status).to.equal(200);
        expect((await hcpControl("GET", "/_emulator/state")).status).to.equal(200);
        expect((await hcpControl("GET", "/_emulator/requests")).status).to.equal(200);
      }
      expect((await acronisControl("GET", "/faults")).body.requests).to.equal(0);
      expect((await hcpControl("GET", "/_emulator/faults")).body.requests).to.equal(0);
      expect(emulators.log.list("hcp").filter((e) => e.fault !== undefined)).to.be.empty;
    });

    it("counts the faults injected per kind and restarts the counts with new settings", async () => {
      await setFaults("acronis", { rate: 1, kinds: ["500", "503"] });
      for (let i = 0; i < 10; i++) await readPartner();
      const report = (await acronisControl("GET", "/faults")).body;
      expect(report.requests).to.equal(10);
      expect(report.injected["500"] + report.injected["503"]).to.equal(10);
      expect(report.injected["429"]).to.equal(0);
      const logged = emulators.log.list("acronis").map((e) => e.fault);
      expect(logged.filter((f) => f === "500")).to.have.length(report.injected["500"]);
      const off = await setFaults("acronis", { rate: 0 });
      expect(off).to.include({ rate: 0, requests: 0 });
      expect(off.kinds).to.deep.equal(["500", "503"]);
      expect(answered(await readPartner()).status).to.equal(200);
    });

    it("faults only the requests whose path contains the given text, and draws only for them", async () => {
      await setFaults("acronis", { rate: 1, kinds: ["500"], path: "/offering_items" });
      expect(answered(await readPartner()).status).to.equal(200);
      const partner = emulators.acronis.partnerTenantId;
      expect(answered(await acronisApi("GET", `/tenants/${partner}/offering_items`)).status).to.equal(500);
      expect(answered(await readPartner()).status).to.equal(200);
      const report = (await acronisControl("GET", "/faults")).body;
      expect(report).to.include({ requests: 1, path: "/offering_items" });
      expect(lastLogged("acronis")).to.include({ status: 200 });
      expect(emulators.log.list("acronis").filter((e) => e.fault === "500")).to.have.length(1);
    });

    it("faults only the requests of the given method, and draws only for them", async () => {
      const partner = emulators.acronis.partnerTenantId;
      await setFaults("acronis", { rate: 1, kinds: ["500"], path: "/offering_items", method: "PUT" });
      expect(answered(await acronisApi("GET", `/tenants/${partner}/offering_items`)).status).to.equal(200);
      const put = await acronisApi("PUT", `/tenants/${partner}/offering_items`, { offering_items: [] });
      expect(answered(put).status).to.equal(500);
      expect((await acronisControl("GET", "/faults")).body).to.include({ requests: 1, method: "PUT" });
      await setFaults("acronis", { rate: 0, path: "", method: "" });
    });

    it("refuses unknown kinds and rates out of range, naming the problem", async () => {
      const acronis = await acronisControl("POST", "/faults", { rate: 0.5, kinds: ["500", "teapot"] });
      expect(acronis.status).to.equal(400);
      expect(JSON.stringify(acronis.body)).to.include("teapot");
      const hcp = await hcpControl("POST", "/_emulator/faults", { rate: 2 });
      expect(hcp.status).to.equal(400);
      expect(hcp.body.error).to.include("rate");
      expect((await hcpControl("GET", "/_emulator/faults")).body.rate).to.equal(0);
    });
  });

  it("replays: the logged faults follow the plan for the seed, one draw per API request", async () => {
    const kinds: FaultKind[] = ["500", "503", "429"];
    await setFaults("acronis", { rate: 0.5, seed: 1234, kinds });
    await setFaults("hcp", { rate: 0.5, seed: 99, kinds });
    for (let i = 0; i < 20; i++) {
      await readPartner();
      await hcpApi("GET", "/mapi/tenants");
      await acronisControl("GET", "/state");
    }
    const expected = (seed: number) => {
      const plan = new FaultPlan({ rate: 0.5, seed, kinds });
      return Array.from({ length: 20 }, () => plan.next());
    };
    const loggedFaults = (api: "acronis" | "hcp") =>
      emulators.log
        .list(api)
        .filter((e) => e.path.startsWith(api === "acronis" ? "/api/2/tenants/" : "/mapi/"))
        .map((e) => e.fault);
    expect(loggedFaults("acronis")).to.deep.equal(expected(1234));
    expect(loggedFaults("hcp")).to.deep.equal(expected(99));
    expect(expected(1234).filter(Boolean)).to.not.be.empty;
  });
});
