import { expect } from "chai";
import {
  AcronisTestClient,
  BACKUP_APP,
  PLATFORM_APP,
  SEED_PARTNER_ID,
  STORAGE_INFRA,
  ZERO_UUID,
} from "./acronisHelpers";

describe("Acronis emulator: the seed tutorial (provisioning a customer tenant), call for call", () => {
  let c: AcronisTestClient;
  before(async () => {
    c = await AcronisTestClient.start();
  });
  after(() => c.close());

  it("answers every request of the tutorial as the tutorial shows", async () => {
    // Authenticate: client credentials → bearer token; GET /clients/{id} names the partner tenant.
    const token = await c.requestToken();
    expect(token.status).to.equal(200);
    expect(token.body.token_type).to.equal("bearer");
    expect(token.body.access_token).to.match(/^eyJ/);
    expect(token.body.id_token).to.be.a("string");
    expect(token.body.expires_on).to.be.closeTo(Math.floor(Date.now() / 1000) + 7200, 5);
    c.token = token.body.access_token;
    const client = await c.api("GET", `/clients/${c.info.clientId}`);
    expect(client.status).to.equal(200);
    expect(client.body.tenant_id).to.equal(SEED_PARTNER_ID);
    const partnerId = client.body.tenant_id;

    // POST /tenants with the tutorial's body.
    const customer = {
      name: "Customer, Inc",
      kind: "customer",
      parent_id: partnerId,
      customer_id: "customer-inc",
      ancestral_access: true,
      enhanced_security: true,
    };
    const createdTenant = await c.api("POST", "/tenants", {
      body: customer,
      headers: { "Content-Type": "application/json" },
    });
    expect(createdTenant.status).to.equal(201);
    expect(createdTenant.body).to.deep.include({
      ancestral_access: true,
      brand_id: 3579,
      brand_uuid: "14dc11ca-2b16-43bb-8ba4-2a3545c214a0",
      customer_type: "default",
      default_idp_id: "11111111-1111-1111-1111-111111111111",
      enabled: true,
      has_children: false,
      internal_tag: null,
      kind: "customer",
      language: "en",
      name: "Customer, Inc",
      owner_id: null,
      parent_id: partnerId,
      update_lock: { enabled: false, owner_id: null },
      version: 1,
      customer_id: "customer-inc",
      pricing_mode: "trial",
      mfa_status: "disabled",
      deleted_at: null,
      contacts: [],
    });
    expect(createdTenant.body.contact).to.include({ firstname: "", lastname: "", email: "", phone: null });
    const newCustomerId = createdTenant.body.id;
    // enhanced_security is kept, never shown: the OAS tenant object has no such field.
    expect(createdTenant.body).to.not.have.property("enhanced_security");
    const stored = (await c.control("GET", "/state")).body.tenants.find(
      (t: { id: string }) => t.id === newCustomerId,
    );
    expect(stored.enhanced_security).to.be.true;

    // PUT /tenants/{new_customer_id}/mfa/status {"enabled": true}.
    const mfa = await c.api("PUT", `/tenants/${newCustomerId}/mfa/status`, { body: { enabled: true } });
    expect(mfa.status).to.equal(200);
    expect(mfa.body).to.deep.equal({
      mfa_status: "enabled",
      users_with_totp_enabled_count: 0,
      users_count: 0,
      update_allowed: true,
    });

    // GET available_for_child with kind=customer; the tutorial keeps workstations + storage.
    const available = await c.api(
      "GET",
      `/tenants/${partnerId}/offering_items/available_for_child?kind=customer`,
    );
    expect(available.status).to.equal(200);
    const offeringItems: Record<string, unknown>[] = available.body.items;
    expect(offeringItems).to.deep.include({
      application_id: BACKUP_APP,
      tenant_id: partnerId,
      edition: "standard",
      usage_name: "storage",
      infra_id: STORAGE_INFRA,
      locked: false,
      measurement_unit: "bytes",
      name: "storage",
      quota: { overage: null, value: null, version: 0 },
      status: 1,
      type: "infra",
    });
    expect(offeringItems).to.deep.include({
      application_id: BACKUP_APP,
      tenant_id: partnerId,
      edition: "standard",
      usage_name: "workstations",
      locked: false,
      measurement_unit: "quantity",
      name: "workstations",
      quota: { overage: null, value: null, version: 0 },
      status: 1,
      type: "count",
    });
    const itemsToEnable = offeringItems.filter((item) =>
      ["workstations", "storage"].includes(item.name as string),
    );
    expect(itemsToEnable).to.have.length(2);
    const enabled = await c.api("PUT", `/tenants/${newCustomerId}/offering_items`, {
      body: { offering_items: itemsToEnable },
    });
    expect(enabled.status).to.equal(200);
    expect(enabled.body.items.map((i: { name: string; status: number }) => [i.name, i.status])).to.deep.equal(
      [
        ["storage", 1],
        ["workstations", 1],
      ],
    );
    const applications = await c.api("GET", `/tenants/${newCustomerId}/applications`);
    expect(applications.body.items).to.have.members([PLATFORM_APP, BACKUP_APP]);

    // GET /users/check_login?username=JohnDoe → 204, then POST /users → 200 with a personal tenant.
    const check = await c.api("GET", "/users/check_login?username=JohnDoe");
    expect(check.status).to.equal(204);
    const account = {
      tenant_id: newCustomerId,
      login: "JohnDoe",
      contact: { email: "john.doe@example.com", firstname: "John", lastname: "Doe" },
    };
    const user = await c.api("POST", "/users", { body: account });
    expect(user.status).to.equal(200);
    expect(user.body).to.deep.include({
      activated: false,
      business_types: [],
      enabled: true,
      idp_id: "11111111-1111-1111-1111-111111111111",
      language: "en",
      login: "JohnDoe",
      notifications: ["quota", "reports", "backup_daily_report"],
      tenant_id: newCustomerId,
      terms_accepted: false,
      version: 1,
      mfa_status: "disabled",
    });
    expect(user.body.contact).to.include({
      email: "john.doe@example.com",
      firstname: "John",
      lastname: "Doe",
    });
    expect(new Date(user.body.created_at).toISOString()).to.equal(user.body.created_at);
    const userId = user.body.id;
    const personal = await c.api("GET", `/tenants/${user.body.personal_tenant_id}`);
    expect(personal.status).to.equal(200);
    expect(personal.body).to.include({ kind: "unit", owner_id: userId, parent_id: newCustomerId });

    // PUT /users/{user_id}/access_policies with the tutorial's zero-UUID item.
    const roles = {
      items: [
        {
          tenant_id: newCustomerId,
          trustee_id: userId,
          role_id: "company_admin",
          id: ZERO_UUID,
          issuer_id: ZERO_UUID,
          trustee_type: "user",
          version: 0,
        },
      ],
    };
    const assigned = await c.api("PUT", `/users/${userId}/access_policies`, { body: roles });
    expect(assigned.status).to.equal(200);
    expect(assigned.body.items).to.have.length(1);
    expect(assigned.body.items[0]).to.include({
      tenant_id: newCustomerId,
      trustee_id: userId,
      trustee_type: "user",
      role_id: "company_admin",
      issuer_id: partnerId,
      version: 1,
    });
    expect(assigned.body.items[0].id).to.not.equal(ZERO_UUID);

    // POST /users/{user_id}/send-activation-email with Content-Type JSON and no body → 204 + a mail.
    const sent = await c.api("POST", `/users/${userId}/send-activation-email`, {
      headers: { "Content-Type": "application/json" },
    });
    expect(sent.status).to.equal(204);
    const emails = await c.control("GET", "/emails");
    expect(emails.body.items).to.have.length(1);
    expect(emails.body.items[0]).to.include({ userId, login: "JohnDoe", email: "john.doe@example.com" });
  });
});

describe("Acronis emulator: authentication", () => {
  let c: AcronisTestClient;
  before(async () => {
    c = await AcronisTestClient.start();
  });
  after(() => c.close());
  beforeEach(async () => {
    await c.reset();
    await c.login();
  });

  it("refuses wrong client credentials with the OAuth error shape", async () => {
    const wrongSecret = await c.requestToken(c.basicAuth(c.info.clientId, "not-the-secret"));
    expect(wrongSecret.status).to.equal(401);
    expect(wrongSecret.body.error).to.equal("invalid_client");
    expect(wrongSecret.body.error_description).to.be.a("string");
    const noAuth = await c.requestToken("");
    expect(noAuth.status).to.equal(401);
    expect(noAuth.body.error).to.equal("invalid_client");
  });

  it("refuses other grant types", async () => {
    const answer = await c.requestToken(c.basicAuth(), "grant_type=authorization_code");
    expect(answer.status).to.equal(400);
    expect(answer.body.error).to.equal("unsupported_grant_type");
  });

  it("answers 401 in the platform shape for missing, unknown and expired tokens", async () => {
    const missing = await c.api("GET", `/tenants/${SEED_PARTNER_ID}`, { auth: false });
    expect(missing.status).to.equal(401);
    expect(missing.body.error).to.include({ code: 401, domain: "PlatformAccountServer" });
    const unknown = await c.api("GET", `/tenants/${SEED_PARTNER_ID}`, {
      headers: { Authorization: "Bearer nope" },
    });
    expect(unknown.status).to.equal(401);
    expect(unknown.body.error.code).to.equal(401);
    expect((await c.control("POST", "/expire-tokens")).status).to.equal(204);
    const expired = await c.api("GET", `/tenants/${SEED_PARTNER_ID}`);
    expect(expired.status).to.equal(401);
    expect(expired.body.error.code).to.equal(401);
    await c.login();
    expect((await c.api("GET", `/tenants/${SEED_PARTNER_ID}`)).status).to.equal(200);
  });

  it("refuses ?access_token= (no OAS parameter), 401 alone and 400 beside a header, masked in the log", async () => {
    const alone = await c.api("GET", `/tenants/${SEED_PARTNER_ID}?access_token=${c.token}`, { auth: false });
    expect(alone.status).to.equal(401);
    const beside = await c.api("GET", `/tenants/${SEED_PARTNER_ID}?access_token=${c.token}`);
    expect(beside.status).to.equal(400);
    expect(beside.body.error.details.info).to.match(/query access_token: not documented/);
    const log = await c.control("GET", "/requests");
    const entry = log.body.items.find(
      (e: { path: string }) => e.path === `/api/2/tenants/${SEED_PARTNER_ID}`,
    );
    expect(entry).to.include({ api: "acronis", method: "GET", status: 401, query: "access_token=***" });
    expect(JSON.stringify(log.body)).to.not.include(c.token);
  });

  it("issues tokens with the configured lifetime", async () => {
    const config = await c.control("POST", "/config", { tokenTtlSeconds: 60 });
    expect(config.status).to.equal(200);
    expect(config.body.tokenTtlSeconds).to.equal(60);
    const token = await c.requestToken();
    expect(token.body.expires_on).to.be.closeTo(Math.floor(Date.now() / 1000) + 60, 5);
    const bad = await c.control("POST", "/config", { tokenTtlSeconds: 0 });
    expect(bad.status).to.equal(400);
  });

  it("answers 404 for an unknown client", async () => {
    const other = await c.api("GET", "/clients/9a9a9a9a-0000-4000-8000-000000000000");
    expect(other.status).to.equal(404);
    expect(other.body.error.code).to.equal(404);
  });
});
