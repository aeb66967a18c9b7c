import { expect } from "chai";
import { AcronisTestClient, BACKUP_APP, SEED_PARTNER_ID, STORAGE_INFRA } from "./acronisHelpers";

const SECOND_INFRA = "5f3e9a1b-8c2d-4e7f-a6b5-3c4d2e1f0a9b";

interface Item {
  application_id: string;
  name: string;
  infra_id?: string;
  status: number;
  quota?: { value: number | null; overage: number | null; version: number };
}

describe("Acronis emulator: offering items", () => {
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
  });

  const put = (tenantId: string, items: unknown[]) =>
    c.api("PUT", `/tenants/${tenantId}/offering_items`, { body: { offering_items: items } });

  async function itemsOf(tenantId: string): Promise<Item[]> {
    return (await c.api("GET", `/tenants/${tenantId}/offering_items`)).body.items;
  }

  const named = (items: Item[], name: string) => items.find((i) => i.name === name);

  it("offers a child exactly the items enabled at the parent", async () => {
    const available = await c.api(
      "GET",
      `/tenants/${SEED_PARTNER_ID}/offering_items/available_for_child?kind=customer&edition=*`,
    );
    const names = available.body.items.map((i: Item) => i.name);
    expect(names).to.include.members(["storage", "workstations", "servers", "vms", "mobiles", "adv_storage"]);
    expect(names).to.not.include("mailboxes");
    expect(available.body.items.filter((i: Item) => i.name === "storage")).to.have.length(1);
    for (const item of available.body.items) {
      expect(item).to.include({ status: 1, locked: false });
      expect(item.quota).to.deep.equal({ overage: null, value: null, version: 0 });
      expect("infra_id" in item).to.equal(item.type === "infra");
    }
    const noKind = await c.api("GET", `/tenants/${SEED_PARTNER_ID}/offering_items/available_for_child`);
    expect(noKind.status).to.equal(400);
    const unitUnderPartner = await c.api(
      "GET",
      `/tenants/${SEED_PARTNER_ID}/offering_items/available_for_child?kind=unit`,
    );
    expect(unitUnderPartner.status).to.equal(400);
  });

  it("lists every usable item of a tenant: disabled ones with status 0 and no quota", async () => {
    const items = await itemsOf(customer);
    expect(items.every((i) => i.status === 0 && !("quota" in i))).to.be.true;
    expect(items.map((i) => i.name)).to.not.include("mailboxes");
    const partnerItems = await itemsOf(SEED_PARTNER_ID);
    expect(named(partnerItems, "mailboxes")).to.include({ status: 0 });
    expect(named(partnerItems, "workstations")).to.include({ status: 1 });
  });

  it("wants offering_items in the PUT body", async () => {
    const answer = await c.api("PUT", `/tenants/${customer}/offering_items`, {
      body: { items: [{ application_id: BACKUP_APP, name: "workstations" }] },
    });
    expect(answer.status).to.equal(400);
    expect(answer.body.error.code).to.equal(400);
  });

  it("enables, merges and disables; unlisted items stay as they are", async () => {
    const first = await put(customer, [{ application_id: BACKUP_APP, name: "workstations" }]);
    expect(first.status).to.equal(200);
    expect(first.body.items).to.have.length(1);
    expect(first.body.items[0]).to.include({ name: "workstations", status: 1 });
    await put(customer, [{ application_id: BACKUP_APP, name: "servers", status: 1 }]);
    let items = await itemsOf(customer);
    expect(named(items, "workstations")?.status).to.equal(1);
    expect(named(items, "servers")?.status).to.equal(1);
    const off = await put(customer, [{ application_id: BACKUP_APP, name: "workstations", status: 0 }]);
    expect(off.body.items[0]).to.deep.include({ name: "workstations", status: 0 });
    expect(off.body.items[0]).to.not.have.property("quota");
    items = await itemsOf(customer);
    expect(named(items, "workstations")?.status).to.equal(0);
    expect(named(items, "servers")?.status).to.equal(1);
  });

  it("refuses items not enabled at the parent, or unknown, with 400/1021", async () => {
    for (const item of [
      { application_id: BACKUP_APP, name: "mailboxes" },
      { application_id: BACKUP_APP, name: "teleporters" },
      { application_id: BACKUP_APP, name: "storage", infra_id: "0e0e0e0e-0000-4000-8000-000000000000" },
    ]) {
      const answer = await put(customer, [item]);
      expect(answer.status, item.name).to.equal(400);
      expect(answer.body.error.code, item.name).to.equal(1021);
    }
  });

  it("versions quotas, refuses stale versions (426), missing ones and negative values (400)", async () => {
    const set = await put(customer, [
      { application_id: BACKUP_APP, name: "workstations", quota: { value: 10, overage: null, version: 0 } },
    ]);
    const v1 = set.body.items[0].quota.version;
    expect(set.body.items[0].quota).to.include({ value: 10, overage: null });
    expect(v1).to.be.greaterThan(1_600_000_000_000);
    const changed = await put(customer, [
      { application_id: BACKUP_APP, name: "workstations", quota: { value: 20, overage: 25, version: v1 } },
    ]);
    expect(changed.status).to.equal(200);
    const v2 = changed.body.items[0].quota.version;
    expect(v2).to.be.greaterThan(v1);
    const stale = await put(customer, [
      { application_id: BACKUP_APP, name: "workstations", quota: { value: 30, overage: null, version: v1 } },
    ]);
    expect(stale.status).to.equal(426);
    expect(stale.body.error.code).to.equal(426);
    // The OAS quota requires its version, so a quota without one is refused before its version is compared.
    const missing = await put(customer, [
      { application_id: BACKUP_APP, name: "workstations", quota: { value: 30, overage: null } },
    ]);
    expect(missing.status).to.equal(400);
    expect(missing.body.error.details.info).to.include(`must have required property 'version'`);
    const negative = await put(customer, [
      { application_id: BACKUP_APP, name: "workstations", quota: { value: -1, overage: null, version: v2 } },
    ]);
    expect(negative.status).to.equal(400);
    expect(negative.body.error.code).to.equal(400);
    const unlimited = await put(customer, [
      { application_id: BACKUP_APP, name: "workstations", quota: { value: null, overage: 5, version: v2 } },
    ]);
    expect(unlimited.body.items[0].quota).to.deep.equal({ value: null, overage: null, version: 0 });
  });

  it("accepts the items as fetched, extra keys and all", async () => {
    const fetched = (await itemsOf(customer))
      .filter((i) => i.name === "vms")
      .map((i) => ({ ...i, status: 1 }));
    const answer = await put(customer, [{ ...fetched[0], usage_name: "vms", edition: null }]);
    expect(answer.status).to.equal(200);
    expect(answer.body.items[0]).to.include({ name: "vms", status: 1 });
  });

  it("allows one location per storage in a customer (400/1027) but lets a PUT switch locations", async () => {
    // The second location is offered only once the partner's own parent switches it on.
    const offer = await c.control("PUT", "/partner-offering-items", {
      offering_items: [{ application_id: BACKUP_APP, name: "storage", infra_id: SECOND_INFRA }],
    });
    expect(offer.status).to.equal(204);
    await put(customer, [{ application_id: BACKUP_APP, name: "storage", infra_id: STORAGE_INFRA }]);
    const both = await put(customer, [
      { application_id: BACKUP_APP, name: "storage", infra_id: SECOND_INFRA },
    ]);
    expect(both.status).to.equal(400);
    expect(both.body.error.code).to.equal(1027);
    const swap = await put(customer, [
      { application_id: BACKUP_APP, name: "storage", infra_id: STORAGE_INFRA, status: 0 },
      { application_id: BACKUP_APP, name: "storage", infra_id: SECOND_INFRA },
    ]);
    expect(swap.status).to.equal(200);
    // Other storages (disaster recovery) and other editions' storage on the same location may sit beside it.
    const dr = (await itemsOf(customer)).find((i) => i.name === "dr_storage");
    const beside = await put(customer, [
      { application_id: BACKUP_APP, name: "dr_storage", infra_id: dr?.infra_id },
    ]);
    expect(beside.status).to.equal(200);
  });

  it("refuses unit tenants (400) and the client's own tenant (403/1002)", async () => {
    const unit = await c.createTenant({ name: "Dept", kind: "unit", parent_id: customer });
    const onUnit = await put(unit.body.id, [{ application_id: BACKUP_APP, name: "workstations" }]);
    expect(onUnit.status).to.equal(400);
    expect(onUnit.body.error.code).to.equal(400);
    const own = await put(SEED_PARTNER_ID, [{ application_id: BACKUP_APP, name: "mailboxes" }]);
    expect(own.status).to.equal(403);
    expect(own.body.error.code).to.equal(1002);
  });

  it("switches an item off in the whole subtree when a parent disables it", async () => {
    const reseller = await c.createTenant({ name: "Reseller", kind: "partner" });
    await put(reseller.body.id, [{ application_id: BACKUP_APP, name: "servers" }]);
    const child = await c.createTenant({ name: "Child", parent_id: reseller.body.id });
    await put(child.body.id, [{ application_id: BACKUP_APP, name: "servers" }]);
    expect(named(await itemsOf(child.body.id), "servers")?.status).to.equal(1);
    await put(reseller.body.id, [{ application_id: BACKUP_APP, name: "servers", status: 0 }]);
    expect(named(await itemsOf(child.body.id), "servers")).to.equal(undefined);
    const again = await put(child.body.id, [{ application_id: BACKUP_APP, name: "servers" }]);
    expect(again.body.error.code).to.equal(1021);
  });
});
