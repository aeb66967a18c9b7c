import { expect } from "chai";
import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";
import {
  type ApiClientInputs,
  type ApiClientOutputs,
  ApiClientProvider,
  apiClientCreateBody,
  apiClientResourceMark,
  resourceKey,
} from "../../provider/acronis/resources/apiClient";
import type { Owned } from "../../provider/core/ownership";
import { AcronisApi } from "../support/acronisApi";
import { acronisStackConfig, configureRequest } from "../support/stackConfig";

// Its own emulator: the provider's process must list the clients after the killed run made them, as a new run does.
describe("ApiClient provider: the client a killed run's create left behind", function () {
  this.timeout(20_000);
  let emulator: RunningServer<AcronisInfo>;
  let api: AcronisApi;
  let log: RequestLog;
  let provider: ApiClientProvider;
  let inputs: ApiClientInputs & Owned;
  /** The client the killed run's POST made, and clients that only look like it, by what differs. */
  let lost: string;
  const others: Record<string, string> = {};

  before(async () => {
    log = new RequestLog();
    emulator = await startAcronisEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log });
    api = new AcronisApi(emulator.info);
    provider = new ApiClientProvider();
    await provider.configure(configureRequest(acronisStackConfig(emulator.info)));
    const customer = (
      await api.post("/tenants", {
        name: "Lost Inc",
        kind: "customer",
        parent_id: emulator.info.partnerTenantId,
      })
    ).body.id as string;
    inputs = {
      tenantId: customer,
      name: "sync",
      rotation: "2026",
      __owner: "project/stack",
      __resourceName: "sync",
    };
    const made = async (like: Partial<ApiClientInputs & Owned>) =>
      (await api.post("/clients", apiClientCreateBody({ ...inputs, ...like }, "killed-run"))).body
        .client_id as string;
    lost = await made({});
    others["another resource of the stack"] = await made({ __resourceName: "sync-too" });
    others["the client of an earlier rotation"] = await made({ rotation: "2025" });
    others["another stack's"] = await made({ __owner: "project/other" });
    others["one of another name"] = await made({ name: "sync-old" });
    others["one of another auth method"] = await made({ tokenEndpointAuthMethod: "client_secret_post" });
    others["one made without a resource name (an older release)"] = await made({ __resourceName: undefined });
  });
  after(async () => emulator.close());

  it("is deleted before the create, which makes the one client with a working secret; nothing else is touched", async () => {
    const from = log.list("acronis").length;
    const created = await provider.create(inputs);
    const writes = log
      .list("acronis")
      .slice(from)
      .filter((e) => e.method !== "GET" && !e.path.endsWith("/idp/token"))
      .map((e) => `${e.method} ${e.path}`);
    expect(writes).to.deep.equal([`DELETE /api/2/clients/${lost}`, "POST /api/2/clients"]);
    expect((await api.get(`/clients/${lost}`)).status).to.equal(404);
    for (const [what, id] of Object.entries(others))
      expect((await api.get(`/clients/${id}`)).status, what).to.equal(200);
    const held = (await api.get(`/clients/${created.id}`)).body;
    expect(held.data[resourceKey]).to.equal(apiClientResourceMark(inputs));
    const secret = (created.outs as ApiClientOutputs).clientSecret as string;
    const token = await fetch(`${emulator.info.baseUrl}/idp/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${created.id}:${secret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    expect(token.status).to.equal(200);
  });

  it("with adopt, is taken over instead, like any one client of its name, with no write", async () => {
    const again = { ...inputs, name: "sync-old", adopt: true };
    const from = log.list("acronis").length;
    const adopted = await provider.create(again);
    expect(adopted.id).to.equal(others["one of another name"]);
    const writes = log
      .list("acronis")
      .slice(from)
      .filter((e) => e.method !== "GET" && !e.path.endsWith("/idp/token"));
    expect(writes).to.deep.equal([]);
  });
});
