import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import type { Estate, EstatePackage } from "../../sdk/estateFile";
import { apiWrites } from "../support/apiWrites";
import { TestStack } from "../support/engine";
import { previewPlan } from "../support/plan";
import { acronisStackConfig } from "../support/stackConfig";

const customers = 200;
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
    "security-plus": {
      enhancedSecurity: true,
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
        key: `c${i}`,
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
      .map((i) => ({ name: `acronis-c${i}-offering-items`, op: "update", properties: ["items"] }))
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
});
