import { expect } from "chai";
import { AcronisTestClient, SEED_PARTNER_ID } from "./acronisHelpers";
import { basic, form, PASSWORD, send, userWithPassword } from "./acronisSignInHelpers";

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

describe("Acronis emulator: sign-in flows", () => {
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

  const passwordGrant = (username: string, password: string, extra: Record<string, string> = {}) =>
    send(
      `${c.info.baseUrl}/idp/token`,
      "POST",
      { "Content-Type": "application/x-www-form-urlencoded" },
      form({ grant_type: "password", username, password, ...extra }),
    );
  const me = (authorization: string) =>
    send(`${c.info.baseUrl}/users/me`, "GET", { Authorization: authorization });

  describe("a user's password", () => {
    it("gives a token by the password grant; GET /users/me names the user, tenant and pricing", async () => {
      const id = await userWithPassword(c, customer, "ann.admin", "company_admin");
      const token = await passwordGrant("Ann.Admin", PASSWORD, { scope: "offline_access" });
      expect(token.status).to.equal(200);
      expect(token.body).to.include({ token_type: "bearer" });
      expect(token.body.refresh_token).to.be.a("string");
      const answer = await me(`Bearer ${token.body.access_token}`);
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.include({
        id,
        login: "ann.admin",
        tenant_id: customer,
        tenant_kind: "customer",
        tenant_pricing_model: "trial",
        activated: true,
      });
      const refreshed = await send(
        `${c.info.baseUrl}/idp/token`,
        "POST",
        { "Content-Type": "application/x-www-form-urlencoded" },
        form({ grant_type: "refresh_token", refresh_token: token.body.refresh_token }),
      );
      expect(refreshed.status).to.equal(200);
      expect((await me(`Bearer ${refreshed.body.access_token}`)).body.id).to.equal(id);
    });

    it("accepts the user's Basic credentials on API calls", async () => {
      await userWithPassword(c, customer, "ann.admin", "company_admin");
      expect((await me(basic("ann.admin", PASSWORD))).status).to.equal(200);
      const tenant = await send(`${c.info.baseUrl}/tenants/${customer}`, "GET", {
        Authorization: basic("ann.admin", PASSWORD),
      });
      expect(tenant.status).to.equal(200);
      expect((await me(basic("ann.admin", "wrong"))).status).to.equal(401);
    });

    it("refuses wrong passwords, accounts without one, disabled accounts, and two-factor tenants", async () => {
      const id = await userWithPassword(c, customer, "ann.admin", "company_admin");
      expect((await passwordGrant("ann.admin", "wrong")).body.error).to.equal("access_denied");
      await c.createUser(customer, "no-password");
      expect((await passwordGrant("no-password", "")).status).to.equal(400);
      expect((await passwordGrant("no-password", "x")).status).to.equal(401);
      const user = (await c.api("GET", `/users/${id}`)).body;
      await c.api("PUT", `/users/${id}`, { body: { enabled: false, version: user.version } });
      expect((await passwordGrant("ann.admin", PASSWORD)).status).to.equal(401);
      await c.api("PUT", `/users/${id}`, { body: { enabled: true, version: user.version + 1 } });
      await c.api("PUT", `/tenants/${customer}/mfa/status`, { body: { enabled: true } });
      const totp = await passwordGrant("ann.admin", PASSWORD);
      expect(totp.status).to.equal(401);
      expect(totp.body.error).to.equal("totp_setup_required");
    });

    it("lets a user without an administrator role call /users/me only", async () => {
      await userWithPassword(c, customer, "plain.user", undefined);
      const token = (await passwordGrant("plain.user", PASSWORD)).body.access_token;
      expect((await me(`Bearer ${token}`)).status).to.equal(200);
      const tenant = await send(`${c.info.baseUrl}/tenants/${customer}`, "GET", {
        Authorization: `Bearer ${token}`,
      });
      expect(tenant.status).to.equal(403);
    });

    it("answers /users/me 403 for API clients", async () => {
      expect((await me(`Bearer ${c.token}`)).status).to.equal(403);
    });

    it("activates through the activation e-mail's link, which works once", async () => {
      const user = await c.createUser(customer, "invited");
      await c.api("POST", `/users/${user.body.id}/send-activation-email`);
      const mail = (await c.control("GET", "/emails")).body.items[0];
      expect(mail.activationToken).to.be.a("string");
      const activate = { token: mail.activationToken, password: PASSWORD };
      expect((await c.control("POST", "/activate", activate)).status).to.equal(204);
      expect((await c.api("GET", `/users/${user.body.id}`)).body.activated).to.equal(true);
      expect((await passwordGrant("invited", PASSWORD)).status).to.equal(200);
      expect((await c.control("POST", "/activate", activate)).status).to.equal(400);
    });
  });

  describe("one-time tokens", () => {
    const ott = (body: unknown, token = c.token) =>
      send(
        `${c.info.baseUrl}/idp/ott`,
        "POST",
        { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        JSON.stringify(body),
      );
    const ottLogin = (text: string) =>
      send(`${c.info.baseUrl}/idp/ott/login`, "POST", { "Content-Type": "application/json" }, text);

    it("signs in as the user once, by a session cookie that ends with logout", async () => {
      const user = (await c.createUser(customer, "bob")).body;
      const issued = await ott({ purpose: "user_login", login: "bob" });
      expect(issued.status).to.equal(200);
      expect(issued.body.ott).to.be.a("string");
      const login = await ottLogin(JSON.stringify(issued.body));
      expect(login.status).to.equal(200);
      expect(login.body.id).to.equal(user.id);
      expect(login.cookie).to.match(/^AccountServerSession=/);
      const answer = await send(`${c.info.baseUrl}/users/me`, "GET", { Cookie: login.cookie! });
      expect(answer.body.login).to.equal("bob");
      expect((await ottLogin(JSON.stringify(issued.body))).status).to.equal(401);
      expect((await send(`${c.info.baseUrl}/idp/logout`, "GET", { Cookie: login.cookie! })).status).to.equal(
        200,
      );
      expect((await send(`${c.info.baseUrl}/users/me`, "GET", { Cookie: login.cookie! })).status).to.equal(
        401,
      );
    });

    it("finds the user by user_id or external_id; refuses users, other purposes, and closed sub-tenants", async () => {
      const user = (await c.createUser(customer, "bob")).body;
      expect((await ott({ purpose: "user_login", user_id: user.id })).status).to.equal(200);
      expect((await ott({ purpose: "verify", login: "bob" })).status).to.equal(400);
      expect((await ott({ purpose: "user_login", login: "bob", user_id: user.id })).status).to.equal(400);
      expect((await ott({ purpose: "user_login", login: "nobody" })).status).to.equal(404);
      await userWithPassword(c, SEED_PARTNER_ID, "partner.admin", "partner_admin");
      const asUser = await ott({ purpose: "user_login", login: "bob" }, "");
      expect(asUser.status).to.equal(401);
      const userToken = (
        await c.requestToken(
          "",
          form({ grant_type: "password", username: "partner.admin", password: PASSWORD }),
        )
      ).body.access_token;
      expect((await ott({ purpose: "user_login", login: "bob" }, userToken)).status).to.equal(403);
      const tenant = (await c.api("GET", `/tenants/${customer}`)).body;
      await c.api("PUT", `/tenants/${customer}`, {
        body: { ancestral_access: false, version: tenant.version },
      });
      expect((await ott({ purpose: "user_login", login: "bob" })).status).to.equal(403);
    });

    it("expires after ottTtlSeconds", async () => {
      await c.createUser(customer, "bob");
      await c.control("POST", "/config", { ottTtlSeconds: 1 });
      const issued = await ott({ purpose: "user_login", login: "bob" });
      await new Promise((r) => setTimeout(r, 1100));
      expect((await ottLogin(JSON.stringify(issued.body))).status).to.equal(401);
    });
  });

  describe("customer-scoped tokens (JWT bearer)", () => {
    const scoped = (assertion: string, scope: string, headers: Record<string, string> = {}) =>
      send(
        `${c.info.baseUrl}/idp/token`,
        "POST",
        { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        form({ grant_type: JWT_BEARER, assertion, scope }),
      );

    it("narrows a client's token to one customer, expiring with it", async () => {
      const base = await c.requestToken();
      const answer = await scoped(base.body.access_token, `urn:acronis.com:tenant-id:${customer}`, {
        Authorization: `Bearer ${base.body.access_token}`,
      });
      expect(answer.status).to.equal(200);
      expect(answer.body.expires_on).to.equal(base.body.expires_on);
      const auth = { Authorization: `Bearer ${answer.body.access_token}` };
      expect((await send(`${c.info.baseUrl}/tenants/${customer}`, "GET", auth)).status).to.equal(200);
      expect((await send(`${c.info.baseUrl}/tenants/${SEED_PARTNER_ID}`, "GET", auth)).status).to.equal(403);
    });

    it("refuses a bad assertion, a scope that is no customer in reach, and a closed customer", async () => {
      expect((await scoped("nope", `urn:acronis.com:tenant-id:${customer}`)).body.error).to.equal(
        "invalid_grant",
      );
      expect((await scoped(c.token, `urn:acronis.com:tenant-id:${SEED_PARTNER_ID}`)).body.error).to.equal(
        "invalid_scope",
      );
      expect((await scoped(c.token, "openid")).body.error).to.equal("invalid_scope");
      const tenant = (await c.api("GET", `/tenants/${customer}`)).body;
      await c.api("PUT", `/tenants/${customer}`, {
        body: { ancestral_access: false, version: tenant.version },
      });
      expect((await scoped(c.token, `urn:acronis.com:tenant-id:${customer}`)).status).to.equal(403);
    });
  });
});
