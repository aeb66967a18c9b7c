import { copyFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { loadEstate } from "../../sdk/estateFile";
import { placedTenants } from "../../sdk/estatePlacement";
import { estateShard } from "../../sdk/estateShard";
import { repoRoot, TestStack } from "../support/engine";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

describe("end to end on the real engine: the estate file of the main job", function () {
  this.timeout(300_000);
  let emulators: RunningEmulators;
  let stack: TestStack;

  before(async () => {
    emulators = await startEmulators();
    stack = await TestStack.create("estate", "examples/demo", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: "Estate-initial-1", secret: true },
    });
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("refuses an invalid estate file at preview, naming file, line and property, before declaring anything", async () => {
    writeFileSync(
      path.join(stack.workDir, "estate.yaml"),
      "acronis:\n  customers:\n    - key: broken\n      name: Broken\n      twoFactor: maybe\n",
    );
    const result = await stack.run(["preview"]);
    expect(result.code).to.not.equal(0);
    expect(result.stdout + result.stderr).to.include(
      "estate.yaml:5:18: acronis.customers[0].twoFactor must be boolean",
    );
    expect(
      emulators.log.list().filter((e) => e.method !== "GET" && !e.path.endsWith("/idp/token")),
    ).to.deep.equal([]);
  });

  it("deploys the sample estate, then finds nothing to change", async () => {
    copyFileSync(path.join(repoRoot, "estate.yaml"), path.join(stack.workDir, "estate.yaml"));
    await stack.up();
    const outputs = await stack.outputs();
    expect(Object.keys(outputs.customers as object).sort()).to.deep.equal([
      "Bright Smiles Dental",
      "Contoso Dental",
      "Customer, Inc",
      "Northwind Traders",
    ]);
    expect(Object.keys(outputs.hcpTenants as object).sort()).to.deep.equal(["Finance", "Legal"]);
    expect(
      await stack.previewSteps({ refresh: true }).then((steps) => steps.filter((s) => s.op !== "refresh")),
    ).to.deep.equal([]);
  });

  it("deploys the sample estate as two shards: two stacks make it with no conflict, each its part, then plan nothing", async () => {
    const shardEmulators = await startEmulators();
    const shards: TestStack[] = [];
    try {
      const sample = loadEstate(path.join(repoRoot, "estate.yaml"));
      for (const shard of [1, 2]) {
        const shardStack = await TestStack.create(
          "estate",
          "examples/demo",
          {
            ...acronisStackConfig(shardEmulators.acronis),
            ...hcpStackConfig(shardEmulators.hcp),
            hcpInitialUserPassword: { value: "Estate-initial-1", secret: true },
            estateShards: { value: "2" },
          },
          { stackName: `prod-${shard}` },
        );
        shards.push(shardStack);
        copyFileSync(path.join(repoRoot, "estate.yaml"), path.join(shardStack.workDir, "estate.yaml"));
        await shardStack.up();
        const part = estateShard(sample, shard, 2);
        const outputs = await shardStack.outputs();
        expect(Object.keys(outputs.customers as object).sort()).to.deep.equal(
          placedTenants({ acronis: part.acronis })
            .filter((t) => t.kind === "customer")
            .map((t) => t.entry.name)
            .sort(),
        );
        expect(Object.keys(outputs.hcpTenants as object).sort()).to.deep.equal(
          (part.hcp?.tenants ?? []).map((t) => t.name).sort(),
        );
      }
      for (const shardStack of shards)
        expect(
          await shardStack
            .previewSteps({ refresh: true })
            .then((steps) => steps.filter((s) => s.op !== "refresh")),
        ).to.deep.equal([]);
    } finally {
      for (const shardStack of shards) shardStack.remove();
      await shardEmulators.close();
    }
  });
});
