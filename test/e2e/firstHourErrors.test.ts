import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { AcronisClient } from "../../provider/acronis/client";
import { apiWrites } from "../support/apiWrites";
import { TestStack } from "../support/engine";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

/** A TCP port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The error lines of a run, without colours, each trimmed. */
const errorLines = (run: { stdout: string; stderr: string }): string[] =>
  stripVTControlCharacters(`${run.stdout}\n${run.stderr}`)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("error:"));

/**
 * The mistakes of a first hour, each refused by `pulumi preview` with one line that names the setting or
 * property to fix, before any write reaches either API.
 */
describe("end to end on the real engine: the first hour's mistakes are refused at preview, naming what to fix", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let single: TestStack;
  let estate: TestStack;
  let estateDir: string;
  let partner: string;

  const noWrites = async () => {
    const { acronis, hcp } = await apiWrites(emulators);
    expect([...acronis, ...hcp]).to.deep.equal([]);
  };

  /** Declares one resource (test/programs/badInput) and previews it. */
  const previewOf = async (resource: string, args: object) => {
    await single.mustRun(["config", "set", "case", "--", JSON.stringify({ resource, args })]);
    const run = await single.run(["preview"]);
    expect(run.code, run.stdout + run.stderr).to.not.equal(0);
    return errorLines(run);
  };

  /** Runs `task` with stack config changed, then puts the emulators' settings back. */
  const withConfig = async <T>(
    stack: TestStack,
    changes: Record<string, string | undefined>,
    task: () => Promise<T>,
  ): Promise<T> => {
    for (const [key, value] of Object.entries(changes)) {
      await stack.mustRun(value === undefined ? ["config", "rm", key] : ["config", "set", key, "--", value]);
    }
    try {
      return await task();
    } finally {
      const settings = { ...acronisStackConfig(emulators.acronis), ...hcpStackConfig(emulators.hcp) };
      for (const key of Object.keys(changes)) {
        const { value, secret } = settings[key];
        await stack.mustRun(["config", "set", key, ...(secret ? ["--secret"] : []), "--", value]);
      }
    }
  };

  before(async () => {
    emulators = await startEmulators();
    partner = emulators.acronis.partnerTenantId;
    const config = { ...acronisStackConfig(emulators.acronis), ...hcpStackConfig(emulators.hcp) };
    single = await TestStack.create("first-hour", "test/programs/badInput", {
      ...config,
      case: { value: "{}" },
    });
    estateDir = mkdtempSync(path.join(tmpdir(), "first-hour-"));
    const file = path.join(estateDir, "estate.yaml");
    writeFileSync(
      file,
      [
        "acronis:",
        "  customers:",
        "    - key: bright-smiles",
        "      name: Bright Smiles",
        "      offeringItems: [{ name: workstation }]",
      ].join("\n"),
    );
    estate = await TestStack.create("first-hour-estate", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      estateFile: { value: file },
    });
  });

  after(async () => {
    single?.remove();
    estate?.remove();
    if (estateDir) rmSync(estateDir, { recursive: true, force: true });
    await emulators?.close();
  });

  const customer = () => ({ name: "Bright Smiles", parentId: partner });

  it("a wrong client secret names the credential keys and their environment variables", async () => {
    const lines = await withConfig(single, { "acronis:clientSecret": "not-the-secret" }, () =>
      previewOf("CustomerTenant", customer()),
    );
    expect(lines).to.deep.equal([
      'error: CustomerTenant "Bright Smiles": check: Acronis refused the credentials: check acronis:clientId and acronis:clientSecret, or ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET (Acronis POST /idp/token failed: HTTP 401, code invalid_client: invalid client credentials)',
    ]);
    await noWrites();
  });

  it("with neither credential set (a fork's pull request), preview checks the inputs and passes without a request", async () => {
    const requestsBefore = emulators.log.list("acronis").length;
    const run = await withConfig(
      single,
      { "acronis:clientId": undefined, "acronis:clientSecret": undefined },
      async () => {
        await single.mustRun([
          "config",
          "set",
          "case",
          "--",
          JSON.stringify({ resource: "CustomerTenant", args: customer() }),
        ]);
        return single.run(["preview"]);
      },
    );
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(emulators.log.list("acronis").slice(requestsBefore)).to.deep.equal([]);
  });

  it("a closed port names the address and the key that set it", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/2`;
    const lines = await withConfig(single, { "acronis:baseUrl": url }, () =>
      previewOf("CustomerTenant", customer()),
    );
    expect(lines).to.deep.equal([
      `error: CustomerTenant "Bright Smiles": check: no answer from ${url}, the address in acronis:baseUrl (or ACRONIS_BASE_URL): check it, and that the API is reachable from this machine (Acronis POST /idp/token failed: code ECONNREFUSED: no answer (ECONNREFUSED))`,
    ]);
    await noWrites();
  });

  it("a base URL without /api/2 is refused with the expected shape, before any request", async () => {
    const bare = emulators.acronis.baseUrl.replace(/\/api\/2$/, "");
    const lines = await withConfig(single, { "acronis:baseUrl": bare }, () =>
      previewOf("CustomerTenant", customer()),
    );
    expect(lines).to.deep.equal([
      `error: acronis:baseUrl must be the data center's API address, https://<data center host>/api/2, got "${bare}" (add /api/2)`,
    ]);
    await noWrites();
  });

  it("a misspelt property and a misspelt value get the nearest known name, without the engine's value noise", async () => {
    const problem = (type: string) =>
      `error: pulumi-nodejs:dynamic/acronis:${type} resource 'subject' has a problem:`;
    expect(await previewOf("CustomerTenant", { ...customer(), pricingMod: "trial" })).to.deep.equal([
      `${problem("CustomerTenant")} pricingMod is not a known property: did you mean "pricingMode"?`,
    ]);
    expect(await previewOf("CustomerTenant", { ...customer(), pricingMode: "prodution" })).to.deep.equal([
      `${problem("CustomerTenant")} pricingMode must be one of trial, production, got "prodution": did you mean "production"?`,
    ]);
    const items = [{ name: "storage", quota: { value: -5 } }];
    expect(await previewOf("OfferingItems", { tenantId: partner, items })).to.deep.equal([
      `${problem("OfferingItems")} items[0].quota.value must be at least 0, got -5 (null means unlimited)`,
    ]);
    await noWrites();
  });

  it("a missing hcp:password, and a wrong one, fail preview naming the keys", async () => {
    const tenant = {
      name: "finance",
      hardQuota: "10 GB",
      initialUserName: "security",
      initialUserPassword: "Secur1ty-pass",
    };
    const missing = await withConfig(single, { "hcp:password": undefined }, () =>
      previewOf("HcpTenant", tenant),
    );
    expect(missing).to.deep.equal([
      'error: HcpTenant "finance": check: HCP is not configured: set hcp:password (or HCP_PASSWORD), e.g. `pulumi config set --secret hcp:password …`',
    ]);
    const wrong = await withConfig(single, { "hcp:password": "wrong-password" }, () =>
      previewOf("HcpTenant", tenant),
    );
    expect(wrong).to.deep.equal([
      'error: HcpTenant "finance": check: HCP refused the credentials: check hcp:username and hcp:password, or HCP_USERNAME and HCP_PASSWORD (HCP GET /tenants failed: HTTP 403: Invalid username or password.)',
    ]);
    await noWrites();
  });

  it("an offering item the partner does not offer fails preview, before the customer is created", async () => {
    const run = await estate.run(["preview"]);
    expect(run.code).to.not.equal(0);
    const { baseUrl, clientId, clientSecret } = emulators.acronis;
    const offer = await new AcronisClient({ baseUrl, clientId, clientSecret }).availableForChild(
      partner,
      "customer",
    );
    const offered = [...new Set(offer.map((item) => item.name))].sort().join(", ");
    // The program may still be registering when the engine stops at the failed check: its channel then closes.
    const lines = errorLines(run).filter((line) => line !== "error: Error: Channel has been shut down");
    expect(lines).to.deep.equal([
      `error: pulumi-nodejs:dynamic/acronis:OfferingItems resource 'acronis-bright-smiles-offering-items' has a problem: items[0].name: offering item "workstation" is not available to customers of tenant ${partner} (available: ${offered}): did you mean "workstations"?`,
    ]);
    await noWrites();
  });
});
