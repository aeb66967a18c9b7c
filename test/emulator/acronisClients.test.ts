import { expect } from "chai";
import { AcronisTestClient, SEED_PARTNER_ID } from "./acronisHelpers";
import { basic, form, send } from "./acronisSignInHelpers";

describe("Acronis emulator: API clients", () => {
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

  const newClient = (body: Record<string, unknown> = {}) =>
    c.api("POST", "/clients", {
      body: {
        type: "api_client",
        tenant_id: customer,
        token_endpoint_auth_method: "client_secret_basic",
        data: { client_name: "backup-integration" },
        ...body,
      },
    });

  const tokenFor = (clientId: string, secret: string) =>
    c.requestToken(basic(clientId, secret), "grant_type=client_credentials");

  it("creates a client and shows its secret once: never in GET, the list or the state", async () => {
    const created = await newClient();
    expect(created.status).to.equal(201);
    expect(created.body).to.deep.include({
      tenant_id: customer,
      type: "api_client",
      token_endpoint_auth_method: "client_secret_basic",
      client_secret_expires_at: 0,
      data: { client_name: "backup-integration" },
      redirect_uris: [],
      status: "enabled",
      created_by: c.info.clientId,
    });
    // The OAS origin_id is a string: a client without one does not carry it.
    expect(created.body).to.not.have.property("origin_id");
    expect(created.body.client_secret).to.match(/^[0-9a-f]{32}$/);
    expect(created.body.registration_access_token).to.be.a("string");
    const id = created.body.client_id;
    const read = await c.api("GET", `/clients/${id}`);
    expect(read.status).to.equal(200);
    expect(read.body).to.not.have.any.keys("client_secret", "registration_access_token");
    expect(read.body).to.include({ client_id: id, last_access_at: null, last_access_from_ip: null });
    const listed = await c.api("GET", "/clients");
    expect(listed.body.items.map((x: { client_id: string }) => x.client_id)).to.deep.equal([
      c.info.clientId,
      id,
    ]);
    const state = JSON.stringify((await c.control("GET", "/state")).body);
    expect(state).to.not.include(created.body.client_secret);
    expect((await c.api("GET", `/clients?uuids=${id}`)).body.items).to.have.length(1);
  });

  it("gives the new client tokens for its own tenant only, and records the access", async () => {
    const created = (await newClient()).body;
    const token = await tokenFor(created.client_id, created.client_secret);
    expect(token.status).to.equal(200);
    const own = await c.api("GET", `/tenants/${customer}`, {
      headers: { Authorization: `Bearer ${token.body.access_token}` },
    });
    expect(own.status).to.equal(200);
    const partner = await c.api("GET", `/tenants/${SEED_PARTNER_ID}`, {
      headers: { Authorization: `Bearer ${token.body.access_token}` },
    });
    expect(partner.status).to.equal(403);
    const read = (await c.api("GET", `/clients/${created.client_id}`)).body;
    expect(read.last_access_from_ip).to.equal("127.0.0.1");
    expect(Date.parse(read.last_access_at)).to.be.closeTo(Date.now(), 10_000);
  });

  it("authenticates client_secret_post clients by form fields, and only so", async () => {
    const created = (await newClient({ token_endpoint_auth_method: "client_secret_post" })).body;
    const byForm = await c.requestToken(
      "",
      form({
        grant_type: "client_credentials",
        client_id: created.client_id,
        client_secret: created.client_secret,
      }),
    );
    expect(byForm.status).to.equal(200);
    const byHeader = await tokenFor(created.client_id, created.client_secret);
    expect(byHeader.status).to.equal(401);
    expect(byHeader.body.error).to.equal("invalid_client");
  });

  it("updates name, status and redirect URIs; a disabled client gets no token and its tokens stop", async () => {
    const created = (await newClient()).body;
    const token = (await tokenFor(created.client_id, created.client_secret)).body.access_token;
    const renamed = await c.api("PUT", `/clients/${created.client_id}`, {
      body: { data: { client_name: "renamed" }, redirect_uris: ["https://example.com/cb"] },
    });
    expect(renamed.status).to.equal(200);
    expect(renamed.body).to.deep.include({
      data: { client_name: "renamed" },
      redirect_uris: ["https://example.com/cb"],
    });
    await c.api("PUT", `/clients/${created.client_id}`, { body: { status: "disabled" } });
    expect((await tokenFor(created.client_id, created.client_secret)).status).to.equal(401);
    const withOld = await c.api("GET", `/tenants/${customer}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(withOld.status).to.equal(401);
    await c.api("PUT", `/clients/${created.client_id}`, { body: { status: "enabled" } });
    expect((await tokenFor(created.client_id, created.client_secret)).status).to.equal(200);
  });

  it("deletes a client (204, then 404) and refuses to let a client disable or delete itself", async () => {
    const created = (await newClient()).body;
    expect((await c.api("DELETE", `/clients/${created.client_id}`)).status).to.equal(204);
    expect((await c.api("GET", `/clients/${created.client_id}`)).status).to.equal(404);
    expect((await c.api("DELETE", `/clients/${created.client_id}`)).status).to.equal(404);
    expect((await tokenFor(created.client_id, created.client_secret)).status).to.equal(401);
    const self = await c.api("DELETE", `/clients/${c.info.clientId}`);
    expect(self.status).to.equal(403);
    expect(self.body.error.code).to.equal(1002);
    const disableSelf = await c.api("PUT", `/clients/${c.info.clientId}`, { body: { status: "disabled" } });
    expect(disableSelf.status).to.equal(403);
  });

  it("refuses bad bodies with 400 and tenants out of reach with 403", async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ type: "robot" }, 400],
      [{ token_endpoint_auth_method: "magic" }, 400],
      [{ colour: "red" }, 400],
      [{ data: "x" }, 400],
      [{ tenant_id: "9a9a9a9a-0000-4000-8000-000000000000" }, 404],
    ];
    for (const [body, status] of cases)
      expect((await newClient(body)).status, JSON.stringify(body)).to.equal(status);
    const other = (await newClient()).body;
    const token = (await tokenFor(other.client_id, other.client_secret)).body.access_token;
    const outside = await c.api("POST", "/clients", {
      headers: { Authorization: `Bearer ${token}` },
      body: {
        type: "api_client",
        tenant_id: SEED_PARTNER_ID,
        token_endpoint_auth_method: "client_secret_basic",
      },
    });
    expect(outside.status).to.equal(403);
    expect((await c.api("PUT", `/clients/${other.client_id}`, { body: { secret: "x" } })).status).to.equal(
      400,
    );
  });

  it("refuses WHMCS's legacy `agent` type; public `none` clients get an empty secret", async () => {
    // WHMCS creates `agent` clients; the OAS client type is api_client or managed_client only.
    const agent = await newClient({ type: "agent", data: undefined });
    expect(agent.status).to.equal(400);
    expect(agent.body.error.details.info).to.include("body/type: must be equal to one of the allowed values");
    const open = await newClient({ token_endpoint_auth_method: "none" });
    expect(open.status).to.equal(201);
    expect(open.body.client_secret).to.equal("");
  });

  it("deletes a tenant's clients with the tenant", async () => {
    const created = (await newClient()).body;
    const tenant = (await c.api("GET", `/tenants/${customer}`)).body;
    const disabled = (
      await c.api("PUT", `/tenants/${customer}`, { body: { enabled: false, version: tenant.version } })
    ).body;
    expect((await c.api("DELETE", `/tenants/${customer}?version=${disabled.version}`)).status).to.equal(204);
    expect((await c.api("GET", `/clients/${created.client_id}`)).status).to.equal(404);
  });

  it("sends the request that makes a client as the seed's send it, with a Bearer token", async () => {
    const answer = await send(
      `${c.info.baseUrl}/clients`,
      "POST",
      { Authorization: `Bearer ${c.token}`, "Content-Type": "application/json" },
      JSON.stringify({
        type: "api_client",
        tenant_id: SEED_PARTNER_ID,
        token_endpoint_auth_method: "client_secret_basic",
        data: { client_name: "Docs.Client" },
      }),
    );
    expect(answer.status).to.equal(201);
  });
});
