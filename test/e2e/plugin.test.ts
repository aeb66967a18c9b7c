import { readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { resourceSpecs } from "../../provider/specs";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import type { TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { OutOfBand } from "../support/outOfBand";
import { previewPlan } from "../support/plan";
import { pluginStack } from "../support/pluginStack";

interface Customer {
  resource: string;
  name: string;
  parentId: string;
}

interface HcpTenant {
  resource: string;
  name: string;
  hardQuota: string;
}

interface Declared {
  home: { customers: Customer[]; hcpTenants: HcpTenant[] };
  eu: { customers: Customer[]; hcpTenants: HcpTenant[] };
}

const tenantPassword = "Start-pass-42";

describe("end to end on the real engine: the provider plugin, one explicit provider instance per account (an Acronis data center and an HCP system)", function () {
  this.timeout(600_000);
  let home: RunningEmulators;
  let eu: RunningEmulators;
  let stack: TestStack;
  const project = "plugin";
  const providerUrn = (name: string) =>
    `urn:pulumi:test::${project}::pulumi:providers:tenant-estates::${name}`;
  const customerNames = (emulators: RunningEmulators) => new AcronisApi(emulators.acronis).customerNames();
  const tenantId = async (emulators: RunningEmulators, name: string) =>
    (
      (await new AcronisApi(emulators.acronis).get("/_emulator/state")).body.tenants as {
        id: string;
        name: string;
      }[]
    ).find((t) => t.name === name)?.id as string;
  const hcpTenantNames = async (emulators: RunningEmulators) =>
    (
      JSON.parse((await new HcpApi(emulators.hcp).admin("GET", "/mapi/tenants")).body).name as string[]
    ).sort();
  /** The program's accounts: each emulator pair's addresses and accounts, with the objects declared in it. */
  const accounts = (declared: Declared, hcpPort?: number) =>
    JSON.stringify(
      (["home", "eu"] as const).map((name) => {
        const { acronis, hcp } = name === "home" ? home : eu;
        return {
          name,
          acronis: { baseUrl: acronis.baseUrl, clientId: acronis.clientId },
          hcp: {
            domain: hcp.domain,
            port: hcpPort ?? Number(new URL(hcp.url).port),
            address: "127.0.0.1",
            caCert: readFileSync(hcp.caCertPath, "utf8"),
            username: hcp.username,
          },
          ...declared[name],
        };
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
  const homeArchive = { resource: "home-archive", name: "home", hardQuota: "10 GB" };
  const euArchive = (hardQuota = "20 GB") => ({ resource: "eu-archive", name: "euro", hardQuota });
  const declare = (declared: Declared) =>
    stack.mustRun(["config", "set", "accounts", "--", accounts(declared)]);

  before(async () => {
    [home, eu] = await Promise.all([startEmulators(), startEmulators()]);
    stack = await pluginStack(project, "test/programs/plugin", {
      homeClientSecret: { value: home.acronis.clientSecret, secret: true },
      euClientSecret: { value: eu.acronis.clientSecret, secret: true },
      homeHcpPassword: { value: home.hcp.password, secret: true },
      euHcpPassword: { value: eu.hcp.password, secret: true },
      tenantPassword: { value: tenantPassword, secret: true },
    });
    await declare({
      home: { customers: [homeCo()], hcpTenants: [homeArchive] },
      eu: { customers: [euroCo()], hcpTenants: [euArchive()] },
    });
  });

  after(async () => {
    stack?.remove();
    await home?.close();
    await eu?.close();
  });

  it("pulumi up creates each object in its own account, as a resource of the package's type token", async () => {
    await stack.up();
    expect(await customerNames(home)).to.deep.equal(["Home Co"]);
    expect(await customerNames(eu)).to.deep.equal(["Euro Co"]);
    expect(await hcpTenantNames(home)).to.deep.equal(["Default", "home"]);
    expect(await hcpTenantNames(eu)).to.deep.equal(["Default", "euro"]);
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
    // The ownership mark the SDK's resources leave, named from the plugin's URN.
    const tenants = (await new AcronisApi(eu.acronis).get("/_emulator/state")).body.tenants as {
      name: string;
      internal_tag?: string;
    }[];
    expect(tenants.find((t) => t.name === "Euro Co")?.internal_tag).to.equal(
      `tenant-estates:${project}/test@eu-customer`,
    );
    const stored = stack.backendFilesText();
    for (const secret of [eu.acronis.clientSecret, eu.hcp.password, tenantPassword])
      expect(stored).to.not.include(secret);
  });

  it("pulumi preview plans nothing, also with --refresh", async () => {
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("edits plan one update per changed property, reported by the plugin; up makes them in their own account; preview --refresh is then empty", async () => {
    await declare({
      home: { customers: [homeCo()], hcpTenants: [homeArchive] },
      eu: { customers: [euroCo("Euro Co Renamed")], hcpTenants: [euArchive("30 GB")] },
    });
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "eu-archive", op: "update", properties: ["hardQuota"] },
      { name: "eu-customer", op: "update", properties: ["name"] },
    ]);
    // The dynamic-provider host reports no diff of its own; the plugin does (detailedDiff and its keys).
    const reasons = (await stack.previewSteps()).map((s) => [s.name, s.diffReasons]);
    // Steps of a preview run concurrently: their order is not the program's.
    expect(reasons.sort()).to.deep.equal([
      ["eu-archive", ["hardQuota"]],
      ["eu-customer", ["name"]],
    ]);
    await stack.up();
    expect(await customerNames(eu)).to.deep.equal(["Euro Co Renamed"]);
    const euro = JSON.parse((await new HcpApi(eu.hcp).admin("GET", "/mapi/tenants/euro")).body);
    expect(euro.hardQuota).to.equal("30.00 GB");
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

  /** `pulumi import` of one object through the home account's provider instance (no code: see below). */
  const importThroughHome = async (token: string, resource: string, id: string) => {
    const imported = await stack.run([
      "import",
      token,
      resource,
      id,
      "--provider",
      `home=${providerUrn("home")}`,
      "--protect=false",
      // The Node.js language host built from the module proxy has no code generator (GenerateProgram).
      "--generate-code=false",
      "--yes",
    ]);
    expect(imported.code, imported.stdout + imported.stderr).to.equal(0);
  };
  const importedCo = () => ({
    resource: "imported-customer",
    name: "Imported Co",
    parentId: home.acronis.partnerTenantId,
  });
  const importedArchive = { resource: "imported-archive", name: "imported", hardQuota: "30 GB" };

  it("pulumi import brings in a customer made through the API with no write, and preview --refresh is then empty", async () => {
    const made = await new AcronisApi(home.acronis).post("/tenants", {
      name: "Imported Co",
      parent_id: home.acronis.partnerTenantId,
      kind: "customer",
    });
    expect(made.status).to.equal(201);
    const before = await apiWrites(home);
    await importThroughHome("tenant-estates:acronis:CustomerTenant", "imported-customer", made.body.id);
    expect((await apiWrites(home)).acronis).to.deep.equal(before.acronis);
    await declare({
      home: { customers: [homeCo(), importedCo()], hcpTenants: [homeArchive] },
      eu: { customers: [euroCo("Euro Co Renamed")], hcpTenants: [euArchive("30 GB")] },
    });
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    expect((await apiWrites(home)).acronis).to.deep.equal(before.acronis);
  });

  it("pulumi import brings in an HCP tenant made through MAPI with no write, with every setting HCP holds; preview --refresh is then empty", async () => {
    const made = await new HcpApi(home.hcp).admin(
      "PUT",
      `/mapi/tenants?username=security&password=${tenantPassword}`,
      { name: "imported", hardQuota: "30 GB", versioningConfigurationEnabled: true },
    );
    expect(made.status).to.equal(200);
    const before = await apiWrites(home);
    await importThroughHome("tenant-estates:hcp:HcpTenant", "imported-archive", "imported");
    expect((await apiWrites(home)).hcp).to.deep.equal(before.hcp);
    const state = JSON.parse(await stack.exportState()) as {
      deployment: { resources: { urn: string; inputs?: Record<string, unknown> }[] };
    };
    const inputs = state.deployment.resources.find((r) => r.urn.endsWith("::imported-archive"))?.inputs;
    expect(inputs).to.deep.include({
      name: "imported",
      hardQuota: "30.00 GB",
      versioningConfigurationEnabled: true,
    });
    await declare({
      home: { customers: [homeCo(), importedCo()], hcpTenants: [homeArchive, importedArchive] },
      eu: { customers: [euroCo("Euro Co Renamed")], hcpTenants: [euArchive("30 GB")] },
    });
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    await stack.up();
    expect((await apiWrites(home)).hcp).to.deep.equal(before.hcp);
  });

  it("a provider instance with a bad property fails the preview, naming the property", async () => {
    const declared = {
      home: { customers: [homeCo(), importedCo()], hcpTenants: [homeArchive, importedArchive] },
      eu: { customers: [euroCo("Euro Co Renamed")], hcpTenants: [euArchive("30 GB")] },
    };
    await stack.mustRun(["config", "set", "accounts", "--", accounts(declared, 70000)]);
    const preview = await stack.run(["preview"]);
    await declare(declared);
    expect(preview.code).to.not.equal(0);
    expect(preview.stdout + preview.stderr).to.contain('hcpPort must be a TCP port number, got "70000"');
    expect(await previewPlan(stack)).to.deep.equal([]);
  });

  it("the engine loads the package's schema from the plugin (GetSchema) and binds every resource under its module", async () => {
    const plugin = path.join(stack.workDir, "node_modules/tenant-estates/bin/pulumi-resource-tenant-estates");
    const info = await stack.mustRun(["package", "info", plugin]);
    expect(info.stdout).to.contain(`Name: tenant-estates\nVersion: 0.1.0\n`);
    expect(info.stdout).to.contain(`Total resources ${resourceSpecs.length}\n`);
    expect(info.stdout).to.contain("Modules: acronis, hcp\n");
  });
});
