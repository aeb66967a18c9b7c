import { readFileSync, truncateSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { changedResources, repoRoot, TestStack } from "../support/engine";
import { markedBlocks } from "../support/markdown";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

const project = "checkpoint-repair";

describe("a local backend whose checkpoint side file a kill left empty: the repair in docs/troubleshooting.md", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;

  before(async () => {
    emulators = await startEmulators();
    stack = await TestStack.create(project, "test/programs/stateContents", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      tenantPassword: { value: "Repair-pass-42", secret: true },
    });
    // The backend without metadata=skip: the storage library writes a `.attrs` side file beside each file.
    stack.setEnvironment({ PULUMI_BACKEND_URL: `file://${path.join(stack.workDir, "state")}` });
    await stack.mustRun(["stack", "select", "test"]);
    await stack.up();
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("fails to load with `failed to load checkpoint: EOF`, and the documented commands make it converge", async () => {
    // What a kill between the side file's truncation and its write leaves: the checkpoint intact, its side file empty.
    const sideFile = path.join(stack.workDir, "state", ".pulumi", "stacks", project, "test.json.attrs");
    expect(readFileSync(sideFile, "utf8")).to.match(/^\{"user\.cache_control"/);
    truncateSync(sideFile, 0);
    const broken = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(broken.code).to.not.equal(0);
    expect(broken.stdout + broken.stderr).to.include("error: failed to load checkpoint: EOF");

    const troubleshooting = readFileSync(path.join(repoRoot, "docs", "troubleshooting.md"), "utf8");
    const repair = markedBlocks(troubleshooting, "test")["checkpoint-eof-repair"];
    expect(repair).to.include("pulumi up --yes");
    const repaired = await stack.shell(repair);
    expect(repaired.code, repaired.stdout + repaired.stderr).to.equal(0);
    expect(repaired.stdout).to.include(`state/.pulumi/stacks/${project}/test.json.attrs`);
    expect(repaired.stdout).to.match(/Resources:\n\s+6 unchanged\n/);

    expect(changedResources(await stack.previewSteps())).to.deep.equal([]);
    expect(changedResources(await stack.previewSteps({ refresh: true }))).to.deep.equal([]);
  });
});
