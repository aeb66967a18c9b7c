import { expect } from "chai";
import { AcronisTestClient, BACKUP_APP, SEED_PARTNER_ID, ZERO_UUID } from "./acronisHelpers";

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

    it("refuses a fetched tenant object sent back whole, naming its read-only fields", async () => {
      const id = await c.createCustomer("Round Trip");
      const fetched = (await c.api("GET", `/tenants/${id}`)).body;
      const answer = await c.api("PUT", `/tenants/${id}`, { body: { ...fetched, name: "Round Trip 2" } });
      expect(answer.status).to.equal(400);
      for (const field of ["id", "created_at", "has_children", "pricing_mode"])
        expect(answer.body.error.details.info).to.include(`additional properties ("${field}")`);
      expect((await c.api("GET", `/tenants/${id}`)).body).to.deep.equal(fetched);
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

    it("takes enhanced_security at creation only (top-level or in settings), keeps it and never shows it", async () => {
      const nested = await c.createTenant({ name: "Secure", settings: { enhanced_security: true } });
      const top = await c.createTenant({ name: "Secure Too", enhanced_security: true });
      const plain = await c.createTenant({ name: "Plain" });
      for (const answer of [nested, top, plain]) {
        expect(answer.status).to.equal(201);
        expect(answer.body).to.not.have.property("enhanced_security");
      }
      const stored = (await c.control("GET", "/state")).body.tenants as {
        id: string;
        enhanced_security: boolean;
      }[];
      const secure = (id: string) => stored.find((t) => t.id === id)?.enhanced_security;
      expect([secure(nested.body.id), secure(top.body.id), secure(plain.body.id)]).to.deep.equal([
        true,
        true,
        false,
      ]);
      const disagree = await c.createTenant({
        name: "Torn",
        enhanced_security: true,
        settings: { enhanced_security: false },
      });
      expect(disagree.status).to.equal(400);
      // The OAS tenantPut has no enhanced_security: it cannot be changed after creation.
      const answer = await c.api("PUT", `/tenants/${nested.body.id}`, {
        body: { enhanced_security: false, version: 1 },
      });
      expect(answer.status).to.equal(400);
      expect(answer.body.error.details.info).to.include(`additional properties ("enhanced_security")`);
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
            {
              ...{ id: ZERO_UUID, issuer_id: ZERO_UUID, version: 0 },
              ...{
                tenant_id: customer,
                trustee_id: user.body.id,
                trustee_type: "user",
                role_id: "company_admin",
              },
            },
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
});
