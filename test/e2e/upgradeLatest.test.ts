import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { apiWrites } from "../support/apiWrites";
import { repoRoot, TestStack } from "../support/engine";
import { previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

/** The release of the last landed work (commit 4f0803a, before HcpNamespace mapped its document in its spec), by `scripts/pack-release.sh 4f0803a <this file>`. */
const latestRelease = path.join(repoRoot, "test/fixtures/tenant-estates-4f0803a.tgz");

interface StateResource {
  urn: string;
  id?: string;
}

describe("end to end on the real engine: upgrading the sample estate deployed by the latest release", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let idsBefore: Map<string, string>;
  const installed = () => path.join(stack.workDir, "node_modules", "tenant-estates");

  /** Every resource in state by URN, each with its id: what an upgrade must leave as it is. */
  const stateIds = async () => {
    const { deployment } = JSON.parse(await stack.exportState()) as {
      deployment: { resources: StateResource[] };
    };
    return new Map(
      deployment.resources.filter((r) => r.id !== undefined).map((r) => [r.urn, r.id as string]),
    );
  };

  before(async () => {
    emulators = await startEmulators();
    stack = await TestStack.create("upgrade-latest", "examples/demo", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: "Upgrade-latest-1", secret: true },
    });
    // The main job beside Pulumi.yaml, so `tenant-estates` resolves to the stack's own node_modules.
    copyFileSync(path.join(repoRoot, "dist/examples/demo/index.js"), path.join(stack.workDir, "index.js"));
    copyFileSync(path.join(repoRoot, "estate.yaml"), path.join(stack.workDir, "estate.yaml"));
    mkdirSync(installed(), { recursive: true });
    const untar = spawnSync("tar", ["-xzf", latestRelease, "-C", installed(), "--strip-components=1"]);
    expect(untar.status, untar.stderr.toString()).to.equal(0);
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("the latest release deploys the sample estate (packages, partners, folders, HCP objects)", async () => {
    expect(readFileSync(path.join(installed(), "package.json"), "utf8")).to.include('"tenant-estates"');
    // The release predates HCP's codecs module, so this is the old package, not this tree's.
    expect(() => readFileSync(path.join(installed(), "dist/provider/hcp/codecs.js"))).to.throw();
    await stack.up();
    idsBefore = await stateIds();
    expect(idsBefore.size).to.be.greaterThan(20);
  });

  it("with this tree's package the plan is empty, also with --refresh, and up writes nothing", async () => {
    rmSync(installed(), { recursive: true });
    symlinkSync(path.join(repoRoot, "node_modules", "tenant-estates"), installed());
    expect(readFileSync(path.join(installed(), "dist/provider/hcp/codecs.js"), "utf8")).to.not.equal("");
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    const writesBefore = await apiWrites(emulators);
    await stack.up();
    expect(await apiWrites(emulators)).to.deep.equal(writesBefore);
    expect(await stateIds()).to.deep.equal(idsBefore);
  });
});
