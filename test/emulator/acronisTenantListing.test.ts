import { expect } from "chai";
import { AcronisTestClient, BACKUP_APP, SEED_PARTNER_ID } from "./acronisHelpers";

describe("Acronis emulator: tenants, reading and listing", () => {
  let c: AcronisTestClient;
  before(async () => {
    c = await AcronisTestClient.start();
  });
  after(() => c.close());
  beforeEach(async () => {
    await c.reset();
    await c.login();
  });

  /** The partner's parent, outside the API client's reach. */
  async function rootTenantId(): Promise<string> {
    return (await c.api("GET", `/tenants/${SEED_PARTNER_ID}`)).body.parent_id;
  }

  it("answers one tenant in the OAS shape: real times, deleted_at null, its contact with an id", async () => {
    const before = Date.now();
    const created = await c.createTenant({
      name: "Shaped",
      contact: { email: "it@shaped.test", firstname: "Ida", types: ["billing"] },
    });
    const tenant = (await c.api("GET", `/tenants/${created.body.id}`)).body;
    expect(Date.parse(tenant.created_at)).to.be.within(before - 1000, Date.now() + 1000);
    expect(tenant).to.include({ deleted_at: null, brand_enabled: false, updated_at: tenant.created_at });
    expect(tenant.contact).to.include({ email: "it@shaped.test", firstname: "Ida" });
    expect(tenant.contact.types).to.deep.equal(["billing"]);
    expect(tenant.contact.id).to.match(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
    expect(tenant.contacts).to.deep.equal([tenant.contact]);
    const plain = (await c.api("GET", `/tenants/${await c.createCustomer("Plain")}`)).body;
    expect(plain.contacts).to.deep.equal([]);
    expect(plain.contact).to.deep.include({ email: "", types: [] });
  });

  it("lists items by lod: stamps, basic, or full (the default), with the listing's timestamp", async () => {
    const id = await c.createTenant({ name: "Lod", contact: { email: "l@lod.test" } }).then((a) => a.body.id);
    const list = async (query: string) => (await c.api("GET", `/tenants?uuids=${id}${query}`)).body;
    const stamps = await list("&lod=stamps");
    expect(Date.parse(stamps.timestamp)).to.be.closeTo(Date.now(), 10_000);
    expect(stamps.items[0]).to.have.keys([
      "id",
      "parent_id",
      "version",
      "created_at",
      "updated_at",
      "deleted_at",
      "contacts",
      "offering_items",
    ]);
    const basic = (await list("&lod=basic")).items[0];
    expect(basic).to.include({ id, name: "Lod", kind: "customer", enabled: true });
    expect(basic).to.not.have.property("contact");
    const full = (await list("")).items[0];
    expect(full).to.include({ id, name: "Lod", barrier: 0, brand_enabled: false });
    expect(full.contact.email).to.equal("l@lod.test");
    expect(full.contacts).to.deep.equal([]);
    const withContacts = (await list("&with_contacts=true")).items[0];
    expect(withContacts.contacts.map((x: { email: string }) => x.email)).to.deep.equal(["l@lod.test"]);
    const badLod = await c.api("GET", `/tenants?uuids=${id}&lod=everything`);
    expect(badLod.status).to.equal(400);
  });

  it("answers 404 for unknown tenants and 403 for tenants outside the subtree", async () => {
    const unknown = await c.api("GET", "/tenants/0e0e0e0e-0000-4000-8000-000000000000");
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error).to.include({
      code: 404,
      message: "Not found",
      domain: "PlatformAccountServer",
    });
    const outside = await c.api("GET", `/tenants/${await rootTenantId()}`);
    expect(outside.status).to.equal(403);
    expect(outside.body.error.code).to.equal(1002);
  });

  it("lists ?uuids= returning only the found tenants in reach", async () => {
    const a = await c.createCustomer("A");
    const b = await c.createCustomer("B");
    const answer = await c.api(
      "GET",
      `/tenants?uuids=${a},${b},0e0e0e0e-0000-4000-8000-000000000000,${await rootTenantId()}`,
    );
    expect(answer.status).to.equal(200);
    expect(answer.body.items.map((t: { id: string }) => t.id)).to.have.members([a, b]);
  });

  it("pages ?parent_id= with limit and an opaque after cursor", async () => {
    const ids = [];
    for (const name of ["P1", "P2", "P3", "P4", "P5"]) ids.push(await c.createCustomer(name));
    const seen: string[] = [];
    let query = `parent_id=${SEED_PARTNER_ID}&limit=2`;
    for (let pageNo = 0; pageNo < 3; pageNo++) {
      const answer = await c.api("GET", `/tenants?${query}`);
      expect(answer.status).to.equal(200);
      seen.push(...answer.body.items.map((t: { id: string }) => t.id));
      const after = answer.body.paging.cursors.after;
      if (pageNo < 2) expect(after).to.be.a("string");
      else expect(after).to.equal(undefined);
      query = `parent_id=${SEED_PARTNER_ID}&limit=2&after=${encodeURIComponent(after)}`;
    }
    expect(seen).to.deep.equal(ids);
  });

  it("keeps every filter in the cursor: later pages asked with only `after` still embed offering items", async () => {
    for (const name of ["E1", "E2", "E3"]) await c.createCustomer(name);
    let query = `parent_id=${SEED_PARTNER_ID}&with_offering_items=true&limit=2`;
    const embedded: boolean[] = [];
    let pages = 0;
    for (let after: string | undefined = ""; after !== undefined; pages++) {
      const answer = await c.api("GET", `/tenants?${query}`);
      expect(answer.status).to.equal(200);
      for (const t of answer.body.items as { offering_items: unknown[] }[])
        embedded.push(t.offering_items.length > 0);
      after = answer.body.paging.cursors.after;
      query = `limit=2&after=${encodeURIComponent(after ?? "")}`;
    }
    expect(pages).to.be.at.least(2);
    expect(embedded).to.have.length.of.at.least(3);
    expect(embedded).to.not.include(false);
  });

  it("lists a whole subtree, refuses combined filters and bad cursors", async () => {
    const folder = await c.createTenant({ name: "Folder", kind: "folder" });
    const inner = await c.createTenant({ name: "Inner", parent_id: folder.body.id });
    const subtree = await c.api("GET", `/tenants?subtree_root_id=${folder.body.id}`);
    expect(subtree.body.items.map((t: { id: string }) => t.id)).to.deep.equal([
      folder.body.id,
      inner.body.id,
    ]);
    const both = await c.api("GET", `/tenants?uuids=${folder.body.id}&parent_id=${SEED_PARTNER_ID}`);
    expect(both.status).to.equal(400);
    expect(both.body.error.code).to.equal(400);
    const none = await c.api("GET", "/tenants");
    expect(none.status).to.equal(400);
    const badCursor = await c.api("GET", `/tenants?parent_id=${SEED_PARTNER_ID}&after=garbage`);
    expect(badCursor.status).to.equal(400);
    const outside = await c.api("GET", `/tenants?subtree_root_id=${await rootTenantId()}`);
    expect(outside.status).to.equal(403);
  });

  it("embeds each tenant's offering items with with_offering_items=true", async () => {
    const id = await c.createCustomer("Items");
    await c.api("PUT", `/tenants/${id}/offering_items`, {
      body: {
        offering_items: [
          {
            application_id: BACKUP_APP,
            name: "workstations",
            quota: { value: 5, overage: null, version: 0 },
          },
        ],
      },
    });
    const answer = await c.api("GET", `/tenants?uuids=${id}&with_offering_items=true`);
    const items = answer.body.items[0].offering_items;
    const direct = await c.api("GET", `/tenants/${id}/offering_items?edition=*`);
    expect(items).to.deep.equal(direct.body.items);
    expect(items.find((i: { name: string }) => i.name === "workstations")).to.include({ status: 1 });
    // The OAS lists offering_items in every item: empty unless asked for.
    const without = await c.api("GET", `/tenants?uuids=${id}`);
    expect(without.body.items[0].offering_items).to.deep.equal([]);
  });

  it("lists children as ids, or objects with include_details=true", async () => {
    const a = await c.createCustomer("A");
    const ids = await c.api("GET", `/tenants/${SEED_PARTNER_ID}/children`);
    expect(ids.body.items).to.deep.equal([a]);
    const details = await c.api("GET", `/tenants/${SEED_PARTNER_ID}/children?include_details=true`);
    expect(details.body.items[0]).to.include({ id: a, name: "A" });
    const partner = await c.api("GET", `/tenants/${SEED_PARTNER_ID}`);
    expect(partner.body.has_children).to.be.true;
  });

  it("lists the tenant's user ids and bound applications", async () => {
    const id = await c.createCustomer("Acme");
    const user = await c.createUser(id, "acme-one");
    const users = await c.api("GET", `/tenants/${id}/users`);
    expect(users.body.items).to.deep.equal([user.body.id]);
    const before = await c.api("GET", `/tenants/${id}/applications`);
    expect(before.body.items).to.not.include(BACKUP_APP);
    await c.api("PUT", `/tenants/${id}/offering_items`, {
      body: { offering_items: [{ application_id: BACKUP_APP, name: "servers" }] },
    });
    const after = await c.api("GET", `/tenants/${id}/applications`);
    expect(after.body.items).to.include(BACKUP_APP);
  });
});
