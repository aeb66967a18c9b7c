import { expect } from "chai";
import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";
import { CustomerTenantProvider } from "../../provider/acronis/resources/customerTenant";
import { UserProvider } from "../../provider/acronis/resources/user";
import { NameConflictError } from "../../provider/core/errors";
import { AcronisApi } from "../support/acronisApi";
import { acronisStackConfig, configureRequest } from "../support/stackConfig";

describe("adoption against the Acronis emulator", function () {
  this.timeout(20_000);
  let emulator: RunningServer<AcronisInfo>;
  let api: AcronisApi;
  let log: RequestLog;
  const tenants = new CustomerTenantProvider();
  const users = new UserProvider();
  const writes = () =>
    log.list("acronis").filter((e) => e.method !== "GET" && !e.path.endsWith("/idp/token")).length;

  before(async () => {
    log = new RequestLog();
    emulator = await startAcronisEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log });
    api = new AcronisApi(emulator.info);
    for (const provider of [tenants, users])
      await provider.configure(configureRequest(acronisStackConfig(emulator.info)));
  });

  after(async () => emulator.close());

  it("takes over a customer under the declared parent, writing only what differs", async () => {
    const partnerId = emulator.info.partnerTenantId;
    const made = (await api.post("/tenants", { name: "Same Name", kind: "customer", parent_id: partnerId }))
      .body;
    const before = writes();
    const adopted = await tenants.create({ name: "Same Name", parentId: partnerId, adopt: true });
    expect(adopted.id).to.equal(made.id);
    expect(writes()).to.equal(before);
    const changed = await tenants.create({
      name: "Same Name",
      parentId: partnerId,
      internalTag: "t",
      adopt: true,
    });
    expect(changed.id).to.equal(made.id);
    expect(writes()).to.equal(before + 1);
    expect((await api.get(`/tenants/${made.id}`)).body.internal_tag).to.equal("t");
  });

  it("never takes over a customer under another parent: that stays a name conflict, and nothing is made", async () => {
    const partnerId = emulator.info.partnerTenantId;
    const folder = (await api.post("/tenants", { name: "Folder", kind: "folder", parent_id: partnerId }))
      .body;
    await api.post("/tenants", { name: "Elsewhere", kind: "customer", parent_id: folder.id });
    const count = (await api.get("/_emulator/state")).body.tenants.length;
    const err = await tenants.create({ name: "Elsewhere", parentId: partnerId, adopt: true }).catch((e) => e);
    expect(err).to.be.instanceOf(NameConflictError);
    expect((await api.get("/_emulator/state")).body.tenants.length).to.equal(count);
  });

  it("takes over a user in the declared tenant, never one of another tenant", async () => {
    const partnerId = emulator.info.partnerTenantId;
    const [a, b] = await Promise.all(
      ["Tenant A", "Tenant B"].map(
        async (name) =>
          (await api.post("/tenants", { name, kind: "customer", parent_id: partnerId })).body.id,
      ),
    );
    const user = (
      await api.post("/users", { tenant_id: a, login: "taken-login", contact: { email: "t@a.example" } })
    ).body;
    const contact = { email: "t@a.example" };
    const before = writes();
    const adopted = await users.create({ tenantId: a, login: "taken-login", contact, adopt: true });
    expect(adopted.id).to.equal(user.id);
    expect(writes()).to.equal(before);
    const err = await users
      .create({ tenantId: b, login: "taken-login", contact, adopt: true })
      .catch((e) => e);
    expect(err).to.be.instanceOf(NameConflictError);
    expect(writes()).to.equal(before);
  });
});
