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
import { OutOfBand } from "../support/outOfBand";
import { previewPlan } from "../support/plan";
import { acronisStackConfig } from "../support/stackConfig";

interface EmulatedTenant {
  id: string;
  name: string;
  kind: string;
  parent_id: string;
  enabled: boolean;
}

/** A reseller with a folder holding a customer, and a customer at the top. */
function hierarchy(smiles: { pricingMode?: "trial" | "production"; inFolder?: boolean } = {}): Estate {
  const customer = { key: "smiles", name: "Bright Smiles", pricingMode: smiles.pricingMode };
  const inFolder = smiles.inFolder ?? true;
  return {
    acronis: {
      partners: [
        {
          key: "reseller",
          name: "Reseller North",
          folders: [{ key: "dental", name: "Dental Practices", customers: inFolder ? [customer] : [] }],
          customers: inFolder ? [] : [customer],
        },
      ],
      customers: [{ key: "top-co", name: "Top Co" }],
    },
  };
}

describe("end to end on the real engine: partners, folders and billing mode from the estate file", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let api: AcronisApi;
  const estateFile = () => path.join(stack.workDir, "estate.yaml");
  const write = (estate: Estate) => writeFileSync(estateFile(), stringify(estate));
  const tenants = async () =>
    ((await api.get("/_emulator/state")).body.tenants as EmulatedTenant[]).filter((t) => t.kind !== "unit");
  const named = async (name: string) => (await tenants()).find((t) => t.name === name) as EmulatedTenant;

  before(async () => {
    emulators = await startEmulators();
    api = new AcronisApi(emulators.acronis);
    stack = await TestStack.create(
      "hierarchy",
      "test/programs/estateFile",
      acronisStackConfig(emulators.acronis),
    );
    await stack.mustRun(["config", "set", "estateFile", estateFile()]);
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("plans the hierarchy as creates, builds it nested as declared, then plans nothing with --refresh", async () => {
    write(hierarchy());
    expect((await previewPlan(stack)).map((c) => `${c.op} ${c.name}`)).to.deep.equal([
      "create acronis-folder-dental",
      "create acronis-partner-reseller",
      "create acronis-smiles",
      "create acronis-tenant-removal-guard",
      "create acronis-top-co",
    ]);
    await stack.up();
    const [reseller, dental, smiles, top] = await Promise.all(
      ["Reseller North", "Dental Practices", "Bright Smiles", "Top Co"].map(named),
    );
    expect([reseller.kind, reseller.parent_id]).to.deep.equal(["partner", emulators.acronis.partnerTenantId]);
    expect([dental.kind, dental.parent_id]).to.deep.equal(["folder", reseller.id]);
    expect([smiles.kind, smiles.parent_id]).to.deep.equal(["customer", dental.id]);
    expect(top.parent_id).to.equal(emulators.acronis.partnerTenantId);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("tenant-estates export writes the hierarchy nested as it is, with each customer's billing mode", async () => {
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
    const exported = loadEstate(out);
    const reseller = exported.acronis?.partners?.[0];
    expect([reseller?.key, reseller?.name]).to.deep.equal(["reseller-north", "Reseller North"]);
    expect(reseller?.folders?.[0]?.customers?.map((c) => [c.name, c.pricingMode])).to.deep.equal([
      ["Bright Smiles", "trial"],
    ]);
    expect(exported.acronis?.customers?.map((c) => c.name)).to.deep.equal(["Top Co"]);
  });

  it("switching a customer to production plans one update of pricingMode and makes only the pricing call", async () => {
    write(hierarchy({ pricingMode: "production" }));
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "acronis-smiles", op: "update", properties: ["pricingMode"] },
    ]);
    const before = (await apiWrites(emulators)).acronis.length;
    await stack.up();
    const smiles = await named("Bright Smiles");
    expect((await apiWrites(emulators)).acronis.slice(before)).to.deep.equal([
      `PUT /api/2/tenants/${smiles.id}/pricing`,
    ]);
    expect((await api.get(`/tenants/${smiles.id}/pricing`)).body.mode).to.equal("production");
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("switching back to trial is refused at preview, naming the property and the rule", async () => {
    write(hierarchy({ pricingMode: "trial" }));
    const result = await stack.run(["preview"]);
    expect(result.code).to.not.equal(0);
    expect(result.stdout + result.stderr).to.contain(
      "pricingMode cannot go back from production to trial (Acronis switches to production once, for good)",
    );
  });

  it("moving the customer from the folder to the partner in the file moves it in place", async () => {
    write(hierarchy({ pricingMode: "production", inFolder: false }));
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "acronis-smiles", op: "update", properties: ["parentId"] },
    ]);
    const id = (await named("Bright Smiles")).id;
    await stack.up();
    const moved = await named("Bright Smiles");
    expect([moved.id, moved.parent_id]).to.deep.equal([id, (await named("Reseller North")).id]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("a partner renamed in the console is found by preview --refresh and repaired by up", async () => {
    await new OutOfBand(api).updateTenant((await named("Reseller North")).id, { name: "Renamed By Hand" });
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([
      { name: "acronis-partner-reseller", op: "update", properties: ["name"] },
    ]);
    await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
    expect(await named("Reseller North")).to.not.equal(undefined);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("adopts a folder made by hand, writing only its mark", async () => {
    const folder = await api.post("/tenants", {
      name: "Made By Hand",
      kind: "folder",
      parent_id: emulators.acronis.partnerTenantId,
    });
    const estate = hierarchy({ pricingMode: "production", inFolder: false });
    estate.adopt = true;
    estate.acronis = { ...estate.acronis, folders: [{ key: "by-hand", name: "Made By Hand" }] };
    write(estate);
    const before = await apiWrites(emulators);
    await stack.up();
    const after = await apiWrites(emulators);
    const { id } = folder.body as { id: string };
    expect(after.acronis.slice(before.acronis.length)).to.deep.equal([`PUT /api/2/tenants/${id}`]);
    expect(after.hcp).to.deep.equal(before.hcp);
    expect(((await api.get(`/tenants/${id}`)).body as { internal_tag: string }).internal_tag).to.match(
      /^tenant-estates:[^@]+@acronis-folder-by-hand$/,
    );
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("destroy only disables: the default deletion policy never deletes a tenant", async () => {
    await stack.destroy();
    for (const name of ["Reseller North", "Dental Practices", "Bright Smiles", "Top Co", "Made By Hand"]) {
      expect((await named(name)).enabled, name).to.equal(false);
    }
  });
});
