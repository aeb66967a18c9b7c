import { expect } from "chai";
import { RequestLog } from "../../emulator/core/requestLog";
import { startHcpEmulator } from "../../emulator/hcp/server";
import type { HcpInfo, RunningServer } from "../../emulator/types";
import { changedResources as changed, TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { previewPlan } from "../support/plan";
import { hcpStackConfig } from "../support/stackConfig";

const initialPassword = "Start-123-finance";

describe("end to end on the real engine: the HCP seed's Finance tenant", function () {
  this.timeout(300_000);
  let emulator: RunningServer<HcpInfo>;
  let api: HcpApi;
  let stack: TestStack;

  const tenantJson = async () =>
    JSON.parse((await api.admin("GET", "/mapi/tenants/Finance?verbose=true")).body);
  const consoleJson = async () =>
    JSON.parse(
      (
        await api.asTenantUser(
          "finance",
          "lgreen",
          initialPassword,
          "GET",
          "/mapi/tenants/Finance/consoleSecurity",
        )
      ).body,
    );

  before(async () => {
    emulator = await startHcpEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log: new RequestLog() });
    api = new HcpApi(emulator.info);
    stack = await TestStack.create("hcp-tenant", "examples/hcp-tenant", {
      ...hcpStackConfig(emulator.info),
      financeInitialPassword: { value: initialPassword, secret: true },
    });
    await stack.up();
  });

  after(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("pulumi up creates the seed's tenant, its initial user, and its console security", async () => {
    const tenant = await tenantJson();
    expect(tenant).to.deep.include({
      name: "Finance",
      hardQuota: "100.00 GB",
      softQuota: 90,
      namespaceQuota: "5",
      servicePlan: "Short-Term-Activity",
      dataNetwork: "net127",
      managementNetwork: "net004",
    });
    // The seed's tags, and the stack's ownership mark (docs/adoption-and-export.md, "Ownership marks").
    expect(tenant.tags.tag).to.have.members([
      "Example Company",
      "pdgrey",
      "tenant-estates:hcp-tenant/test@finance",
    ]);
    expect(tenant.authenticationTypes.authenticationType).to.have.members(["LOCAL", "EXTERNAL"]);
    const console = await consoleJson();
    expect(console).to.deep.include({
      minimumPasswordLength: 6,
      forcePasswordChangeDays: 45,
      disableAfterAttempts: 3,
      disableAfterInactiveDays: 30,
      logoutOnInactive: 20,
    });
    expect(console.ipSettings).to.deep.equal({
      allowAddresses: { ipAddress: ["192.168.103.18", "192.168.103.24", "192.168.103.25"] },
      denyAddresses: { ipAddress: [] },
      allowIfInBothLists: false,
    });
    const outputs = await stack.outputs();
    expect(outputs.fullyQualifiedName).to.equal("Finance.hcp.example.com");
    expect(outputs.chargebackRows).to.be.a("number").greaterThan(0);
  });

  it("pulumi preview afterwards shows no changes, also with --refresh", async () => {
    expect(changed(await stack.previewSteps())).to.deep.equal([]);
    expect(changed(await stack.previewSteps({ refresh: true }))).to.deep.equal([]);
    // Not even a refresh step that lists a difference (create-only inputs are kept as they were).
    expect((await stack.mustRun(["preview", "--refresh"])).stdout).to.not.include("[diff:");
  });

  const drifts: { what: string; resources: string[]; make: () => Promise<unknown> }[] = [
    {
      what: "console settings changed",
      resources: ["finance-console-security"],
      make: () =>
        api.asTenantUser(
          "finance",
          "lgreen",
          initialPassword,
          "POST",
          "/mapi/tenants/Finance/consoleSecurity",
          { minimumPasswordLength: 12, ipSettings: { allowAddresses: { ipAddress: ["0.0.0.0/0"] } } },
        ),
    },
    {
      what: "the hard quota changed",
      resources: ["finance"],
      make: () => api.admin("POST", "/mapi/tenants/Finance", { hardQuota: "250 GB" }),
    },
    {
      what: "the tags changed",
      resources: ["finance"],
      make: () => api.admin("POST", "/mapi/tenants/Finance", { tags: { tag: ["pdgrey", "someone-else"] } }),
    },
  ];

  for (const drift of drifts) {
    it(`finds ${drift.what} with preview --refresh, for that resource alone, and up repairs it`, async () => {
      const answer = (await drift.make()) as { status: number; body: string };
      expect(answer.status, answer.body).to.equal(200);
      expect(changed(await stack.previewSteps({ refresh: true }))).to.deep.equal(drift.resources);
      await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
      expect(changed(await stack.previewSteps({ refresh: true }))).to.deep.equal([]);
    });
  }

  it("keeps the system password and the initial user's password out of state, export and output", async () => {
    const text =
      stack.backendFilesText() +
      (await stack.exportState()) +
      JSON.stringify((await stack.run(["preview", "--diff"])).stdout);
    expect(text).to.not.include(emulator.info.password);
    expect(text).to.not.include(initialPassword);
  });

  /** Whether the state marks the tenant retainOnDelete: then its removal and destroy only forget it. */
  const retained = async () => {
    const { deployment } = JSON.parse(await stack.exportState()) as {
      deployment: { resources: { urn: string; retainOnDelete?: boolean }[] };
    };
    return deployment.resources.find((r) => r.urn.endsWith("::finance"))?.retainOnDelete === true;
  };

  it("without a deletionPolicy, the state marks the tenant retainOnDelete: removing or destroying it only forgets it", async () => {
    expect(await retained()).to.equal(true);
  });

  it("with deletionPolicy delete stored, refuses to delete the tenant while it owns a namespace, then deletes it once it is empty", async () => {
    await stack.mustRun(["config", "set", "financeDeletionPolicy", "delete"]);
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "finance", op: "update", properties: ["deletionPolicy"] },
    ]);
    await stack.up();
    expect(await retained()).to.equal(false);
    await api.control("POST", "/_emulator/namespaces", {
      tenant: "Finance",
      name: "invoices",
      objectCount: 10,
      storageCapacityUsed: 4096,
    });
    const refused = await stack.run(["destroy", "--yes", "--skip-preview"]);
    expect(refused.code).to.not.equal(0);
    expect(refused.stdout + refused.stderr).to.match(/Finance.*1 namespace/s);
    expect((await api.admin("GET", "/mapi/tenants/Finance")).status).to.equal(200);

    await api.control("DELETE", "/_emulator/namespaces/Finance/invoices");
    await stack.destroy();
    expect((await api.admin("GET", "/mapi/tenants/Finance")).status).to.equal(404);
  });
});
