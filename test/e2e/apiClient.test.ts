import { expect } from "chai";
import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";
import { AcronisApi } from "../support/acronisApi";
import { TestStack } from "../support/engine";
import { previewPlan } from "../support/plan";
import { acronisStackConfig } from "../support/stackConfig";

/** The encrypted form the engine stores secrets in. */
const secretSignature = "4dabf18193072939515e22adb298388d";

describe("end to end on the real engine: an integration's API client", function () {
  this.timeout(300_000);
  let emulator: RunningServer<AcronisInfo>;
  let log: RequestLog;
  let api: AcronisApi;
  let stack: TestStack;
  let outputs: Record<string, string>;

  const tokenStatus = async (id: string, secret: string) =>
    (
      await fetch(`${emulator.info.baseUrl}/idp/token`, {
        method: "POST",
        headers: {
          Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
      })
    ).status;
  const clientPosts = () =>
    log.list("acronis").filter((e) => e.method === "POST" && e.path.endsWith("/clients"));
  /** The stored outputs of one resource, as `pulumi stack export` has them. */
  const stored = async (name: string) => {
    const state = JSON.parse(await stack.exportState()) as {
      deployment: { resources: { urn: string; outputs?: Record<string, unknown> }[] };
    };
    return state.deployment.resources.find((r) => r.urn.endsWith(`::${name}`))?.outputs ?? {};
  };
  const refreshOutputs = async () => {
    outputs = (await stack.outputs()) as Record<string, string>;
  };

  before(async () => {
    log = new RequestLog();
    emulator = await startAcronisEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log });
    api = new AcronisApi(emulator.info);
    stack = await TestStack.create(
      "api-client",
      "test/programs/apiClient",
      acronisStackConfig(emulator.info),
    );
    await stack.up();
    await refreshOutputs();
  });

  after(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("pulumi up makes the client; its secret works, and the state holds it only encrypted", async () => {
    const held = (await api.get(`/clients/${outputs.clientId}`)).body;
    expect(held).to.deep.include({ tenant_id: outputs.customerTenantId, status: "enabled" });
    expect(held.data.client_name).to.equal("backup-integration");
    expect(outputs.clientSecret).to.match(/^[0-9a-f]{32}$/);
    expect(await tokenStatus(outputs.clientId, outputs.clientSecret)).to.equal(200);
    expect((await stored("backup-integration")).clientSecret).to.have.property(secretSignature);
    expect(stack.backendFilesText()).to.not.include(outputs.clientSecret);
    const listed = await stack.run(["stack", "output", "--json"]);
    expect(listed.stdout).to.not.include(outputs.clientSecret);
  });

  it("plans nothing afterwards, also with --refresh, and the secret stays encrypted after a refresh", async () => {
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    await stack.mustRun(["refresh", "--yes", "--skip-preview"]);
    expect((await stored("backup-integration")).clientSecret).to.have.property(secretSignature);
    const before = outputs.clientSecret;
    await refreshOutputs();
    expect(outputs.clientSecret).to.equal(before);
  });

  it("finds a rename and a disable made by hand with preview --refresh, and up repairs them in place", async () => {
    const held = (await api.get(`/clients/${outputs.clientId}`)).body;
    await api.put(`/clients/${outputs.clientId}`, {
      data: { ...held.data, client_name: "by hand" },
      status: "disabled",
    });
    expect(await previewPlan(stack), "a plain preview does not read the API").to.deep.equal([]);
    const plan = await previewPlan(stack, { refresh: true });
    expect(plan).to.deep.equal([{ name: "backup-integration", op: "update", properties: ["name"] }]);
    await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
    const after = (await api.get(`/clients/${outputs.clientId}`)).body;
    expect(after.data.client_name).to.equal("backup-integration");
    // `enabled` is not declared, so it is not managed: the client stays as it was made disabled.
    expect(after.status).to.equal("disabled");
    await stack.mustRun(["config", "set", "clientEnabled", "true"]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([
      { name: "backup-integration", op: "update", properties: ["enabled"] },
    ]);
    await stack.up();
    expect((await api.get(`/clients/${outputs.clientId}`)).body.status).to.equal("enabled");
    const secretBefore = outputs.clientSecret;
    await refreshOutputs();
    expect(outputs.clientSecret).to.equal(secretBefore);
    expect(await tokenStatus(outputs.clientId, outputs.clientSecret)).to.equal(200);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("a new rotation replaces the client, the new one first: a new secret works, the old client is gone", async () => {
    const old = { ...outputs };
    await stack.mustRun(["config", "set", "rotation", "2025-q3"]);
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "backup-integration", op: "replace", properties: ["rotation"], deleteFirst: false },
    ]);
    await stack.up();
    await refreshOutputs();
    expect(outputs.clientId).to.not.equal(old.clientId);
    expect(outputs.clientSecret).to.not.equal(old.clientSecret);
    expect(await tokenStatus(outputs.clientId, outputs.clientSecret)).to.equal(200);
    expect((await api.get(`/clients/${old.clientId}`)).status).to.equal(404);
    expect(await tokenStatus(old.clientId, old.clientSecret)).to.equal(401);
  });

  it("a client deleted by hand is found by preview --refresh and made again by up, with a new secret", async () => {
    const old = { ...outputs };
    expect((await api.delete(`/clients/${old.clientId}`)).status).to.equal(204);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([
      { name: "backup-integration", op: "create", properties: [] },
    ]);
    await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
    await refreshOutputs();
    expect(outputs.clientId).to.not.equal(old.clientId);
    expect(await tokenStatus(outputs.clientId, outputs.clientSecret)).to.equal(200);
  });

  it("a client whose create the state lost (the run was killed after the POST) is deleted by the next up, which makes it anew", async () => {
    const old = { ...outputs };
    const state = JSON.parse(await stack.exportState()) as { deployment: { resources: { urn: string }[] } };
    const urn = state.deployment.resources.find((r) => r.urn.endsWith("::backup-integration"))?.urn as string;
    await stack.mustRun(["state", "delete", urn, "--yes"]);
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "backup-integration", op: "create", properties: [] },
    ]);
    const from = log.list("acronis").length;
    await stack.up();
    await refreshOutputs();
    const writes = log
      .list("acronis")
      .slice(from)
      .filter((e) => e.method !== "GET" && !e.path.endsWith("/idp/token"))
      .map((e) => `${e.method} ${e.path}`);
    expect(writes).to.deep.equal([`DELETE /api/2/clients/${old.clientId}`, "POST /api/2/clients"]);
    expect(await tokenStatus(outputs.clientId, outputs.clientSecret)).to.equal(200);
    const clients = (await api.get("/clients")).body.items as {
      client_id: string;
      data: { client_name: string };
    }[];
    const named = clients.filter((c) => c.data.client_name === "backup-integration").map((c) => c.client_id);
    expect(named).to.deep.equal([outputs.clientId]);
  });

  it("adopts a client made by hand with no POST /clients; its secret is not known to the stack", async () => {
    const made = (
      await api.post("/clients", {
        type: "api_client",
        tenant_id: outputs.customerTenantId,
        token_endpoint_auth_method: "client_secret_basic",
        data: { client_name: "legacy-sync" },
      })
    ).body;
    await stack.mustRun(["config", "set", "adoptName", "legacy-sync"]);
    expect(await previewPlan(stack)).to.deep.equal([{ name: "legacy-sync", op: "create", properties: [] }]);
    const posts = clientPosts().length;
    await stack.up();
    expect(clientPosts().length).to.equal(posts);
    await refreshOutputs();
    expect(outputs.adoptedClientId).to.equal(made.client_id);
    expect(outputs).to.not.have.property("adoptedClientSecret");
    expect(await tokenStatus(made.client_id, made.client_secret)).to.equal(200);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("pulumi destroy deletes both clients and disables the customer", async () => {
    await stack.destroy();
    expect((await api.get(`/clients/${outputs.clientId}`)).status).to.equal(404);
    expect((await api.get(`/clients/${outputs.adoptedClientId}`)).status).to.equal(404);
    expect((await api.get(`/tenants/${outputs.customerTenantId}`)).body.enabled).to.equal(false);
  });
});
