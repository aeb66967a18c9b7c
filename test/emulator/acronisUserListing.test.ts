import { expect } from "chai";
import { AcronisTestClient, SEED_PARTNER_ID, ZERO_UUID } from "./acronisHelpers";

describe("Acronis emulator: users, reading and listing", () => {
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

  it("answers one user in the OAS shape: deleted_at and origin fields null, its contact with an id", async () => {
    const created = await c.api("POST", "/users", {
      body: {
        tenant_id: customer,
        login: "shaped",
        contact: { email: "s@example.com" },
        origin_id: "crm-7",
        disable_after: "2031-01-01T00:00:00Z",
      },
    });
    expect(created.status).to.equal(200);
    const user = (await c.api("GET", `/users/${created.body.id}`)).body;
    expect(user).to.include({
      deleted_at: null,
      origin_id: "crm-7",
      origin_external_id: null,
      disable_after: "2031-01-01T00:00:00Z",
    });
    expect(user).to.not.have.property("external_id");
    expect(user.contact).to.include({ email: "s@example.com", firstname: "" });
    expect(user.contact.types).to.deep.equal([]);
    expect(user.contact.id).to.match(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
  });

  it("lists items by lod: stamps, basic, or full (the default), with the listing's timestamp", async () => {
    const id = (await c.createUser(customer, "lod-user")).body.id;
    const list = async (query: string) => (await c.api("GET", `/users?uuids=${id}${query}`)).body;
    const stamps = await list("&lod=stamps");
    expect(Date.parse(stamps.timestamp)).to.be.closeTo(Date.now(), 10_000);
    expect(stamps.items[0]).to.have.keys([
      "id",
      "version",
      "tenant_id",
      "created_at",
      "updated_at",
      "deleted_at",
      "access_policies",
      "origin_id",
      "origin_external_id",
      "disable_after",
    ]);
    const basic = (await list("&lod=basic")).items[0];
    expect(basic).to.include({ id, login: "lod-user", enabled: true });
    expect(basic).to.have.property("personal_tenant_id");
    expect(basic).to.not.have.property("contact");
    const full = (await list("")).items[0];
    expect(full).to.include({ id, login: "lod-user", activated: false });
    expect(full.contact.email).to.equal("lod-user@example.com");
  });

  it("answers 404 for an unknown user", async () => {
    const answer = await c.api("GET", "/users/0e0e0e0e-0000-4000-8000-000000000000");
    expect(answer.status).to.equal(404);
    expect(answer.body.error.code).to.equal(404);
  });

  it("lists ?uuids= and pages ?subtree_root_tenant_id=, with access policies on request", async () => {
    const ids: string[] = [];
    for (const login of ["u-one", "u-two", "u-three"])
      ids.push((await c.createUser(customer, login)).body.id);
    const byIds = await c.api("GET", `/users?uuids=${ids[0]},${ids[2]},0e0e0e0e-0000-4000-8000-000000000000`);
    expect(byIds.body.items.map((u: { id: string }) => u.id)).to.deep.equal([ids[0], ids[2]]);
    const first = await c.api("GET", `/users?subtree_root_tenant_id=${SEED_PARTNER_ID}&limit=2`);
    expect(first.body.items).to.have.length(2);
    const after = encodeURIComponent(first.body.paging.cursors.after);
    const second = await c.api(
      "GET",
      `/users?subtree_root_tenant_id=${SEED_PARTNER_ID}&limit=2&after=${after}`,
    );
    expect(second.body.items.map((u: { id: string }) => u.id)).to.deep.equal([ids[2]]);
    expect(second.body.paging.cursors).to.deep.equal({});
    await c.api("PUT", `/users/${ids[0]}/access_policies`, {
      body: {
        items: [
          {
            ...{ id: ZERO_UUID, issuer_id: ZERO_UUID, version: 0 },
            ...{ tenant_id: customer, trustee_id: ids[0], trustee_type: "user", role_id: "company_admin" },
          },
        ],
      },
    });
    const withPolicies = await c.api("GET", `/users?uuids=${ids[0]}&with_access_policies=true`);
    expect(withPolicies.body.items[0].access_policies[0]).to.include({ role_id: "company_admin" });
    // The OAS lists access_policies in every item: empty unless asked for.
    const without = await c.api("GET", `/users?uuids=${ids[0]}`);
    expect(without.body.items[0].access_policies).to.deep.equal([]);
  });
});
