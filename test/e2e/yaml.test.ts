import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import { repoRoot, TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { previewPlan } from "../support/plan";
import { exampleAcronisConfig, installPackage, replaceInFile } from "../support/pluginStack";

const financePassword = "Start-123-finance";
const example = path.join(repoRoot, "examples", "yaml", "Pulumi.yaml");

interface Tenant {
  id: string;
  name: string;
  kind: string;
  customer_id?: string;
  ancestral_access?: boolean;
}

describe("end to end on the real engine: the Pulumi YAML example (examples/yaml), through the provider plugin", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let program: string;

  const customers = async () =>
    ((await new AcronisApi(emulators.acronis).get("/_emulator/state")).body.tenants as Tenant[]).filter(
      (t) => t.kind === "customer",
    );
  const finance = async () =>
    JSON.parse((await new HcpApi(emulators.hcp).admin("GET", "/mapi/tenants/Finance?verbose=true")).body);
  /** Edits the program as its user would. */
  const editProgram = (from: string, to: string) => replaceInFile(program, from, to);

  before(async () => {
    emulators = await startEmulators();
    const { acronis, hcp } = emulators;
    const workDir = path.join(repoRoot, ".work", "e2e", `yaml-${process.pid}-${Date.now()}`);
    mkdirSync(workDir, { recursive: true });
    program = path.join(workDir, "Pulumi.yaml");
    writeFileSync(program, readFileSync(example));
    installPackage(workDir);
    stack = await TestStack.inDirectory(workDir, {
      ...exampleAcronisConfig(acronis),
      hcpDomain: { value: hcp.domain },
      hcpPort: { value: new URL(hcp.url).port },
      hcpAddress: { value: "127.0.0.1" },
      hcpCaCert: { value: readFileSync(hcp.caCertPath, "utf8") },
      hcpUsername: { value: hcp.username },
      hcpPassword: { value: hcp.password, secret: true },
      financeInitialPassword: { value: financePassword, secret: true },
    });
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("pulumi up creates the seeds' customer and Finance tenant as the package's types, through the explicit provider", async () => {
    await stack.up();
    const [customer] = await customers();
    expect(customer).to.deep.include({
      name: "Customer, Inc",
      customer_id: "customer-inc",
      ancestral_access: true,
    });
    expect(await finance()).to.deep.include({
      name: "Finance",
      hardQuota: "100.00 GB",
      softQuota: 90,
      servicePlan: "Short-Term-Activity",
      dataNetwork: "net127",
      managementNetwork: "net004",
    });
    const state = JSON.parse(await stack.exportState()) as {
      deployment: { resources: { urn: string; type: string; provider?: string }[] };
    };
    const byName = (name: string) => state.deployment.resources.find((r) => r.urn.endsWith(`::${name}`));
    expect(byName("customer-inc")?.type).to.equal("tenant-estates:acronis:CustomerTenant");
    expect(byName("finance")?.type).to.equal("tenant-estates:hcp:HcpTenant");
    expect(byName("finance")?.provider).to.match(
      /^urn:pulumi:test::tenant-estates-yaml::pulumi:providers:tenant-estates::home::/,
    );
    const outputs = await stack.outputs();
    expect(outputs).to.deep.include({
      customerTenantId: customer.id,
      financeHost: "Finance.hcp.example.com",
    });
    const stored = stack.backendFilesText();
    for (const secret of [emulators.acronis.clientSecret, emulators.hcp.password, financePassword])
      expect(stored).to.not.include(secret);
  });

  it("pulumi preview plans nothing, also with --refresh", async () => {
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("an edit of the YAML plans one update per changed property; up makes it; preview --refresh is then empty", async () => {
    editProgram("name: Customer, Inc", "name: Customer, Inc (renamed)");
    editProgram("hardQuota: 100 GB", "hardQuota: 150 GB");
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "customer-inc", op: "update", properties: ["name"] },
      { name: "finance", op: "update", properties: ["hardQuota"] },
    ]);
    await stack.up();
    expect((await customers()).map((c) => c.name)).to.deep.equal(["Customer, Inc (renamed)"]);
    expect((await finance()).hardQuota).to.equal("150.00 GB");
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });
});
