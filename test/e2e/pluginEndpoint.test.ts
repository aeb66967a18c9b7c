import { readFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import type { TestStack } from "../support/engine";
import { previewPlan } from "../support/plan";
import { pluginStack } from "../support/pluginStack";

const tenantPassword = "Start-pass-42";

/** What the home account's provider instance says, and which instance manages the customer, where a test changes them. */
interface Declared {
  acronisBaseUrl?: string;
  hcpPort?: number;
  acronisClientId?: string;
  customerWith?: "home" | "other";
}

describe("end to end on the real engine: a provider instance of the plugin pointed at another system is refused at preview", function () {
  this.timeout(600_000);
  let home: RunningEmulators;
  let other: RunningEmulators;
  let stack: TestStack;
  const hcpPortOf = (emulators: RunningEmulators) => Number(new URL(emulators.hcp.url).port);
  const homeCo = () => ({
    resource: "home-customer",
    name: "Home Co",
    parentId: home.acronis.partnerTenantId,
  });
  const homeArchive = { resource: "home-archive", name: "home", hardQuota: "10 GB" };

  /** One account of the program: an emulator pair's addresses, with the objects it manages. */
  const account = (name: string, emulators: RunningEmulators, objects: object) => ({
    name,
    acronis: { baseUrl: emulators.acronis.baseUrl, clientId: emulators.acronis.clientId },
    hcp: {
      domain: emulators.hcp.domain,
      port: hcpPortOf(emulators),
      address: "127.0.0.1",
      caCert: readFileSync(emulators.hcp.caCertPath, "utf8"),
      username: emulators.hcp.username,
    },
    customers: [],
    hcpTenants: [],
    ...objects,
  });
  /** Two accounts: home, with its customer and HCP tenant, and other, with nothing; home at the addresses given. */
  const declare = (declared: Declared = {}) => {
    const homeAccount = account("home", home, {
      customers: declared.customerWith === "other" ? [] : [homeCo()],
      hcpTenants: [homeArchive],
    });
    homeAccount.acronis.baseUrl = declared.acronisBaseUrl ?? home.acronis.baseUrl;
    homeAccount.acronis.clientId = declared.acronisClientId ?? home.acronis.clientId;
    homeAccount.hcp.port = declared.hcpPort ?? hcpPortOf(home);
    const otherAccount = account(
      "other",
      other,
      declared.customerWith === "other" ? { customers: [homeCo()] } : {},
    );
    return stack.mustRun(["config", "set", "accounts", "--", JSON.stringify([homeAccount, otherAccount])]);
  };
  const writes = async () => ({ home: await apiWrites(home), other: await apiWrites(other) });
  const customerNames = (emulators: RunningEmulators) => new AcronisApi(emulators.acronis).customerNames();
  /** The command's whole output as a person reads it, lines joined (the CLI wraps nothing it prints as an error). */
  const outputOf = (result: { stdout: string; stderr: string }) =>
    stripVTControlCharacters(result.stdout + result.stderr);
  const refusal = (provider: string, what: string) =>
    `provider ${provider} would take resources made on one system to another (${what}): ` +
    "their ids belong to the system they were made on, so the next refresh would find them gone and up would make them again there. " +
    "Keep each provider instance on its system and each resource with the instance it was made with; " +
    "for the other system declare a new tenant-estates provider instance and move resources to it deliberately " +
    "(`pulumi import` each through the new instance, then `pulumi state delete` it from the old one)";

  before(async () => {
    [home, other] = await Promise.all([startEmulators(), startEmulators()]);
    stack = await pluginStack("plugin-endpoint", "test/programs/plugin", {
      homeClientSecret: { value: home.acronis.clientSecret, secret: true },
      homeHcpPassword: { value: home.hcp.password, secret: true },
      otherClientSecret: { value: other.acronis.clientSecret, secret: true },
      otherHcpPassword: { value: other.hcp.password, secret: true },
      tenantPassword: { value: tenantPassword, secret: true },
    });
    await declare();
    await stack.up();
    expect(await customerNames(home)).to.deep.equal(["Home Co"]);
  });

  after(async () => {
    stack?.remove();
    await home?.close();
    await other?.close();
  });

  it("acronisBaseUrl changed to the other Acronis emulator: preview and up exit non-zero with the refusal, and no API is written", async () => {
    const before = await writes();
    await declare({ acronisBaseUrl: other.acronis.baseUrl });
    const what = `acronisBaseUrl from ${home.acronis.baseUrl} to ${other.acronis.baseUrl}`;
    for (const command of [["preview"], ["up", "--yes"], ["up", "--yes", "--skip-preview"]]) {
      const result = await stack.run(command);
      expect(result.code, command.join(" ")).to.not.equal(0);
      expect(outputOf(result)).to.contain(refusal("home", what));
    }
    expect(await writes()).to.deep.equal(before);
    expect(await customerNames(other)).to.deep.equal([]);
  });

  it("hcpPort changed to the other HCP emulator's: preview exits non-zero with the refusal, and no API is written", async () => {
    const before = await writes();
    await declare({ hcpPort: hcpPortOf(other) });
    const result = await stack.run(["preview"]);
    expect(result.code).to.not.equal(0);
    expect(outputOf(result)).to.contain(
      refusal("home", `hcpPort from ${hcpPortOf(home)} to ${hcpPortOf(other)}`),
    );
    expect(await writes()).to.deep.equal(before);
  });

  it("the same base URL spelled another way (scheme and host in capitals, a trailing slash) plans nothing", async () => {
    const url = new URL(home.acronis.baseUrl);
    await declare({
      acronisBaseUrl: `${url.protocol.toUpperCase()}//${url.host.toUpperCase()}${url.pathname}/`,
    });
    expect(await previewPlan(stack)).to.deep.equal([]);
  });

  it("another API client's credentials are a plain update of the provider instance, no replacement and nothing else", async () => {
    const made = await new AcronisApi(home.acronis).post("/clients", {
      type: "api_client",
      tenant_id: home.acronis.partnerTenantId,
      token_endpoint_auth_method: "client_secret_basic",
      data: { client_name: "second-pipeline" },
    });
    expect(made.status).to.equal(201);
    await declare({ acronisClientId: made.body.client_id });
    await stack.mustRun(["config", "set", "--secret", "homeClientSecret", "--", made.body.client_secret]);
    const plan = await previewPlan(stack).finally(() =>
      stack.mustRun(["config", "set", "--secret", "homeClientSecret", "--", home.acronis.clientSecret]),
    );
    expect(plan).to.deep.equal([
      { name: "home", op: "update", properties: ["acronisClientId", "acronisClientSecret"] },
    ]);
  });

  it("a resource moved to the instance of the other system is refused by that instance, and no API is written", async () => {
    const before = await writes();
    await declare({ customerWith: "other" });
    const result = await stack.run(["preview"]);
    expect(result.code).to.not.equal(0);
    const what = `acronisBaseUrl from ${home.acronis.baseUrl} to ${other.acronis.baseUrl}, hcpPort from ${hcpPortOf(home)} to ${hcpPortOf(other)}`;
    expect(outputOf(result)).to.contain(refusal("other", what));
    expect(await writes()).to.deep.equal(before);
  });

  it("back at the deployed addresses, preview --refresh is empty and nothing was written", async () => {
    const before = await writes();
    await declare();
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    expect(await writes()).to.deep.equal(before);
  });
});
