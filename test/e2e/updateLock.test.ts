import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { type Estate, loadEstate } from "../../sdk/estate";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import { repoRoot, TestStack } from "../support/engine";
import { runWithEmulators } from "../support/exportCli";
import { previewPlan } from "../support/plan";
import { acronisStackConfig } from "../support/stackConfig";

interface EmulatedTenant {
  id: string;
  name: string;
  update_lock: { enabled: boolean };
}

/** One customer, with or without its update lock declared. */
const estate = (updateLock?: boolean): Estate =>
  ({ acronis: { customers: [{ key: "locked-co", name: "Locked Co", updateLock }] } }) as unknown as Estate;

describe("end to end on the real engine: a property added by its spec alone (CustomerTenant updateLock)", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let api: AcronisApi;
  const estateFile = () => path.join(stack.workDir, "estate.yaml");
  const write = (e: Estate) => writeFileSync(estateFile(), stringify(e));
  const tenant = async () => {
    const tenants = (await api.get("/_emulator/state")).body.tenants as EmulatedTenant[];
    const found = tenants.find((t) => t.name === "Locked Co");
    if (!found) throw new Error("no tenant Locked Co");
    return found;
  };

  before(async () => {
    emulators = await startEmulators();
    api = new AcronisApi(emulators.acronis);
    stack = await TestStack.create(
      "update-lock",
      "test/programs/estateFile",
      acronisStackConfig(emulators.acronis),
    );
    await stack.mustRun(["config", "set", "estateFile", estateFile()]);
    write(estate());
    await stack.up();
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("declaring it plans one update of updateLock, writes one PUT, and then plans nothing with --refresh", async () => {
    write(estate(true));
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "acronis-locked-co", op: "update", properties: ["updateLock"] },
    ]);
    const before = (await apiWrites(emulators)).acronis.length;
    await stack.up();
    const locked = await tenant();
    expect((await apiWrites(emulators)).acronis.slice(before)).to.deep.equal([
      `PUT /api/2/tenants/${locked.id}`,
    ]);
    expect(locked.update_lock.enabled).to.equal(true);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("finds the lock lifted by hand with preview --refresh", async () => {
    const id = (await tenant()).id;
    const { version } = (await api.get(`/tenants/${id}`)).body;
    await api.put(`/tenants/${id}`, { update_lock: { enabled: false }, version });
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([
      { name: "acronis-locked-co", op: "update", properties: ["updateLock"] },
    ]);
    await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
    expect((await tenant()).update_lock.enabled).to.equal(true);
  });

  it("tenant-estates export writes it", async () => {
    const cli = path.join(repoRoot, "node_modules", "tenant-estates", "dist", "cli", "main.js");
    const out = path.join(stack.workDir, "exported.yaml");
    const result = await runWithEmulators(emulators, process.execPath, [
      cli,
      "export",
      "--acronis",
      "--out",
      out,
    ]);
    expect(result.status, result.stderr).to.equal(0);
    const customers = loadEstate(out).acronis?.customers as { name: string; updateLock?: boolean }[];
    expect(customers.map((c) => [c.name, c.updateLock])).to.deep.equal([["Locked Co", true]]);
  });
});
