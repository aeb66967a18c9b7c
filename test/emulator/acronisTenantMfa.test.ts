import { expect } from "chai";
import { AcronisTestClient } from "./acronisHelpers";

describe("Acronis emulator: tenants' two-factor authentication", () => {
  let c: AcronisTestClient;
  before(async () => {
    c = await AcronisTestClient.start();
  });
  after(() => c.close());
  beforeEach(async () => {
    await c.reset();
    await c.login();
  });

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
    const text = await c.api("PUT", `/tenants/${id}/mfa/status`, { body: { enabled: "true" } });
    expect(text.status).to.equal(400);
    const on = await c.api("PUT", `/tenants/${id}/mfa/status`, { body: { enabled: true } });
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
