import { expect } from "chai";
import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";
import {
  type ApiClientInputs,
  type ApiClientOutputs,
  ApiClientProvider,
  apiClientMark,
  markKey,
} from "../../provider/acronis/resources/apiClient";
import { AcronisApi } from "../support/acronisApi";
import { acronisStackConfig, configureRequest } from "../support/stackConfig";

describe("ApiClient provider against the emulator", function () {
  this.timeout(20_000);
  let emulator: RunningServer<AcronisInfo>;
  let api: AcronisApi;
  let log: RequestLog;
  let provider: ApiClientProvider;
  let customer: string;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${++counter}`;
  const owner = { __owner: "project/stack" };

  before(async () => {
    log = new RequestLog();
    emulator = await startAcronisEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log });
    api = new AcronisApi(emulator.info);
    provider = new ApiClientProvider();
    await provider.configure(configureRequest(acronisStackConfig(emulator.info)));
    customer = (
      await api.post("/tenants", {
        name: "Clients Inc",
        kind: "customer",
        parent_id: emulator.info.partnerTenantId,
      })
    ).body.id;
  });
  after(async () => emulator.close());

  const create = async (extra: Partial<ApiClientInputs> = {}) => {
    const inputs = { tenantId: customer, name: unique("integration"), ...extra } as ApiClientInputs;
    const created = await provider.create({ ...inputs, ...owner });
    return { id: created.id, outs: created.outs as ApiClientOutputs, inputs };
  };
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
  const writes = () =>
    log.list("acronis").filter((e) => e.method !== "GET" && !e.path.endsWith("/idp/token"));

  it("creates a client whose secret works, marked with the stack, and reads back the same shape", async () => {
    const { id, outs, inputs } = await create({ redirectUris: ["https://example.com/cb"] });
    expect(outs).to.deep.include({
      clientId: id,
      tenantId: customer,
      name: inputs.name,
      redirectUris: ["https://example.com/cb"],
    });
    expect(outs.clientSecret).to.match(/^[0-9a-f]{32}$/);
    expect(await tokenStatus(id, outs.clientSecret!)).to.equal(200);
    const held = (await api.get(`/clients/${id}`)).body;
    expect(held.data).to.include({ client_name: inputs.name, [markKey]: "tenant-estates:project/stack" });
    const read = await provider.read(id, outs);
    expect(read.props).to.deep.equal(outs);
    expect(read.inputs).to.deep.equal({
      tenantId: customer,
      name: inputs.name,
      redirectUris: ["https://example.com/cb"],
    });
    expect((await provider.diff(id, read.props as ApiClientOutputs, inputs)).changes).to.equal(false);
  });

  it("shows drift made through the API and repairs it in place, keeping the secret and the data it does not manage", async () => {
    const { id, outs, inputs } = await create({ enabled: true });
    const held = (await api.get(`/clients/${id}`)).body;
    await api.put(`/clients/${id}`, {
      data: { ...held.data, client_name: "renamed by hand" },
      status: "disabled",
    });
    const read = await provider.read(id, outs);
    expect(read.inputs).to.deep.include({ name: "renamed by hand", enabled: false });
    const diff = await provider.diff(id, read.props as ApiClientOutputs, inputs);
    expect(diff).to.deep.include({ changes: true, replaces: [] });
    const updated = await provider.update(id, read.props as ApiClientOutputs, inputs);
    expect(updated.outs).to.deep.equal(outs);
    const after = (await api.get(`/clients/${id}`)).body;
    expect(after).to.deep.include({ status: "enabled" });
    expect(after.data).to.include({ client_name: inputs.name, [markKey]: "tenant-estates:project/stack" });
    expect(await tokenStatus(id, outs.clientSecret!)).to.equal(200);
  });

  it("replaces the client (new one first) for a new tenant, auth method or rotation", async () => {
    const { id, outs, inputs } = await create();
    for (const change of [
      { rotation: "2025-q3" },
      { tokenEndpointAuthMethod: "client_secret_post" },
      { tenantId: emulator.info.partnerTenantId },
    ]) {
      const diff = await provider.diff(id, outs, { ...inputs, ...change } as ApiClientInputs);
      expect(diff, JSON.stringify(change)).to.deep.include({ changes: true, deleteBeforeReplace: false });
      expect(diff.replaces).to.deep.equal(Object.keys(change));
    }
  });

  it("creates a disabled client when told so, and deletes (a second delete is a no-op)", async () => {
    const { id, outs } = await create({ enabled: false });
    expect(outs.enabled).to.equal(false);
    expect((await api.get(`/clients/${id}`)).body.status).to.equal("disabled");
    await provider.delete(id);
    expect((await api.get(`/clients/${id}`)).status).to.equal(404);
    await provider.delete(id);
    expect(await provider.read(id, outs)).to.deep.equal({});
  });

  describe("adoption", () => {
    const makeByHand = async (name: string, data: Record<string, unknown> = {}) =>
      (
        await api.post("/clients", {
          type: "api_client",
          tenant_id: customer,
          token_endpoint_auth_method: "client_secret_basic",
          data: { client_name: name, ...data },
        })
      ).body;

    it("takes over the one client of that name writing only the stack's mark, its secret unknown", async () => {
      const name = unique("by-hand");
      const made = await makeByHand(name);
      const before = writes().length;
      const adopted = await provider.create({ tenantId: customer, name, adopt: true, ...owner });
      expect(adopted.id).to.equal(made.client_id);
      expect(adopted.outs).to.not.have.property("clientSecret");
      expect(
        writes()
          .slice(before)
          .map((e) => `${e.method} ${e.path}`),
      ).to.deep.equal([`PUT /api/2/clients/${made.client_id}`]);
      expect((await api.get(`/clients/${made.client_id}`)).body.data).to.deep.equal({
        client_name: name,
        [markKey]: apiClientMark(owner),
      });
      const marked = writes().length;
      // Marked by this stack already: adopting it again writes only the declared difference.
      const changed = await provider.create({
        tenantId: customer,
        name,
        enabled: false,
        adopt: true,
        ...owner,
      });
      expect(changed.id).to.equal(made.client_id);
      expect(
        writes()
          .slice(marked)
          .map((e) => e.method),
      ).to.deep.equal(["PUT"]);
    });

    it("creates when none has the name, refuses when several have it or another stack made it", async () => {
      const fresh = await provider.create({
        tenantId: customer,
        name: unique("nobody"),
        adopt: true,
        ...owner,
      });
      expect((fresh.outs as ApiClientOutputs).clientSecret).to.be.a("string");
      const twice = unique("twice");
      await makeByHand(twice);
      await makeByHand(twice);
      let error = await provider
        .create({ tenantId: customer, name: twice, adopt: true, ...owner })
        .catch((e: Error) => e);
      expect(String(error)).to.match(/2 API clients are named .* adopt cannot choose/);
      const theirs = unique("theirs");
      await makeByHand(theirs, { [markKey]: "tenant-estates:project/other" });
      error = await provider
        .create({ tenantId: customer, name: theirs, adopt: true, ...owner })
        .catch((e: Error) => e);
      expect(String(error)).to.match(/created by stack project\/other/);
      const byForm = (
        await api.post("/clients", {
          type: "api_client",
          tenant_id: customer,
          token_endpoint_auth_method: "client_secret_post",
          data: { client_name: unique("by-form") },
        })
      ).body;
      const name = byForm.data.client_name;
      error = await provider
        .create({ tenantId: customer, name, adopt: true, ...owner })
        .catch((e: Error) => e);
      expect(String(error)).to.match(
        /uses client_secret_post: declare tokenEndpointAuthMethod "client_secret_post"/,
      );
      const adopted = await provider.create({
        tenantId: customer,
        name,
        tokenEndpointAuthMethod: "client_secret_post",
        adopt: true,
        ...owner,
      });
      expect(adopted.id).to.equal(byForm.client_id);
    });
  });

  it("refuses bad inputs at check, naming the property", async () => {
    const result = await provider.check({}, {
      tenantId: "x",
      name: "",
      redirectUris: ["ftp://x"],
      tokenEndpointAuthMethod: "none",
    } as never);
    const properties = result.failures?.map((f) => f.property).sort();
    expect(properties).to.deep.equal(["name", "redirectUris[0]", "tenantId", "tokenEndpointAuthMethod"]);
  });
});
