import { expect } from "chai";
import { AcronisTestClient, BACKUP_APP, PLATFORM_APP, SEED_PARTNER_ID } from "./acronisHelpers";
import { basic, form, PASSWORD, send, userWithPassword } from "./acronisSignInHelpers";

/**
 * The calls of Acronis' public examples, replayed request for request: URL, method, headers, body and the
 * status they check. PYEX = acronis/acronis-cyber-platform-python-examples@10d1a96 (base_url ends in "/",
 * paths start with "api/2/"; `requests` sends its `auth` as a header and dicts as forms); PYSAMP =
 * acronis/acronis-cyber-platform-python-samples@bfcbea0; WHMCS = acronis/acronis-cyber-cloud-whmcs@88b74e9.
 */
describe("Acronis emulator: public clients' calls, replayed", function () {
  this.timeout(20_000);
  let c: AcronisTestClient;
  let base: string;
  const ua = { "User-Agent": "ACP 3.0/Acronis Cyber Platform Python Examples" };
  const json = { ...ua, "Content-Type": "application/json" };
  const formType = { ...ua, "Content-Type": "application/x-www-form-urlencoded" };
  // What the scripts keep in api_client.json, api_token.json, partner.json, customer.json and user.json.
  const files: Record<string, Record<string, string>> = {};
  const bearer = (token = files.token.access_token) => ({ Authorization: `Bearer ${token}` });

  before(async () => {
    c = await AcronisTestClient.start();
    await c.login();
    base = `${c.origin}/`;
    await userWithPassword(c, SEED_PARTNER_ID, "partner.admin", "partner_admin");
  });
  after(() => c.close());

  it("PYEX authorization/create_api_client.py: /users/me then POST /clients, both with Basic user credentials", async () => {
    const auth = { Authorization: basic("partner.admin", PASSWORD) };
    const me = await send(`${base}api/2/users/me`, "GET", auth);
    expect(me.status).to.equal(200);
    const client = {
      type: "api_client",
      tenant_id: `${me.body.tenant_id}`,
      token_endpoint_auth_method: "client_secret_basic",
      data: { client_name: "Python.Client" },
    };
    const created = await send(`${base}api/2/clients`, "POST", { ...json, ...auth }, JSON.stringify(client));
    expect(created.status).to.equal(201);
    files.client = created.body;
    expect(files.client).to.include.keys("client_id", "client_secret", "tenant_id");
  });

  it("PYEX authorization/issue_access_token.py: client credentials by Basic, form body", async () => {
    const token = await send(
      `${base}api/2/idp/token`,
      "POST",
      { ...formType, Authorization: basic(files.client.client_id, files.client.client_secret) },
      form({ grant_type: "client_credentials" }),
    );
    expect(token.status).to.equal(200);
    expect(token.body.expires_on - Date.now() / 1000).to.be.greaterThan(900);
    files.token = token.body;
  });

  it("PYEX tenants/create_partner_tenant_and_assign_all_editions_available.py", async () => {
    const partner = {
      name: "Python Partner All Editions X1Y2Z3 v3.0",
      parent_id: files.client.tenant_id,
      kind: "partner",
    };
    const created = await send(
      `${base}api/2/tenants`,
      "POST",
      { ...json, ...bearer() },
      JSON.stringify(partner),
    );
    expect(created.status).to.equal(201);
    files.partner = created.body;
    const available = await send(
      `${base}api/2/tenants/${files.client.tenant_id}/offering_items/available_for_child?kind=partner&edition=*`,
      "GET",
      { ...ua, ...bearer() },
    );
    expect(available.status).to.equal(200);
    const body = JSON.stringify({ offering_items: available.body.items });
    const put = await send(
      `${base}api/2/tenants/${files.partner.id}/offering_items`,
      "PUT",
      { ...json, ...bearer() },
      body,
    );
    expect(put.status, JSON.stringify(put.body)).to.equal(200);
  });

  it("PYEX tenants/create_customer_tenant_and_assign_specific_edition.py, up to its pricing calls", async () => {
    const customer = { name: "Python Customer A1B2C3 v3.0", parent_id: files.partner.id, kind: "customer" };
    const created = await send(
      `${base}api/2/tenants`,
      "POST",
      { ...json, ...bearer() },
      JSON.stringify(customer),
    );
    expect(created.status).to.equal(201);
    files.customer = created.body;
    const available = await send(
      `${base}api/2/tenants/${files.client.tenant_id}/offering_items/available_for_child?kind=customer&edition=pck_per_gigabyte`,
      "GET",
      { ...ua, ...bearer() },
    );
    // The script keeps one storage location: it drops infra items on a Google DR storage of dev-cloud.
    const items = (available.body.items as { name: string; type: string; infra_id?: string }[]).filter(
      (oi) =>
        (oi.type === "infra" && oi.infra_id !== "ba2976d0-c13e-4661-ae60-b4593583fce2") ||
        oi.type !== "infra",
    );
    expect(items.map((i) => i.name)).to.include("pg_base_storage");
    const put = await send(
      `${base}api/2/tenants/${files.customer.id}/offering_items`,
      "PUT",
      { ...json, ...bearer() },
      JSON.stringify({ offering_items: items }),
    );
    expect(put.status, JSON.stringify(put.body)).to.equal(200);
  });

  it("PYEX usage/get_tenant_usage.py and tenants/search_for_tenant_or_user.py", async () => {
    const usage = await send(`${base}api/2/tenants/${files.client.tenant_id}/usages`, "GET", {
      ...ua,
      ...bearer(),
    });
    expect(usage.status).to.equal(200);
    expect(usage.body.items.length).to.be.greaterThan(0);
    const search = await send(`${base}api/2/search?text=Python&tenant=${files.client.tenant_id}`, "GET", {
      ...ua,
      ...bearer(),
    });
    expect(search.status).to.equal(200);
    expect(search.body.items.map((i: { name: string }) => i.name)).to.include.members([
      files.partner.name,
      files.customer.name,
    ]);
  });

  it("PYEX users/create_user_for_customer_activate_assign_backup_user_role.py", async () => {
    const check = await send(`${base}api/2/users/check_login?username=py-user`, "GET", {
      ...ua,
      ...bearer(),
    });
    expect(check.status).to.equal(204);
    const user = {
      tenant_id: files.customer.id,
      login: "py-user",
      contact: { email: "py-user@example.com", firstname: "First py-user", lastname: "Last py-user" },
    };
    const created = await send(`${base}api/2/users`, "POST", { ...json, ...bearer() }, JSON.stringify(user));
    expect(created.status).to.equal(200);
    files.user = created.body;
    const mail = await send(`${base}api/2/users/${files.user.id}/send-activation-email`, "POST", {
      ...json,
      ...bearer(),
    });
    expect(mail.status).to.equal(204);
    const role = {
      items: [
        {
          id: "00000000-0000-0000-0000-000000000000",
          issuer_id: "00000000-0000-0000-0000-000000000000",
          role_id: "backup_user",
          tenant_id: files.customer.id,
          trustee_id: files.user.id,
          trustee_type: "user",
          version: 0,
        },
      ],
    };
    const put = await send(
      `${base}api/2/users/${files.user.id}/access_policies`,
      "PUT",
      { ...json, ...bearer() },
      JSON.stringify(role),
    );
    expect(put.status).to.equal(200);
  });

  it("PYEX users/ipmpersonate_user_call_me.py: ott, ott/login in a session, /users/me by cookie, logout", async () => {
    const ott = await send(
      `${base}api/2/idp/ott`,
      "POST",
      { ...json, ...bearer() },
      JSON.stringify({ purpose: "user_login", login: files.user.login }),
    );
    expect(ott.status).to.equal(200);
    const login = await send(
      `${base}api/2/idp/ott/login`,
      "POST",
      { ...json, ...bearer() },
      JSON.stringify(ott.body),
    );
    expect(login.status).to.equal(200);
    const session = { ...ua, Cookie: login.cookie! };
    const me = await send(`${base}api/2/users/me`, "GET", session);
    expect(me.status).to.equal(200);
    expect(me.body.login).to.equal("py-user");
    expect((await send(`${base}api/2/idp/logout`, "GET", session)).status).to.be.within(200, 299);
  });

  it("PYEX authorization/issue_access_customer_scoped_token_for_bc.py, then a call with the scoped token", async () => {
    const params = {
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion: files.token.access_token,
      scope: `urn:acronis.com:tenant-id:${files.customer.id}`,
    };
    const scoped = await send(`${base}api/2/idp/token`, "POST", { ...formType, ...bearer() }, form(params));
    expect(scoped.status).to.equal(200);
    const usage = await send(`${base}api/2/tenants/${files.customer.id}/usages`, "GET", {
      ...ua,
      ...bearer(scoped.body.access_token),
    });
    expect(usage.status).to.equal(200);
  });

  it("PYEX tenants/disable_all_applications_for_customer.py", async () => {
    const apps = await send(`${base}api/2/applications`, "GET", { ...ua, ...bearer() });
    const platform = apps.body.items.filter((a: { type: string }) => a.type === "platform");
    expect(platform).to.have.length(1);
    const bound = await send(`${base}api/2/tenants/${files.customer.id}/applications`, "GET", {
      ...ua,
      ...bearer(),
    });
    expect(bound.body.items).to.include(BACKUP_APP);
    for (const id of bound.body.items.filter((a: string) => a !== platform[0].id)) {
      const answer = await send(
        `${base}api/2/applications/${id}/bindings/tenants/${files.customer.id}`,
        "DELETE",
        { ...ua, ...bearer() },
      );
      expect(answer.status).to.equal(204);
    }
    expect(
      (await send(`${base}api/2/tenants/${files.customer.id}/applications`, "GET", bearer())).body.items,
    ).to.deep.equal([PLATFORM_APP]);
  });

  it("PYSAMP client.py with the password grant (scope offline_access, no client auth), then /users/me", async () => {
    const token = await send(
      `${c.origin}/api/2/idp/token`,
      "POST",
      { "Content-Type": "application/x-www-form-urlencoded" },
      form({
        grant_type: "password",
        scope: "offline_access",
        username: "partner.admin",
        password: PASSWORD,
      }),
    );
    expect(token.status).to.equal(200);
    const me = await send(`${c.origin}/api/2/users/me`, "GET", {
      Authorization: `Bearer ${token.body.access_token}`,
    });
    expect(me.body.tenant_id).to.equal(SEED_PARTNER_ID);
    files.userToken = token.body;
  });

  it("PYSAMP how_to_collect_usages.py and how_to_search_for_a_tenant_by_name.py", async () => {
    const auth = { Authorization: `Bearer ${files.token.access_token}` };
    const usages = await send(`${c.origin}/api/2/tenants/usages?tenants=${files.customer.id}`, "GET", auth);
    expect(usages.body.items[0].tenant).to.equal(files.customer.id);
    const query = new URLSearchParams({ tenant: SEED_PARTNER_ID, text: "Python Customer", limit: "10" });
    const found = await send(`${c.origin}/api/2/search?${query}`, "GET", auth);
    const tenants = found.body.items.filter(
      (i: { obj_type: string; name: string }) =>
        i.obj_type === "tenant" && i.name.includes("Python Customer"),
    );
    expect(tenants.map((t: { id: string }) => t.id)).to.deep.equal([files.customer.id]);
  });

  it("WHMCS: a password-grant token of the partner administrator asks for an `agent` client: refused", async () => {
    const created = await send(
      `${c.origin}/api/2/clients`,
      "POST",
      {
        Accept: "application/json",
        "Content-Type": "application/json",
        Authorization: `Bearer ${files.userToken.access_token}`,
      },
      JSON.stringify({
        type: "agent",
        tenant_id: SEED_PARTNER_ID,
        token_endpoint_auth_method: "client_secret_basic",
      }),
    );
    // WHMCS sends type `agent`; the OAS clientPost type is api_client or managed_client only.
    expect(created.status).to.equal(400);
    expect(created.body.error.details.info).to.include(
      "body/type: must be equal to one of the allowed values",
    );
  });
});
