import { expect } from "chai";
import { AcronisTestClient, SEED_PARTNER_ID, ZERO_UUID } from "./acronisHelpers";

describe("Acronis emulator: users", () => {
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

  async function disableUser(id: string): Promise<number> {
    const current = await c.api("GET", `/users/${id}`);
    const answer = await c.api("PUT", `/users/${id}`, {
      body: { enabled: false, version: current.body.version },
    });
    expect(answer.status).to.equal(200);
    return answer.body.version;
  }

  describe("GET /users/check_login", () => {
    it("answers 204 for a free login and 409 for a taken one, ignoring case", async () => {
      expect((await c.api("GET", "/users/check_login?username=JaneDoe")).status).to.equal(204);
      await c.createUser(customer, "JaneDoe");
      const taken = await c.api("GET", "/users/check_login?username=janedoe");
      expect(taken.status).to.equal(409);
      expect(taken.body.error.code).to.equal(409);
    });

    it("answers 400/1033 for invalid logins", async () => {
      for (const login of ["ab", "with space", "naïve", "semi;colon"]) {
        const answer = await c.api("GET", `/users/check_login?username=${encodeURIComponent(login)}`);
        expect(answer.status, login).to.equal(400);
        expect(answer.body.error.code, login).to.equal(1033);
      }
      expect(
        (await c.api("GET", `/users/check_login?username=${encodeURIComponent("a.b+c@x.io")}`)).status,
      ).to.equal(204);
    });
  });

  describe("POST /users", () => {
    it("requires tenant_id, login and contact.email, and a well-formed e-mail", async () => {
      const bodies = [
        { login: "one", contact: { email: "one@example.com" } },
        { tenant_id: customer, contact: { email: "one@example.com" } },
        { tenant_id: customer, login: "one" },
        { tenant_id: customer, login: "one", contact: { firstname: "One" } },
        { tenant_id: customer, login: "one", contact: { email: "not-an-email" } },
      ];
      for (const body of bodies) {
        const answer = await c.api("POST", "/users", { body });
        expect(answer.status, JSON.stringify(body)).to.equal(400);
        expect(answer.body.error.code, JSON.stringify(body)).to.equal(400);
      }
    });

    it("answers 409 for a taken login and 1033 for an invalid one", async () => {
      await c.createUser(customer, "taken");
      const taken = await c.createUser(customer, "TAKEN");
      expect(taken.status).to.equal(409);
      const invalid = await c.createUser(customer, "x");
      expect(invalid.status).to.equal(400);
      expect(invalid.body.error.code).to.equal(1033);
    });

    it("creates a personal tenant only for users of customer tenants", async () => {
      const partnerUser = await c.createUser(SEED_PARTNER_ID, "partner-admin");
      expect(partnerUser.status).to.equal(200);
      expect(partnerUser.body.personal_tenant_id).to.equal(null);
      const customerUser = await c.createUser(customer, "customer-user");
      expect(customerUser.body.personal_tenant_id).to.be.a("string");
    });

    it("answers 403 for a tenant outside the client's subtree", async () => {
      const root = (await c.api("GET", `/tenants/${SEED_PARTNER_ID}`)).body.parent_id;
      const answer = await c.createUser(root, "outsider");
      expect(answer.status).to.equal(403);
      expect(answer.body.error.code).to.equal(1002);
    });
  });

  describe("PUT /users/{id}", () => {
    it("merges the contact, bumps the version and checks it", async () => {
      const user = await c.api("POST", "/users", {
        body: { tenant_id: customer, login: "jdoe", contact: { email: "jd@example.com", firstname: "John" } },
      });
      const id = user.body.id;
      const updated = await c.api("PUT", `/users/${id}`, {
        body: { version: 1, contact: { lastname: "Doe" }, language: "de" },
      });
      expect(updated.status).to.equal(200);
      expect(updated.body).to.include({ version: 2, language: "de" });
      expect(updated.body.contact).to.include({
        email: "jd@example.com",
        firstname: "John",
        lastname: "Doe",
      });
      const missing = await c.api("PUT", `/users/${id}`, { body: { language: "fr" } });
      expect(missing.status).to.equal(400);
      expect(missing.body.error.code).to.equal(400);
      const stale = await c.api("PUT", `/users/${id}`, { body: { language: "fr", version: 1 } });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.code).to.equal(1001);
      const noEmail = await c.api("PUT", `/users/${id}`, { body: { contact: { email: null }, version: 2 } });
      expect(noEmail.status).to.equal(400);
    });
  });

  it("refuses a fetched user object sent back whole, naming its read-only fields", async () => {
    const id = (await c.createUser(customer, "round-trip")).body.id;
    const fetched = (await c.api("GET", `/users/${id}`)).body;
    const answer = await c.api("PUT", `/users/${id}`, { body: { ...fetched, enabled: false } });
    expect(answer.status).to.equal(400);
    for (const field of ["id", "tenant_id", "activated", "created_at"])
      expect(answer.body.error.details.info).to.include(`additional properties ("${field}")`);
    expect((await c.api("GET", `/users/${id}`)).body).to.deep.equal(fetched);
  });

  describe("DELETE /users/{id}", () => {
    it("wants a disabled user, ?version= and the latest version; removes the personal tenant and policies", async () => {
      const user = await c.createUser(customer, "leaver");
      const id = user.body.id;
      await c.api("PUT", `/users/${id}/access_policies`, {
        body: {
          items: [{ tenant_id: customer, trustee_id: id, trustee_type: "user", role_id: "backup_user" }],
        },
      });
      const enabled = await c.api("DELETE", `/users/${id}?version=1`);
      expect(enabled.status).to.equal(400);
      expect(enabled.body.error.code).to.equal(400);
      expect(enabled.body.error.details.info).to.match(/disable/);
      const version = await disableUser(id);
      const missing = await c.api("DELETE", `/users/${id}`);
      expect(missing.status).to.equal(400);
      const stale = await c.api("DELETE", `/users/${id}?version=${version - 1}`);
      expect(stale.status).to.equal(409);
      expect(stale.body.error.code).to.equal(1001);
      const deleted = await c.api("DELETE", `/users/${id}?version=${version}`);
      expect(deleted.status).to.equal(204);
      expect((await c.api("GET", `/users/${id}`)).status).to.equal(404);
      expect((await c.api("GET", `/tenants/${user.body.personal_tenant_id}`)).status).to.equal(404);
      expect((await c.control("GET", "/state")).body.accessPolicies).to.deep.equal([]);
      expect((await c.api("GET", "/users/check_login?username=leaver")).status).to.equal(204);
    });

    it("deletes enabled users when requireDisabledUserDelete is off", async () => {
      await c.control("POST", "/config", { requireDisabledUserDelete: false });
      const user = await c.createUser(customer, "quick");
      const deleted = await c.api("DELETE", `/users/${user.body.id}?version=1`);
      expect(deleted.status).to.equal(204);
    });
  });

  describe("activation", () => {
    it("sends an activation e-mail for an empty or {} body, once", async () => {
      const user = await c.createUser(customer, "newbie");
      const sent = await c.api("POST", `/users/${user.body.id}/send-activation-email`, { body: {} });
      expect(sent.status).to.equal(204);
      const again = await c.api("POST", `/users/${user.body.id}/send-activation-email`, {
        headers: { "Content-Type": "application/json" },
      });
      expect(again.status).to.equal(204);
      const mails = (await c.control("GET", "/emails")).body.items;
      expect(mails).to.have.length(2);
      expect(mails[0]).to.include({ userId: user.body.id, login: "newbie", email: "newbie@example.com" });
      expect(new Date(mails[0].at).getTime()).to.be.closeTo(Date.now(), 10_000);
      const withBody = await c.api("POST", `/users/${user.body.id}/send-activation-email`, {
        body: { x: 1 },
      });
      expect(withBody.status).to.equal(400);
    });

    it("activates through POST /password, keeps no password, and refuses a second activation e-mail", async () => {
      const user = await c.createUser(customer, "pw-user");
      const missing = await c.api("POST", `/users/${user.body.id}/password`, { body: {} });
      expect(missing.status).to.equal(400);
      const set = await c.api("POST", `/users/${user.body.id}/password`, {
        body: { password: "Pässwörd-1" },
      });
      expect(set.status).to.equal(204);
      expect((await c.api("GET", `/users/${user.body.id}`)).body.activated).to.be.true;
      expect(JSON.stringify((await c.control("GET", "/state")).body)).to.not.include("Pässwörd-1");
      const mail = await c.api("POST", `/users/${user.body.id}/send-activation-email`, { body: {} });
      expect(mail.status).to.equal(400);
      expect(mail.body.error.code).to.equal(400);
    });

    it("activates only users of sub-tenants (403/1002) and only enabled ones (400/1018)", async () => {
      const own = await c.createUser(SEED_PARTNER_ID, "own-admin");
      const answer = await c.api("POST", `/users/${own.body.id}/send-activation-email`, { body: {} });
      expect(answer.status).to.equal(403);
      expect(answer.body.error.code).to.equal(1002);
      const user = await c.createUser(customer, "sleeper");
      await disableUser(user.body.id);
      const disabled = await c.api("POST", `/users/${user.body.id}/send-activation-email`, { body: {} });
      expect(disabled.status).to.equal(400);
      expect(disabled.body.error.code).to.equal(1018);
    });
  });
});

describe("Acronis emulator: access policies", () => {
  let c: AcronisTestClient;
  let customer: string;
  let userId: string;
  before(async () => {
    c = await AcronisTestClient.start();
  });
  after(() => c.close());
  beforeEach(async () => {
    await c.reset();
    await c.login();
    customer = await c.createCustomer("Acme");
    userId = (await c.createUser(customer, "roles-user")).body.id;
  });

  const policy = (overrides: Record<string, unknown> = {}) => ({
    id: ZERO_UUID,
    issuer_id: ZERO_UUID,
    tenant_id: customer,
    trustee_id: userId,
    trustee_type: "user",
    role_id: "company_admin",
    version: 0,
    ...overrides,
  });

  const putPolicies = (items: unknown[]) =>
    c.api("PUT", `/users/${userId}/access_policies`, { body: { items } });

  it("starts empty, stores a PUT set and replaces it on the next PUT", async () => {
    expect((await c.api("GET", `/users/${userId}/access_policies`)).body.items).to.deep.equal([]);
    const first = await putPolicies([policy(), policy({ role_id: "backup_user" })]);
    expect(first.status).to.equal(200);
    const adminPolicy = first.body.items.find((p: { role_id: string }) => p.role_id === "company_admin");
    const replaced = await putPolicies([
      policy({ role_id: "company_admin", id: adminPolicy.id, version: 1 }),
    ]);
    expect(replaced.body.items).to.deep.equal([adminPolicy]);
    const stored = await c.api("GET", `/users/${userId}/access_policies`);
    expect(stored.body.items).to.deep.equal([adminPolicy]);
    expect((await putPolicies([])).body.items).to.deep.equal([]);
  });

  it("refuses unknown roles and roles that do not fit the tenant kind", async () => {
    const unknown = await putPolicies([policy({ role_id: "emperor" })]);
    expect(unknown.status).to.equal(400);
    expect(unknown.body.error.code).to.equal(400);
    const partnerRole = await putPolicies([policy({ role_id: "partner_admin" })]);
    expect(partnerRole.status).to.equal(400);
    expect(partnerRole.body.error.details.info).to.match(/partner_admin.*customer/);
    const partnerUser = (await c.createUser(SEED_PARTNER_ID, "p-admin")).body.id;
    const companyInPartner = await c.api("PUT", `/users/${partnerUser}/access_policies`, {
      body: { items: [policy({ tenant_id: SEED_PARTNER_ID, trustee_id: partnerUser })] },
    });
    expect(companyInPartner.status).to.equal(400);
    const partnerAdmin = await c.api("PUT", `/users/${partnerUser}/access_policies`, {
      body: {
        items: [policy({ tenant_id: SEED_PARTNER_ID, trustee_id: partnerUser, role_id: "partner_admin" })],
      },
    });
    expect(partnerAdmin.status).to.equal(200);
  });

  it("checks tenant_id, trustee_id, trustee_type, the UUIDs and the items array", async () => {
    for (const bad of [
      policy({ tenant_id: SEED_PARTNER_ID }),
      policy({ trustee_id: "0e0e0e0e-0000-4000-8000-000000000000" }),
      policy({ trustee_type: "group" }),
      policy({ id: "not-a-uuid" }),
      policy({ role_id: undefined }),
    ]) {
      const answer = await putPolicies([bad]);
      expect(answer.status, JSON.stringify(bad)).to.equal(400);
      expect(answer.body.error.code).to.equal(400);
    }
    const noItems = await c.api("PUT", `/users/${userId}/access_policies`, { body: { policies: [] } });
    expect(noItems.status).to.equal(400);
  });
});
