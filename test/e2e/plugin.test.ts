import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import type { TestStack } from "../support/engine";
import { OutOfBand } from "../support/outOfBand";
import { previewPlan } from "../support/plan";
import { pluginStack } from "../support/pluginStack";

interface Customer {
  resource: string;
  name: string;
  parentId: string;
}

describe("end to end on the real engine: the provider plugin, one explicit provider instance per Acronis account", function () {
  this.timeout(600_000);
  let home: RunningEmulators;
  let eu: RunningEmulators;
  let stack: TestStack;
  const project = "plugin";
  const providerUrn = (name: string) =>
    `urn:pulumi:test::${project}::pulumi:providers:tenant-estates::${name}`;
  const customerNames = async (emulators: RunningEmulators) =>
    (
      (await new AcronisApi(emulators.acronis).get("/_emulator/state")).body.tenants as {
        name: string;
        kind: string;
      }[]
    )
      .filter((t) => t.kind === "customer")
      .map((t) => t.name)
      .sort();
  const tenantId = async (emulators: RunningEmulators, name: string) =>
    (
      (await new AcronisApi(emulators.acronis).get("/_emulator/state")).body.tenants as {
        id: string;
        name: string;
      }[]
    ).find((t) => t.name === name)?.id as string;
  /** The program's accounts: each emulator's address and API client, with the customers declared in it. */
  const accounts = (customers: { home: Customer[]; eu: Customer[] }) =>
    JSON.stringify(
      (["home", "eu"] as const).map((name) => {
        const { baseUrl, clientId } = (name === "home" ? home : eu).acronis;
        return { name, baseUrl, clientId, customers: customers[name] };
      }),
    );
  const homeCo = () => ({
    resource: "home-customer",
    name: "Home Co",
    parentId: home.acronis.partnerTenantId,
  });
  const euroCo = (name = "Euro Co") => ({
    resource: "eu-customer",
    name,
    parentId: eu.acronis.partnerTenantId,
  });
  const declare = (customers: { home: Customer[]; eu: Customer[] }) =>
    stack.mustRun(["config", "set", "accounts", "--", accounts(customers)]);

  before(async () => {
    [home, eu] = await Promise.all([startEmulators(), startEmulators()]);
    stack = await pluginStack(project, "test/programs/plugin", {
      homeClientSecret: { value: home.acronis.clientSecret, secret: true },
      euClientSecret: { value: eu.acronis.clientSecret, secret: true },
    });
    await declare({ home: [homeCo()], eu: [euroCo()] });
  });

  after(async () => {
    stack?.remove();
    await home?.close();
    await eu?.close();
  });

  it("pulumi up creates each customer in its own account, as a resource of the package's type token", async () => {
    await stack.up();
    expect(await customerNames(home)).to.deep.equal(["Home Co"]);
    expect(await customerNames(eu)).to.deep.equal(["Euro Co"]);
    const state = JSON.parse(await stack.exportState()) as {
      deployment: { resources: { urn: string; type: string; id?: string }[] };
    };
    const customers = state.deployment.resources.filter(
      (r) => r.type === "tenant-estates:acronis:CustomerTenant",
    );
    expect(customers.map((r) => r.urn.split("::").pop()).sort()).to.deep.equal([
      "eu-customer",
      "home-customer",
    ]);
    expect(customers.find((r) => r.urn.endsWith("::eu-customer"))?.id).to.equal(
      await tenantId(eu, "Euro Co"),
    );
    expect(stack.backendFilesText()).to.not.include(eu.acronis.clientSecret);
  });

  it("pulumi preview plans nothing, also with --refresh", async () => {
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("an edit plans one update of that property, up makes it in its own account, and preview --refresh is empty", async () => {
    await declare({ home: [homeCo()], eu: [euroCo("Euro Co Renamed")] });
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "eu-customer", op: "update", properties: ["name"] },
    ]);
    await stack.up();
    expect(await customerNames(eu)).to.deep.equal(["Euro Co Renamed"]);
    expect(await customerNames(home)).to.deep.equal(["Home Co"]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("drift made outside Pulumi is found by preview --refresh, property by property, and repaired by up --refresh", async () => {
    await new OutOfBand(new AcronisApi(home.acronis)).updateTenant(await tenantId(home, "Home Co"), {
      name: "Home Drifted",
    });
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([
      { name: "home-customer", op: "update", properties: ["name"] },
    ]);
    await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
    expect(await customerNames(home)).to.deep.equal(["Home Co"]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("pulumi import brings in a customer made through the API with no write, and preview --refresh is then empty", async () => {
    const api = new AcronisApi(home.acronis);
    const made = await api.post("/tenants", {
      name: "Imported Co",
      parent_id: home.acronis.partnerTenantId,
      kind: "customer",
    });
    expect(made.status).to.equal(201);
    const before = await apiWrites(home);
    const imported = await stack.run([
      "import",
      "tenant-estates:acronis:CustomerTenant",
      "imported-customer",
      made.body.id,
      "--provider",
      `home=${providerUrn("home")}`,
      "--protect=false",
      // The Node.js language host built from the module proxy has no code generator (GenerateProgram).
      "--generate-code=false",
      "--yes",
    ]);
    expect(imported.code, imported.stdout + imported.stderr).to.equal(0);
    expect((await apiWrites(home)).acronis).to.deep.equal(before.acronis);
    const importedCo = {
      resource: "imported-customer",
      name: "Imported Co",
      parentId: home.acronis.partnerTenantId,
    };
    await declare({ home: [homeCo(), importedCo], eu: [euroCo("Euro Co Renamed")] });
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    expect((await apiWrites(home)).acronis).to.deep.equal(before.acronis);
  });
});
