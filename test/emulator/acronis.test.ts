import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
      enhanced_security: true,
      pricing_mode: "trial",
      mfa_status: "disabled",
    });
    expect(createdTenant.body.contact).to.include({ firstname: "", lastname: "", email: null, phone: null });
    const newCustomerId = createdTenant.body.id;

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

  it("accepts the token as ?access_token= and masks it in the request log", async () => {
    const answer = await c.api("GET", `/tenants/${SEED_PARTNER_ID}?access_token=${c.token}`, { auth: false });
    expect(answer.status).to.equal(200);
    const log = await c.control("GET", "/requests");
    const entry = log.body.items.find(
      (e: { path: string }) => e.path === `/api/2/tenants/${SEED_PARTNER_ID}`,
    );
    expect(entry).to.include({ api: "acronis", method: "GET", status: 200, query: "access_token=***" });
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

describe("Acronis emulator: generic HTTP behaviour", () => {
  let c: AcronisTestClient;
  before(async () => {
    c = await AcronisTestClient.start();
    await c.login();
  });
  after(() => c.close());

  it("answers 415 for a JSON body sent without Content-Type: application/json", async () => {
    const answer = await c.api("POST", "/tenants", {
      rawBody: JSON.stringify({ name: "X", kind: "customer", parent_id: SEED_PARTNER_ID }),
      headers: { "Content-Type": "text/plain" },
    });
    expect(answer.status).to.equal(415);
    expect(answer.body.error.code).to.equal(415);
  });

  it("answers 400 for malformed JSON", async () => {
    const answer = await c.api("POST", "/tenants", {
      rawBody: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(answer.status).to.equal(400);
    expect(answer.body.error).to.include({ code: 400, domain: "PlatformAccountServer" });
    expect(answer.body.error.details.info).to.be.a("string");
    expect(answer.body.error.context).to.deep.equal({});
  });

  it("answers 405 for a known path with another method and 404 for unknown paths", async () => {
    const wrongMethod = await c.api("PATCH", `/tenants/${SEED_PARTNER_ID}`, { body: {} });
    expect(wrongMethod.status).to.equal(405);
    expect(wrongMethod.body.error.code).to.equal(405);
    const unknown = await c.api("GET", "/no/such/thing");
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal(404);
  });

  it("accepts string-typed booleans and integers as the official examples send them", async () => {
    const created = await c.createTenant({ name: "Stringly", enabled: "false", ancestral_access: "True" });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ enabled: false, ancestral_access: true });
    const updated = await c.api("PUT", `/tenants/${created.body.id}`, {
      body: { enabled: "true", version: "1" },
    });
    expect(updated.status).to.equal(200);
    expect(updated.body).to.include({ enabled: true, version: 2 });
  });

  it("waits latencyMs before answering", async () => {
    const slow = await AcronisTestClient.start({ latencyMs: 150 });
    try {
      const started = Date.now();
      await slow.requestToken();
      expect(Date.now() - started).to.be.at.least(140);
    } finally {
      await slow.close();
    }
  });
});

describe("Acronis emulator: control endpoints and persistence", () => {
  it("dumps the state without secrets and resets it", async () => {
    const c = await AcronisTestClient.start();
    try {
      await c.login();
      const customerId = await c.createCustomer("Dumped");
      const user = await c.createUser(customerId, "dumped-user");
      await c.api("POST", `/users/${user.body.id}/password`, { body: { password: "Sup3r-Secret!" } });
      const state = await c.control("GET", "/state");
      expect(state.status).to.equal(200);
      expect(state.body.tenants.map((t: { name: string }) => t.name)).to.include("Dumped");
      expect(state.body.users[0]).to.include({ login: "dumped-user", password_set: true, activated: true });
      const text = JSON.stringify(state.body);
      for (const secret of ["Sup3r-Secret!", c.info.clientSecret, c.token])
        expect(text).to.not.include(secret);
      expect(state.body).to.have.keys([
        "format",
        "tenants",
        "users",
        "offeringItems",
        "accessPolicies",
        "outbox",
        "clients",
        "usages",
        "counters",
      ]);

      expect((await c.control("POST", "/reset")).status).to.equal(204);
      const after = await c.control("GET", "/state");
      expect(after.body.tenants.map((t: { id: string }) => t.id)).to.deep.equal([SEED_PARTNER_ID]);
      expect((await c.control("GET", "/requests")).body.items).to.deep.equal([]);
      // Tokens survive a reset: the client is the same.
      expect((await c.api("GET", `/tenants/${SEED_PARTNER_ID}`)).status).to.equal(200);
    } finally {
      await c.close();
    }
  });

  it("saves the state file after every change and loads it at the next start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "acronis-state-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await AcronisTestClient.start({ stateFile });
      await first.login();
      const customerId = await first.createCustomer("Persisted");
      await first.close();
      expect(
        JSON.parse(readFileSync(stateFile, "utf8")).tenants.some((t: { id: string }) => t.id === customerId),
      ).to.be.true;
      expect(readdirSync(dir)).to.deep.equal(["state.json"]);

      const second = await AcronisTestClient.start({ stateFile });
      await second.login();
      const tenant = await second.api("GET", `/tenants/${customerId}`);
      expect(tenant.status).to.equal(200);
      expect(tenant.body.name).to.equal("Persisted");
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(existsSync(stateFile)).to.be.false;
  });

  it("answers 404 for unknown control paths", async () => {
    const c = await AcronisTestClient.start();
    try {
      expect((await c.control("GET", "/nothing")).status).to.equal(404);
    } finally {
      await c.close();
    }
  });
});
