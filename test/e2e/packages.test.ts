import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { parse, stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import type { Estate, EstatePackage } from "../../sdk/estateFile";
import { apiWrites } from "../support/apiWrites";
import { repoRoot, TestStack } from "../support/engine";
import { runWithEmulators } from "../support/exportCli";
import { previewPlan } from "../support/plan";
import { acronisStackConfig } from "../support/stackConfig";

const customers = 200;
const cli = path.join(repoRoot, "node_modules", "tenant-estates", "dist", "cli", "main.js");
const tb = 1_099_511_627_776;
const packageNames = ["backup-basic", "backup-pro", "security-plus"] as const;

/** Three packages; backup-pro extends backup-basic, so it takes backup-basic's workstations. */
function packages(basicWorkstations: number): Record<string, EstatePackage> {
  return {
    "backup-basic": {
      offeringItems: [
        { name: "storage", quota: { value: tb } },
        { name: "workstations", quota: { value: basicWorkstations } },
      ],
    },
    "backup-pro": {
      package: "backup-basic",
      offeringItems: [
        { name: "storage", quota: { value: 5 * tb } },
        { name: "servers", quota: { value: 2 } },
      ],
    },
    // Not enhancedSecurity: no answer shows it, so an export cannot give it back.
    "security-plus": {
      pricingMode: "production",
      offeringItems: [{ name: "workstations", quota: { value: 25 } }],
    },
  };
}

/** Customer i takes package i mod 3; every tenth sets its own workstations quota. */
const packageOf = (i: number) => packageNames[i % 3];
const overridesWorkstations = (i: number) => i % 10 === 0;

function estate(basicWorkstations: number): Estate {
  return {
    packages: packages(basicWorkstations),
    acronis: {
      customers: Array.from({ length: customers }, (_, i) => ({
        // The key is the slug of the name, as export writes it: the exported file names the same resources.
        key: `packaged-customer-${i}`,
        name: `Packaged Customer ${i}`,
        package: packageOf(i),
        ...(overridesWorkstations(i)
          ? { offeringItems: [{ name: "workstations", quota: { value: 3 } }] }
          : {}),
      })),
    },
  } as Estate;
}

describe("end to end on the real engine: packages at 200 customers", function () {
  this.timeout(1_800_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  const write = (e: Estate) => writeFileSync(path.join(stack.workDir, "estate.yaml"), stringify(e));

  before(async () => {
    emulators = await startEmulators();
    stack = await TestStack.create(
      "packages",
      "test/programs/estateFile",
      acronisStackConfig(emulators.acronis),
    );
    await stack.mustRun(["config", "set", "estateFile", path.join(stack.workDir, "estate.yaml")]);
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("deploys 200 customers from 3 packages, then plans nothing, also with --refresh", async () => {
    write(estate(10));
    await stack.up();
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("raising one package's quota plans exactly the customers that take it and did not override it", async () => {
    write(estate(20));
    const expected = Array.from({ length: customers }, (_, i) => i)
      .filter((i) => packageOf(i) !== "security-plus" && !overridesWorkstations(i))
      .map((i) => ({
        name: `acronis-packaged-customer-${i}-offering-items`,
        op: "update",
        properties: ["items.workstations.quota.value"],
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const plan = await previewPlan(stack);
    expect(plan.length).to.equal(120);
    expect(plan).to.deep.equal(expected);
    const before = await apiWrites(emulators);
    await stack.up();
    const writes = (await apiWrites(emulators)).acronis.slice(before.acronis.length);
    expect(writes.length).to.equal(120);
    expect(new Set(writes.map((w) => w.replace(/tenants\/[^/]+/, "tenants/{id}")))).to.deep.equal(
      new Set(["PUT /api/2/tenants/{id}/offering_items"]),
    );
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("export --packages groups the customers that share settings into packages; that file adopts them with no write, then plans nothing", async () => {
    const exportedFile = path.join(stack.workDir, "exported.yaml");
    const exported = await runWithEmulators(emulators, process.execPath, [
      cli,
      "export",
      "--acronis",
      "--packages",
      "--out",
      exportedFile,
    ]);
    expect(exported.status, exported.stderr).to.equal(0);
    const file = parse(readFileSync(exportedFile, "utf8")) as Estate;
    // Six groups: each package with and without the customers' own workstations quota.
    expect(Object.values(file.packages ?? {}).map((p) => p.description)).to.deep.equal([
      "60 customers",
      "60 customers",
      "60 customers",
      "7 customers",
      "7 customers",
      "6 customers",
    ]);
    expect(file.acronis?.customers?.every((c) => typeof c.package === "string" && !c.offeringItems)).to.equal(
      true,
    );
    // The state is lost (the objects keep this stack's marks): the exported file adopts them all back.
    await stack.mustRun(["stack", "rm", "--force", "--yes", "--preserve-config", "test"]);
    await stack.mustRun(["stack", "init", "test"]);
    await stack.mustRun(["config", "set", "estateFile", exportedFile]);
    const before = await apiWrites(emulators);
    await stack.up();
    expect(await apiWrites(emulators)).to.deep.equal(before);
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });
});
