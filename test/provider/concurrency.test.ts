import { expect } from "chai";
import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";
import type { AcronisClient } from "../../provider/acronis/client";
import {
  acronisClientFor,
  completeAcronisSettings,
  readAcronisSettings,
} from "../../provider/acronis/config";
import { CustomerTenantProvider } from "../../provider/acronis/resources/customerTenant";
import { OfferingItemsProvider } from "../../provider/acronis/resources/offeringItems";
import { AcronisApi } from "../support/acronisApi";
import { acronisStackConfig, configureRequest } from "../support/stackConfig";

/**
 * Makes `times` changes through the API right after the provider reads a tenant and before it writes,
 * the race a change between `refresh` and `update` runs into.
 */
function raceAfterRead(client: AcronisClient, change: () => Promise<unknown>, times: number): () => void {
  const original = client.requireTenant.bind(client);
  let left = times;
  client.requireTenant = async (id: string) => {
    const tenant = await original(id);
    if (left-- > 0) await change();
    return tenant;
  };
  return () => {
    client.requireTenant = original;
  };
}

describe("a change through the API between refresh and update", function () {
  this.timeout(20_000);
  let emulator: RunningServer<AcronisInfo>;
  let api: AcronisApi;
  let tenants: CustomerTenantProvider;
  let items: OfferingItemsProvider;
  let client: AcronisClient;

  before(async () => {
    emulator = await startAcronisEmulator({
      port: 0,
      host: "127.0.0.1",
      latencyMs: 0,
      log: new RequestLog(),
    });
    api = new AcronisApi(emulator.info);
    const request = configureRequest(acronisStackConfig(emulator.info));
    tenants = new CustomerTenantProvider();
    await tenants.configure(request);
    items = new OfferingItemsProvider();
    await items.configure(request);
    // The providers' own client, shared through the process-wide registry.
    client = acronisClientFor(completeAcronisSettings(readAcronisSettings(request.config)));
  });

  after(async () => emulator.close());

  const outOfBand = (id: string, change: Record<string, unknown>) => async () => {
    const current = (await api.get(`/tenants/${id}`)).body;
    const answer = await api.put(`/tenants/${id}`, { ...change, version: current.version });
    expect(answer.status).to.equal(200);
  };

  it("re-reads the version and applies the declared change: the declared state wins, the unmanaged change survives", async () => {
    const inputs = { name: "Race One", parentId: emulator.info.partnerTenantId, customerId: "declared" };
    const created = await tenants.create(inputs);
    const refreshed = await tenants.read(created.id, created.outs as never);
    const restore = raceAfterRead(
      client,
      outOfBand(created.id, { customer_id: "theirs", internal_tag: "theirs-too" }),
      1,
    );
    try {
      await tenants.update(created.id, refreshed.props as never, { ...inputs, name: "Race One Renamed" });
    } finally {
      restore();
    }
    const tenant = (await api.get(`/tenants/${created.id}`)).body;
    expect(tenant).to.deep.include({
      name: "Race One Renamed",
      customer_id: "declared",
      internal_tag: "theirs-too",
    });
  });

  it("gives a clear error naming the tenant when the race repeats, and leaves the other side's change in place", async () => {
    const inputs = { name: "Race Two", parentId: emulator.info.partnerTenantId };
    const created = await tenants.create(inputs);
    let n = 0;
    const restore = raceAfterRead(
      client,
      () => outOfBand(created.id, { internal_tag: `theirs-${++n}` })(),
      2,
    );
    let error: Error | undefined;
    try {
      await tenants.update(created.id, created.outs as never, { ...inputs, name: "Race Two Renamed" });
    } catch (err) {
      error = err as Error;
    } finally {
      restore();
    }
    expect(error?.message).to.match(
      new RegExp(
        `customer tenant ${created.id} was changed by someone else while it was being updated, twice; run \`pulumi up\` again`,
      ),
    );
    expect(error?.message).to.match(/code 1001/);
    expect((await api.get(`/tenants/${created.id}`)).body).to.deep.include({
      name: "Race Two",
      internal_tag: "theirs-2",
    });
  });

  it("re-reads a quota version changed under it and still sets the declared quota", async () => {
    const created = await tenants.create({ name: "Race Three", parentId: emulator.info.partnerTenantId });
    const tenantId = created.id;
    const wanted = { tenantId, items: [{ name: "workstations", quota: { value: 5, overage: null } }] };
    const first = await items.create(wanted);
    const original = client.getOfferingItems.bind(client);
    let raced = false;
    client.getOfferingItems = async (id: string) => {
      const answer = await original(id);
      if (!raced) {
        raced = true;
        const ws = answer.find((i) => i.name === "workstations")!;
        await api.put(`/tenants/${id}/offering_items`, {
          offering_items: [
            {
              application_id: ws.application_id,
              name: "workstations",
              status: 1,
              quota: { value: 77, overage: null, version: ws.quota?.version },
            },
          ],
        });
      }
      return answer;
    };
    try {
      await items.update(tenantId, first.outs as never, {
        ...wanted,
        items: [{ name: "workstations", quota: { value: 9, overage: null } }],
      });
    } finally {
      client.getOfferingItems = original;
    }
    const ws = (
      (await api.get(`/tenants/${tenantId}/offering_items`)).body.items as {
        name: string;
        quota?: { value: number };
      }[]
    ).find((i) => i.name === "workstations");
    expect(ws?.quota?.value).to.equal(9);
  });
});
