import { expect } from "chai";
import { AcronisTestClient, BACKUP_APP, STORAGE_INFRA } from "./acronisHelpers";

interface Usage {
  name: string;
  usage_name: string;
  edition: string | null;
  value: number;
  absolute_value: number;
  measurement_unit: string;
  offering_item?: { status: number; quota?: { value: number | null } };
  [key: string]: unknown;
}

describe("Acronis emulator: usage", () => {
  let c: AcronisTestClient;
  let customer: string;
  before(async () => {
    c = await AcronisTestClient.start();
  });
  after(() => c.close());
  beforeEach(async () => {
    await c.reset();
    await c.login();
    customer = await c.createCustomer("Acme");
    await c.api("PUT", `/tenants/${customer}/offering_items`, {
      body: {
        offering_items: [
          // A new tenant's items are at quota version 0.
          { application_id: BACKUP_APP, name: "workstations", quota: { value: 25, overage: 30, version: 0 } },
          { application_id: BACKUP_APP, name: "storage", infra_id: STORAGE_INFRA },
        ],
      },
    });
  });

  const usages = async (query = ""): Promise<Usage[]> =>
    (await c.api("GET", `/tenants/${customer}/usages${query}`)).body.items;
  const byName = (items: Usage[], name: string) => items.find((u) => u.name === name)!;

  it("reports one usage per enabled offering item, in the docs' shape, stable and within quota", async () => {
    const items = await usages();
    expect(items.map((u) => u.name)).to.deep.equal(["storage", "workstations"]);
    const storage = byName(items, "storage");
    expect(storage).to.include({
      application_id: BACKUP_APP,
      edition: "standard",
      usage_name: "storage",
      type: "infra",
      measurement_unit: "bytes",
      infra_id: STORAGE_INFRA,
      tenant_uuid: customer,
    });
    expect(storage.tenant_id).to.be.a("number");
    expect(storage.range_start).to.match(/^\d{4}-\d{2}-01T00:00:00Z$/);
    expect(storage.value % (1024 * 1024)).to.equal(0);
    expect(storage.offering_item).to.deep.equal({
      status: 1,
      quota: { value: null, overage: null, version: 0 },
    });
    const workstations = byName(items, "workstations");
    expect(workstations.value).to.be.within(0, 25);
    expect(workstations.absolute_value).to.equal(workstations.value);
    expect(await usages()).to.deep.equal(items);
  });

  it("reports what the control endpoint sets, also for an item switched off since", async () => {
    const set = await c.control("PUT", `/tenants/${customer}/usages`, {
      items: [
        { name: "workstations", value: 7 },
        { name: "storage", infra_id: STORAGE_INFRA, value: 5 * 1024 ** 3, absolute_value: 6 * 1024 ** 3 },
      ],
    });
    expect(set.status).to.equal(200);
    let items = await usages();
    expect(byName(items, "workstations").value).to.equal(7);
    expect(byName(items, "storage")).to.include({ value: 5 * 1024 ** 3, absolute_value: 6 * 1024 ** 3 });
    await c.api("PUT", `/tenants/${customer}/offering_items`, {
      body: { offering_items: [{ application_id: BACKUP_APP, name: "workstations", status: 0 }] },
    });
    items = await usages();
    expect(byName(items, "workstations")).to.deep.include({ value: 7, offering_item: { status: 0 } });
  });

  it("refuses control input that names no single catalog item, or a negative value", async () => {
    for (const item of [
      { name: "teleporters", value: 1 },
      { name: "storage", value: 1 },
      { name: "workstations", value: -1 },
    ])
      expect(
        (await c.control("PUT", `/tenants/${customer}/usages`, { items: [item] })).status,
        item.name,
      ).to.equal(400);
    expect(
      (await c.control("PUT", "/tenants/9a9a9a9a-0000-4000-8000-000000000000/usages", { items: [] })).status,
    ).to.equal(404);
  });

  it("filters by usage_names and editions", async () => {
    expect((await usages("?usage_names=storage")).map((u) => u.name)).to.deep.equal(["storage"]);
    expect(await usages("?editions=pck_per_workload")).to.deep.equal([]);
    expect((await usages("?editions=standard,advanced")).map((u) => u.name)).to.have.length(2);
  });

  it("answers GET /tenants/usages for several tenants, leaving unknown ones out", async () => {
    const other = await c.createCustomer("Other");
    const answer = await c.api(
      "GET",
      `/tenants/usages?tenants=${customer},${other},9a9a9a9a-0000-4000-8000-000000000000`,
    );
    expect(answer.status).to.equal(200);
    expect(answer.body.items.map((i: { tenant: string }) => i.tenant)).to.deep.equal([customer, other]);
    expect(answer.body.items[0].usages).to.have.length(2);
    expect(answer.body.items[1].usages).to.deep.equal([]);
    expect((await c.api("GET", "/tenants/usages")).status).to.equal(400);
  });

  it("forgets usage with the tenant, and answers 404 for unknown tenants", async () => {
    expect((await c.api("GET", "/tenants/9a9a9a9a-0000-4000-8000-000000000000/usages")).status).to.equal(404);
  });
});
