import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { loadEstate } from "../../sdk/estate";
import { repoRoot, TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

/** The previous release (commit 29bbe70), built by `scripts/pack-release.sh 29bbe70 <this file>`. */
const previousRelease = path.join(repoRoot, "test/fixtures/tenant-estates-0.1.0.tgz");

interface StateResource {
  urn: string;
  id?: string;
  outputs?: { __provider?: string };
}

describe("end to end on the real engine: upgrading a stack deployed by the previous release", function () {
  this.timeout(300_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let idsBefore: Map<string, string>;
  // The plan catalogue's estate without keys, which the previous release's schema does not know.
  const estate = loadEstate(path.join(repoRoot, "test/fixtures/planCatalogue.estate.yaml"));
  for (const entry of [...(estate.acronis?.customers ?? []), ...(estate.hcp?.tenants ?? [])])
    delete entry.key;
  // And without quotas: the previous release wrote them without their version, which the platform refuses.
  for (const customer of estate.acronis?.customers ?? [])
    for (const item of customer.offeringItems ?? []) delete item.quota;
  const installed = () => path.join(stack.workDir, "node_modules", "tenant-estates");
  const writeEstate = () => writeFileSync(path.join(stack.workDir, "estate.yaml"), stringify(estate));

  /** The resources in state by name, each with its id. */
  const stateIds = async () => {
    const { deployment } = JSON.parse(await stack.exportState()) as {
      deployment: { resources: StateResource[] };
    };
    return new Map(
      deployment.resources
        .filter((r) => r.urn.includes("pulumi-nodejs:dynamic/"))
        .map((r) => [r.urn.split("::").pop() as string, r.id as string]),
    );
  };

  before(async () => {
    emulators = await startEmulators();
    stack = await TestStack.create("upgrade", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: "Upgrade-initial-1", secret: true },
    });
    await stack.mustRun(["config", "set", "estateFile", path.join(stack.workDir, "estate.yaml")]);
    // The program beside Pulumi.yaml, so `tenant-estates` resolves to the stack's own node_modules (as the
    // engine resolves every `__provider`'s require), where the previous release is unpacked.
    copyFileSync(
      path.join(repoRoot, "dist/test/programs/estateFile/index.js"),
      path.join(stack.workDir, "index.js"),
    );
    mkdirSync(installed(), { recursive: true });
    const untar = spawnSync("tar", ["-xzf", previousRelease, "-C", installed(), "--strip-components=1"]);
    expect(untar.status, untar.stderr.toString()).to.equal(0);
    writeEstate();
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("the previous release deploys the estate under its resource names", async () => {
    expect(readFileSync(path.join(installed(), "dist/sdk/estate.js"), "utf8")).to.not.include(
      "userResourceName",
    );
    await stack.up();
    idsBefore = await stateIds();
    expect([...idsBefore.keys()].sort()).to.deep.equal([
      "acronis-acme-ltd",
      "acronis-acme-ltd-ada-admin",
      "acronis-acme-ltd-ada-admin-roles",
      "acronis-acme-ltd-bob-backup",
      "acronis-acme-ltd-bob-backup-roles",
      "acronis-acme-ltd-mfa",
      "acronis-acme-ltd-offering-items",
      "acronis-globex",
      "acronis-globex-gina-globex",
      "acronis-globex-gina-globex-roles",
      "acronis-globex-mfa",
      "acronis-globex-offering-items",
      "hcp-finance",
      "hcp-finance-console-security",
    ]);
  });

  it("with the current release the plan has no replace, create, delete or update, also with --refresh", async () => {
    rmSync(installed(), { recursive: true });
    symlinkSync(path.join(repoRoot, "node_modules", "tenant-estates"), installed());
    expect(readFileSync(path.join(installed(), "dist/sdk/estate.js"), "utf8")).to.include("userResourceName");
    // The current release refuses tenants without a key, each with the line that keeps its resources' names.
    const writes = () =>
      emulators.log.list().filter((e) => e.method !== "GET" && !e.path.endsWith("/idp/token")).length;
    const writesBefore = writes();
    const refused = await stack.run(["preview"]);
    expect(refused.code).to.not.equal(0);
    for (const [entry, key] of [
      ["acronis.customers[0]", "acme-ltd"],
      ["acronis.customers[1]", "globex"],
      ["hcp.tenants[0]", "finance"],
    ])
      expect(refused.stdout + refused.stderr).to.match(
        new RegExp(
          `estate\\.yaml:\\d+:7: ${entry.replace(/[.[\]]/g, "\\$&")}\\.key is required: add the line "key: ${key}"`,
        ),
      );
    expect(writes()).to.equal(writesBefore);
    // `validate --write-keys` adds exactly those lines; the plan is then empty, as the rest of this test shows.
    const file = path.join(stack.workDir, "estate.yaml");
    const written = spawnSync(
      process.execPath,
      [path.join(repoRoot, "dist/cli/main.js"), "validate", "--write-keys", file],
      {
        encoding: "utf8",
      },
    );
    expect(written.status, written.stderr).to.equal(0);
    expect(written.stdout).to.include(`${file}: added 3 key(s)`);
    const keyed = loadEstate(file);
    Object.assign(estate, { acronis: keyed.acronis, hcp: keyed.hcp });
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    // Outputs the previous release stored (without create-only inputs) refresh without a listed difference.
    expect((await stack.mustRun(["preview", "--refresh"])).stdout).to.not.include("[diff:");
  });

  it("up moves the users to their new names without touching an object, and then there is nothing to do", async () => {
    await stack.up();
    const idsAfter = await stateIds();
    const renamed = (name: string) =>
      name.replace(/^acronis-(acme-ltd|globex)-(ada-admin|bob-backup|gina-globex)/, "acronis-user-$2");
    expect(idsAfter).to.deep.equal(new Map([...idsBefore].map(([name, id]) => [renamed(name), id])));
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("the current release sets the quotas the previous one could not write, and then plans nothing", async () => {
    const [acme, globex] = estate.acronis?.customers ?? [];
    acme.offeringItems = [{ name: "workstations", quota: { value: 10, overage: 12 } }, { name: "storage" }];
    globex.offeringItems = [{ name: "workstations", quota: { value: 5, overage: 5 } }];
    writeEstate();
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "acronis-acme-ltd-offering-items", op: "update", properties: ["items.workstations.quota"] },
      { name: "acronis-globex-offering-items", op: "update", properties: ["items.workstations.quota"] },
    ]);
    await stack.up();
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("keys equal to the slugs of the names change nothing; with them, a rename is one update", async () => {
    const [acme, globex] = estate.acronis?.customers ?? [];
    Object.assign(acme, { key: "acme-ltd" });
    Object.assign(globex, { key: "globex" });
    writeEstate();
    expect(await previewPlan(stack)).to.deep.equal([]);
    acme.name = "Acme Group";
    writeEstate();
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "acronis-acme-ltd", op: "update", properties: ["name"] },
    ]);
  });

  it("removing the HCP tenant the previous release made plans a delete the engine only forgets; up keeps it", async () => {
    delete estate.hcp;
    writeEstate();
    expect((await previewPlan(stack)).filter((change) => change.name.startsWith("hcp-"))).to.deep.equal([
      { name: "hcp-finance", op: "delete", properties: [], retain: true },
      { name: "hcp-finance-console-security", op: "delete", properties: [] },
    ]);
    await stack.up();
    expect((await new HcpApi(emulators.hcp).admin("GET", "/mapi/tenants/finance")).status).to.equal(200);
    expect([...(await stateIds()).keys()].filter((name) => name.startsWith("hcp-"))).to.deep.equal([]);
  });
});
