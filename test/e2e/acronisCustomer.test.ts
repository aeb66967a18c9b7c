import { expect } from "chai";
import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";
import { AcronisApi } from "../support/acronisApi";
import { changedResources as changed, TestStack } from "../support/engine";
import { acronisStackConfig } from "../support/stackConfig";

describe("end to end on the real engine: the Acronis tutorial's customer", function () {
  this.timeout(300_000);
  let emulator: RunningServer<AcronisInfo>;
  let api: AcronisApi;
  let stack: TestStack;
  let outputs: Record<string, unknown>;

  before(async () => {
    emulator = await startAcronisEmulator({
      port: 0,
      host: "127.0.0.1",
      latencyMs: 0,
      log: new RequestLog(),
    });
    api = new AcronisApi(emulator.info);
    stack = await TestStack.create(
      "acronis-customer",
      "examples/acronis-customer",
      acronisStackConfig(emulator.info),
    );
    await stack.up();
    outputs = await stack.outputs();
  });

  after(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("pulumi up creates the tutorial's customer, exactly", async () => {
    const tenant = (await api.get(`/tenants/${outputs.customerTenantId}`)).body;
    expect(tenant).to.deep.include({
      name: "Customer, Inc",
      kind: "customer",
      parent_id: emulator.info.partnerTenantId,
      customer_id: "customer-inc",
      ancestral_access: true,
    });
    // The API never shows enhanced security (the OAS tenant has no such field): the emulator's state does.
    const stored = (await api.get("/_emulator/state")).body.tenants.find(
      (t: { id: string }) => t.id === outputs.customerTenantId,
    );
    expect(stored.enhanced_security).to.equal(true);
    expect((await api.get(`/tenants/${outputs.customerTenantId}/mfa/status`)).body.mfa_status).to.equal(
      "enabled",
    );
    const enabled = (
      (await api.get(`/tenants/${outputs.customerTenantId}/offering_items`)).body.items as {
        name: string;
        status: number;
      }[]
    )
      .filter((i) => i.status === 1)
      .map((i) => i.name)
      .sort();
    expect(enabled).to.deep.equal(["storage", "workstations"]);
    const user = (await api.get(`/users/${outputs.userId}`)).body;
    expect(user).to.deep.include({ login: "JohnDoe", tenant_id: outputs.customerTenantId, activated: false });
    const roles = (
      (await api.get(`/users/${outputs.userId}/access_policies`)).body.items as { role_id: string }[]
    ).map((p) => p.role_id);
    expect(roles).to.deep.equal(["company_admin"]);
    const outbox = (await api.get("/_emulator/emails")).body;
    expect(
      (Array.isArray(outbox) ? outbox : outbox.items).map((m: { userId: string }) => m.userId),
    ).to.deep.equal([outputs.userId]);
    expect(outputs.activationEmailSent).to.equal(true);
  });

  it("pulumi preview afterwards shows no changes, also with --refresh", async () => {
    expect(changed(await stack.previewSteps())).to.deep.equal([]);
    expect(changed(await stack.previewSteps({ refresh: true }))).to.deep.equal([]);
    // Not even a refresh step that lists a difference (create-only inputs are kept as they were).
    expect((await stack.mustRun(["preview", "--refresh"])).stdout).to.not.include("[diff:");
  });

  const drifts: { what: string; resources: string[]; make: () => Promise<unknown> }[] = [
    {
      what: "two-factor authentication turned off",
      resources: ["customer-inc-mfa"],
      make: () => api.put(`/tenants/${outputs.customerTenantId}/mfa/status`, { enabled: false }),
    },
    {
      what: "a quota changed",
      resources: ["customer-inc-offering-items"],
      make: async () => {
        const items = (await api.get(`/tenants/${outputs.customerTenantId}/offering_items`)).body.items as {
          name: string;
          application_id: string;
          quota?: { version: number };
        }[];
        const ws = items.find((i) => i.name === "workstations")!;
        return api.put(`/tenants/${outputs.customerTenantId}/offering_items`, {
          offering_items: [
            {
              application_id: ws.application_id,
              name: "workstations",
              status: 1,
              quota: { value: 1, overage: null, version: ws.quota?.version },
            },
          ],
        });
      },
    },
    {
      what: "the role removed",
      resources: ["john-doe-company-admin"],
      make: () => api.put(`/users/${outputs.userId}/access_policies`, { items: [] }),
    },
    {
      // Its roles go with it, so the role assignment is reported too.
      what: "the user deleted",
      resources: ["john-doe", "john-doe-company-admin"],
      make: async () => {
        const user = (await api.get(`/users/${outputs.userId}`)).body;
        const disabled = (
          await api.put(`/users/${outputs.userId}`, { enabled: false, version: user.version })
        ).body;
        return api.delete(`/users/${outputs.userId}?version=${disabled.version}`);
      },
    },
  ];

  for (const drift of drifts) {
    it(`finds ${drift.what} with preview --refresh, for that resource alone, and up repairs it`, async () => {
      await drift.make();
      expect(changed(await stack.previewSteps()), "a plain preview does not read the API").to.deep.equal([]);
      expect(changed(await stack.previewSteps({ refresh: true }))).to.deep.equal(drift.resources);
      await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
      expect(changed(await stack.previewSteps({ refresh: true }))).to.deep.equal([]);
      outputs = await stack.outputs();
    });
  }

  it("keeps the client secret out of the state file, the export and the engine's output", async () => {
    const secret = emulator.info.clientSecret;
    expect(stack.backendFilesText()).to.not.include(secret);
    expect(await stack.exportState()).to.not.include(secret);
    const preview = await stack.run(["preview", "--diff", "--refresh"]);
    expect(preview.stdout + preview.stderr).to.not.include(secret);
  });

  it("stores no provider code in state, only a require of the package", async () => {
    const state = JSON.parse(await stack.exportState()) as {
      deployment: { resources: { type: string; outputs?: { __provider?: string } }[] };
    };
    const providers = state.deployment.resources
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"))
      .map((r) => r.outputs?.__provider ?? "");
    expect(providers).to.have.length(5);
    for (const text of providers)
      expect(text).to.match(/require\("tenant-estates\/dist\/provider\/entry\/\w+\.js"\)/);
  });

  it("pulumi destroy removes the user and only disables the customer, whose deletion policy is the default", async () => {
    await stack.destroy();
    const state = (await api.get("/_emulator/state")).body as {
      tenants: { id: string; enabled: boolean }[];
      users: unknown[];
    };
    const customer = state.tenants.find((t) => t.id === outputs.customerTenantId);
    expect(customer?.enabled).to.equal(false);
    expect(state.tenants.map((t) => t.id).sort()).to.deep.equal(
      [emulator.info.partnerTenantId, outputs.customerTenantId].sort(),
    );
    expect(state.users).to.deep.equal([]);
  });
});
