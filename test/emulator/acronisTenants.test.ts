import { expect } from "chai";
import { AcronisTestClient, BACKUP_APP, SEED_PARTNER_ID } from "./acronisHelpers";

describe("Acronis emulator: tenants", () => {
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

  async function disable(id: string): Promise<number> {
    const current = await c.api("GET", `/tenants/${id}`);
    const answer = await c.api("PUT", `/tenants/${id}`, {
      body: { enabled: false, version: current.body.version },
    });
    expect(answer.status).to.equal(200);
    return answer.body.version;
  }

  describe("POST /tenants", () => {
    it("requires name, kind and parent_id", async () => {
      for (const missing of ["name", "kind", "parent_id"]) {
        const body: Record<string, unknown> = { name: "Acme", kind: "customer", parent_id: SEED_PARTNER_ID };
        delete body[missing];
        const answer = await c.api("POST", "/tenants", { body });
        expect(answer.status, missing).to.equal(400);
        expect(answer.body.error.code, missing).to.equal(400);
      }
    });

    it("enforces the kind hierarchy", async () => {
      const unitUnderPartner = await c.createTenant({ name: "Unit", kind: "unit" });
      expect(unitUnderPartner.status).to.equal(400);
      expect(unitUnderPartner.body.error.code).to.equal(400);
      const customerId = await c.createCustomer("Acme");
      const partnerUnderCustomer = await c.createTenant({
        name: "Sub",
        kind: "partner",
        parent_id: customerId,
      });
      expect(partnerUnderCustomer.status).to.equal(400);
      expect(partnerUnderCustomer.body.error.code).to.equal(400);
      const unitUnderCustomer = await c.createTenant({ name: "Dept", kind: "unit", parent_id: customerId });
      expect(unitUnderCustomer.status).to.equal(201);
      const badKind = await c.createTenant({ name: "Odd", kind: "galaxy" });
      expect(badKind.status).to.equal(400);
    });

    it("refuses a disabled parent with 1003", async () => {
      const folder = await c.createTenant({ name: "Folder", kind: "folder" });
      await disable(folder.body.id);
      const answer = await c.createTenant({ name: "Inside", parent_id: folder.body.id });
      expect(answer.status).to.equal(400);
      expect(answer.body.error.code).to.equal(1003);
    });

    it("refuses a duplicate name anywhere in the hierarchy, ignoring case, with 409/1004", async () => {
      const folder = await c.createTenant({ name: "Folder", kind: "folder" });
      await c.createCustomer("Acme Corp");
      const sameLevel = await c.createTenant({ name: "acme corp" });
      expect(sameLevel.status).to.equal(409);
      expect(sameLevel.body.error.code).to.equal(1004);
      const deeper = await c.createTenant({ name: "ACME CORP", parent_id: folder.body.id });
      expect(deeper.status).to.equal(409);
      expect(deeper.body.error.code).to.equal(1004);
      const partnerName = await c.createTenant({ name: "Partner" });
      expect(partnerName.status).to.equal(409);
    });

    it("answers 403/1002 outside the client's subtree and 404/1005 for an unknown parent", async () => {
      const outside = await c.createTenant({
        name: "Elsewhere",
        kind: "partner",
        parent_id: await rootTenantId(),
      });
      expect(outside.status).to.equal(403);
      expect(outside.body.error.code).to.equal(1002);
      const unknown = await c.createTenant({
        name: "Orphan",
        parent_id: "0e0e0e0e-0000-4000-8000-000000000000",
      });
      expect(unknown.status).to.equal(404);
      expect(unknown.body.error.code).to.equal(1005);
    });

    it("keeps a sent contact and fills the rest", async () => {
      const answer = await c.createTenant({
        name: "Contacted",
        contact: { email: "it@acme.test", phone: "123" },
      });
      expect(answer.status).to.equal(201);
      expect(answer.body.contact).to.include({
        email: "it@acme.test",
        phone: "123",
        firstname: "",
        city: null,
      });
      const badEmail = await c.createTenant({ name: "Bad Mail", contact: { email: "nope" } });
      expect(badEmail.status).to.equal(400);
    });
  });

  describe("GET", () => {
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
        for (const t of answer.body.items as { offering_items?: unknown }[])
          embedded.push(Array.isArray(t.offering_items));
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
        body: { offering_items: [{ application_id: BACKUP_APP, name: "workstations", quota: { value: 5 } }] },
      });
      const answer = await c.api("GET", `/tenants?uuids=${id}&with_offering_items=true`);
      const items = answer.body.items[0].offering_items;
      const direct = await c.api("GET", `/tenants/${id}/offering_items?edition=*`);
      expect(items).to.deep.equal(direct.body.items);
      expect(items.find((i: { name: string }) => i.name === "workstations")).to.include({ status: 1 });
      const without = await c.api("GET", `/tenants?uuids=${id}`);
      expect(without.body.items[0]).to.not.have.property("offering_items");
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
  });

  describe("PUT /tenants/{id}", () => {
    it("merges the sent fields, keeps the unsent contact fields and bumps the version", async () => {
      const created = await c.createTenant({
        name: "Acme",
        contact: { email: "a@acme.test", firstname: "Ann" },
      });
      const id = created.body.id;
      const answer = await c.api("PUT", `/tenants/${id}`, {
        body: { version: 1, internal_tag: "tag-1", contact: { phone: "555" } },
      });
      expect(answer.status).to.equal(200);
      expect(answer.body).to.include({ version: 2, internal_tag: "tag-1", name: "Acme", kind: "customer" });
      expect(answer.body.contact).to.include({ email: "a@acme.test", firstname: "Ann", phone: "555" });
      const read = await c.api("GET", `/tenants/${id}`);
      expect(read.body).to.deep.equal(answer.body);
    });

    it("accepts a fetched tenant object sent back whole", async () => {
      const id = await c.createCustomer("Round Trip");
      const fetched = (await c.api("GET", `/tenants/${id}`)).body;
      const answer = await c.api("PUT", `/tenants/${id}`, { body: { ...fetched, name: "Round Trip 2" } });
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.equal({
        ...fetched,
        name: "Round Trip 2",
        version: 2,
        updated_at: answer.body.updated_at,
      });
    });

    it("requires version (400) and refuses a stale one (409/1001)", async () => {
      const id = await c.createCustomer("Acme");
      const missing = await c.api("PUT", `/tenants/${id}`, { body: { name: "Acme 2" } });
      expect(missing.status).to.equal(400);
      expect(missing.body.error.code).to.equal(400);
      await c.api("PUT", `/tenants/${id}`, { body: { name: "Acme 2", version: 1 } });
      const stale = await c.api("PUT", `/tenants/${id}`, { body: { name: "Acme 3", version: 1 } });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.code).to.equal(1001);
    });

    it("never turns enhanced_security off", async () => {
      const created = await c.createTenant({ name: "Secure", enhanced_security: true });
      const answer = await c.api("PUT", `/tenants/${created.body.id}`, {
        body: { enhanced_security: false, version: 1 },
      });
      expect(answer.status).to.equal(400);
      expect(answer.body.error.code).to.equal(400);
      expect(answer.body.error.details.info).to.match(/enhanced_security/);
      const plain = await c.createTenant({ name: "Plain" });
      const turnOn = await c.api("PUT", `/tenants/${plain.body.id}`, {
        body: { enhanced_security: true, version: 1 },
      });
      expect(turnOn.body.enhanced_security).to.be.true;
    });

    it("checks name uniqueness on rename but allows a change of case of its own name", async () => {
      await c.createCustomer("Taken");
      const id = await c.createCustomer("Mine");
      const clash = await c.api("PUT", `/tenants/${id}`, { body: { name: "TAKEN", version: 1 } });
      expect(clash.status).to.equal(409);
      expect(clash.body.error.code).to.equal(1004);
      const recase = await c.api("PUT", `/tenants/${id}`, { body: { name: "MINE", version: 1 } });
      expect(recase.status).to.equal(200);
    });

    it("switches only partner <-> folder", async () => {
      const folder = await c.createTenant({ name: "Folder", kind: "folder" });
      const toPartner = await c.api("PUT", `/tenants/${folder.body.id}`, {
        body: { kind: "partner", version: 1 },
      });
      expect(toPartner.body.kind).to.equal("partner");
      const id = await c.createCustomer("Acme");
      const toPartnerFromCustomer = await c.api("PUT", `/tenants/${id}`, {
        body: { kind: "partner", version: 1 },
      });
      expect(toPartnerFromCustomer.status).to.equal(400);
    });

    it("moves a tenant, but never under its own subtree", async () => {
      const folderA = await c.createTenant({ name: "A", kind: "folder" });
      const folderB = await c.createTenant({ name: "B", kind: "folder", parent_id: folderA.body.id });
      const customer = await c.createCustomer("Acme");
      const moved = await c.api("PUT", `/tenants/${customer}`, {
        body: { parent_id: folderB.body.id, version: 1 },
      });
      expect(moved.status).to.equal(200);
      expect(moved.body.parent_id).to.equal(folderB.body.id);
      const loop = await c.api("PUT", `/tenants/${folderA.body.id}`, {
        body: { parent_id: folderB.body.id, version: 1 },
      });
      expect(loop.status).to.equal(400);
      expect(loop.body.error.code).to.equal(1007);
    });
  });

  describe("DELETE /tenants/{id}", () => {
    it("refuses an enabled tenant with 400/1006", async () => {
      const id = await c.createCustomer("Acme");
      const answer = await c.api("DELETE", `/tenants/${id}?version=1`);
      expect(answer.status).to.equal(400);
      expect(answer.body.error).to.include({
        code: 1006,
        message: "It is prohibited to delete a non-disabled tenant.",
      });
    });

    it("requires ?version= (400) and refuses a stale one (409/1001)", async () => {
      const id = await c.createCustomer("Acme");
      const version = await disable(id);
      const missing = await c.api("DELETE", `/tenants/${id}`);
      expect(missing.status).to.equal(400);
      expect(missing.body.error.code).to.equal(400);
      const stale = await c.api("DELETE", `/tenants/${id}?version=${version - 1}`);
      expect(stale.status).to.equal(409);
      expect(stale.body.error.code).to.equal(1001);
    });

    it("deletes a disabled tenant with its subtree, users, policies and items (204, then 404)", async () => {
      const customer = await c.createCustomer("Acme");
      const unit = await c.createTenant({ name: "Dept", kind: "unit", parent_id: customer });
      const user = await c.createUser(customer, "acme-admin");
      await c.api("PUT", `/users/${user.body.id}/access_policies`, {
        body: {
          items: [
            { tenant_id: customer, trustee_id: user.body.id, trustee_type: "user", role_id: "company_admin" },
          ],
        },
      });
      await c.api("PUT", `/tenants/${customer}/offering_items`, {
        body: { offering_items: [{ application_id: BACKUP_APP, name: "workstations" }] },
      });
      const version = await disable(customer);
      const answer = await c.api("DELETE", `/tenants/${customer}?version=${version}`);
      expect(answer.status).to.equal(204);
      expect(answer.body).to.equal(undefined);
      for (const path of [
        `/tenants/${customer}`,
        `/tenants/${unit.body.id}`,
        `/tenants/${user.body.personal_tenant_id}`,
        `/users/${user.body.id}`,
      ]) {
        const gone = await c.api("GET", path);
        expect(gone.status, path).to.equal(404);
        expect(gone.body.error.code, path).to.equal(404);
      }
      const state = (await c.control("GET", "/state")).body;
      expect(state.accessPolicies).to.deep.equal([]);
      expect(
        state.offeringItems.filter((i: { tenant_id: string }) => i.tenant_id === customer),
      ).to.deep.equal([]);
    });

    it("never deletes the client's own tenant", async () => {
      const version = await disable(SEED_PARTNER_ID);
      const answer = await c.api("DELETE", `/tenants/${SEED_PARTNER_ID}?version=${version}`);
      expect(answer.status).to.equal(403);
      expect(answer.body.error.code).to.equal(1002);
    });
  });

  describe("users and applications of a tenant", () => {
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

  describe("MFA", () => {
    it("reports and switches the tenant's MFA; the tenant object follows", async () => {
      const id = await c.createCustomer("Acme");
      await c.createUser(id, "acme-one");
      const initial = await c.api("GET", `/tenants/${id}/mfa/status`);
      expect(initial.body).to.deep.equal({
        mfa_status: "disabled",
        users_with_totp_enabled_count: 0,
        users_count: 1,
        update_allowed: true,
      });
      const on = await c.api("PUT", `/tenants/${id}/mfa/status`, { body: { enabled: "true" } });
      expect(on.status).to.equal(200);
      expect(on.body.mfa_status).to.equal("enabled");
      expect((await c.api("GET", `/tenants/${id}`)).body.mfa_status).to.equal("enabled");
      const missing = await c.api("PUT", `/tenants/${id}/mfa/status`, { body: {} });
      expect(missing.status).to.equal(400);
    });

    it("lets unit tenants only inherit", async () => {
      const id = await c.createCustomer("Acme");
      await c.api("PUT", `/tenants/${id}/mfa/status`, { body: { enabled: true } });
      const unit = await c.createTenant({ name: "Dept", kind: "unit", parent_id: id });
      const status = await c.api("GET", `/tenants/${unit.body.id}/mfa/status`);
      expect(status.body).to.include({ mfa_status: "enabled", update_allowed: false });
      const put = await c.api("PUT", `/tenants/${unit.body.id}/mfa/status`, { body: { enabled: false } });
      expect(put.status).to.equal(400);
      expect(put.body.error.code).to.equal(400);
    });
  });
});
