import { expect } from "chai";
import { HcpUserAccountProvider } from "../../provider/hcp/resources/hcpUserAccount";
import { HcpHarness, ok, type Props, SECURITY_PASSWORD } from "./hcpHarness";

const PASSWORD = "Blue-Sky-42";

describe("HcpUserAccount provider against the emulator", function () {
  this.timeout(30_000);
  let hcp: HcpHarness;
  let accounts: HcpUserAccountProvider;

  before(async () => {
    hcp = await HcpHarness.start();
    accounts = await hcp.configured(new HcpUserAccountProvider());
  });
  after(() => hcp.close());

  /** A tenant, and account inputs that sign in as its initial SECURITY user. */
  async function setting(extra: Props = {}) {
    const tenant = await hcp.tenant();
    const inputs: Props = {
      tenant,
      signInUsername: "security",
      signInPassword: SECURITY_PASSWORD,
      username: "jdoe",
      fullName: "Jane Doe",
      password: PASSWORD,
      ...extra,
    };
    expect((await accounts.check({} as never, inputs as never)).failures).to.deep.equal([]);
    return { tenant, inputs };
  }

  const asSecurity = (tenant: string, method: string, path: string, json?: unknown) =>
    hcp.as(
      tenant,
      "security",
      SECURITY_PASSWORD,
      method,
      `/mapi/tenants/${tenant}/userAccounts${path}`,
      json,
    );

  it("creates an account that signs in with its password, kept only under its own (secret) key; updates, renames and deletes", async () => {
    const { tenant, inputs: base } = await setting();
    const inputs = { ...base, description: "AP", roles: ["monitor", "ADMINISTRATOR"], enabled: true };
    const created = await accounts.create(inputs as never);
    const outs = created.outs as Props;
    expect(created.id).to.match(/^[0-9a-f-]{36}$/);
    expect(outs).to.deep.include({ ...inputs, roles: outs.roles, userGuid: created.id });
    expect(outs.roles).to.have.members(["MONITOR", "ADMINISTRATOR"]);
    // The SDK stores `password` as a secret; it is nowhere else.
    const { password: _secret, ...others } = outs;
    expect(JSON.stringify(others)).to.not.include(PASSWORD);
    ok(await hcp.as(tenant, "jdoe", PASSWORD, "GET", `/mapi/tenants/${tenant}/namespaces`));
    expect(JSON.stringify(hcp.log.list("hcp"))).to.not.include(PASSWORD);

    const read = await accounts.read(created.id, outs as never);
    expect(read.props).to.deep.equal(outs);
    expect(read.inputs).to.include({ password: PASSWORD });
    expect((await accounts.diff(created.id, read.props as never, inputs as never)).changes).to.equal(false);
    const newPassword = { ...inputs, password: "Other-Pass-1", forcePasswordChange: true };
    expect((await accounts.diff(created.id, outs as never, newPassword as never)).changes).to.equal(false);

    const changed = { ...inputs, username: "jroe", fullName: "Jane Roe", roles: ["MONITOR"], enabled: false };
    expect(await accounts.diff(created.id, outs as never, changed as never)).to.deep.include({
      replaces: [],
    });
    const updated = (await accounts.update(created.id, outs as never, changed as never)).outs as Props;
    expect(updated).to.deep.include({
      username: "jroe",
      fullName: "Jane Roe",
      roles: ["MONITOR"],
      enabled: false,
    });
    expect(updated.userGuid).to.equal(created.id);

    await accounts.delete(created.id, { ...updated, deletionPolicy: "delete" } as never);
    expect((await asSecurity(tenant, "GET", "/jroe")).status).to.equal(404);
    expect(await accounts.read(created.id, updated as never)).to.deep.equal({});
  });

  it("shows drift made through MAPI, a console rename among it, and repairs it", async () => {
    const { tenant, inputs: base } = await setting();
    const inputs = { ...base, roles: ["MONITOR"], description: "a" };
    const { id, outs } = await accounts.create(inputs as never);
    ok(
      await asSecurity(tenant, "POST", "/jdoe", {
        username: "janed",
        roles: { role: ["SECURITY"] },
        description: "b",
      }),
    );
    const read = await accounts.read(id, outs as never);
    expect(read.inputs).to.deep.include({ username: "janed", roles: ["SECURITY"], description: "b" });
    expect(read.inputs).to.include({ password: PASSWORD });
    expect((await accounts.diff(id, read.props as never, inputs as never)).changes).to.equal(true);
    const repaired = (await accounts.update(id, read.props as never, inputs as never)).outs as Props;
    expect(repaired).to.deep.include({ username: "jdoe", roles: ["MONITOR"], description: "a" });
    await accounts.delete(id, { ...repaired, deletionPolicy: "delete" } as never);
  });

  it("replaces the account, old one first, for a change of authentication; never for a case change", async () => {
    const { inputs } = await setting();
    const { id, outs } = await accounts.create(inputs as never);
    const diff = (changes: Props) => accounts.diff(id, outs as never, { ...inputs, ...changes } as never);
    expect(await diff({ localAuthentication: false })).to.deep.include({
      replaces: ["localAuthentication"],
      deleteBeforeReplace: true,
    });
    expect(await diff({ tenant: "elsewhere" })).to.deep.include({ replaces: ["tenant"] });
    expect((await diff({ username: "JDOE" })).changes).to.equal(false);
    await accounts.delete(id, { ...outs, deletionPolicy: "delete" } as never);
  });

  it("adopts an account made through MAPI with no write, then writes only the differences", async () => {
    const { tenant, inputs } = await setting({ adopt: true, roles: ["MONITOR"] });
    const body = {
      username: "jdoe",
      fullName: "Jane Doe",
      localAuthentication: true,
      forcePasswordChange: false,
    };
    ok(
      await asSecurity(tenant, "PUT", `?password=Made-By-Hand-1`, {
        ...body,
        enabled: true,
        roles: { role: ["MONITOR"] },
      }),
    );
    const before = hcp.logLength();
    const adopted = await accounts.create(inputs as never);
    expect(hcp.writesSince(before)).to.deep.equal([]);
    expect(adopted.outs).to.deep.include({ username: "jdoe", roles: ["MONITOR"] });
    const again = hcp.logLength();
    await accounts.create({ ...inputs, fullName: "J. Doe" } as never);
    expect(hcp.writesSince(again)).to.deep.equal([`POST /mapi/tenants/${tenant}/userAccounts/jdoe`]);
    const radius = await accounts
      .create({ ...inputs, localAuthentication: false } as never)
      .catch((e: Error) => e);
    expect(String(radius)).to.match(/exists with localAuthentication true, which HCP cannot change/);
  });

  it("refuses a taken username without adopt, saying how to adopt", async () => {
    const { inputs } = await setting({ username: "security" });
    const refused = await accounts.create(inputs as never).catch((e: Error) => e);
    expect(String(refused)).to.match(/already exists in tenant.*adopt: true/);
  });

  it("passes HCP's refusal of a password on, without the password", async () => {
    const { tenant, inputs } = await setting();
    ok(
      await hcp.as(tenant, "security", SECURITY_PASSWORD, "POST", `/mapi/tenants/${tenant}/consoleSecurity`, {
        minimumPasswordLength: 20,
      }),
    );
    const refused = await accounts.create(inputs as never).catch((e: Error) => e);
    expect(String(refused)).to.match(/HTTP 400.*20-64 characters/);
    expect(String(refused)).to.not.include(PASSWORD);
  });

  it("makes a RADIUS account without a password", async () => {
    const { tenant, inputs } = await setting({ localAuthentication: false, password: undefined });
    const { id, outs } = await accounts.create(inputs as never);
    expect(outs).to.include({ localAuthentication: false });
    expect(ok(await asSecurity(tenant, "GET", "/jdoe?verbose=true"))).to.include({
      localAuthentication: false,
    });
    await accounts.delete(id, { ...outs, deletionPolicy: "delete" } as never);
  });

  it("forgets the account without a policy in state, disables it with `disable` (one POST), deletes it with `delete`", async () => {
    const { tenant, inputs } = await setting();
    const { id, outs } = await accounts.create(inputs as never);
    const before = hcp.logLength();
    await accounts.delete(id, outs as never);
    await accounts.delete(id, { ...outs, deletionPolicy: "retain" } as never);
    expect(hcp.writesSince(before)).to.deep.equal([]);
    expect(ok(await asSecurity(tenant, "GET", "/jdoe"))).to.include({ enabled: true });
    await accounts.delete(id, { ...outs, deletionPolicy: "disable" } as never);
    expect(hcp.writesSince(before)).to.deep.equal([`POST /mapi/tenants/${tenant}/userAccounts/jdoe`]);
    expect(ok(await asSecurity(tenant, "GET", "/jdoe"))).to.include({ enabled: false });
    // An account already disabled is left as it is.
    await accounts.delete(id, { ...outs, deletionPolicy: "disable" } as never);
    expect(hcp.writesSince(before)).to.have.length(1);
    await accounts.delete(id, { ...outs, deletionPolicy: "delete" } as never);
    expect((await asSecurity(tenant, "GET", "/jdoe")).status).to.equal(404);
  });

  it("explains why HCP keeps the last SECURITY account", async () => {
    const { tenant, inputs } = await setting({ username: "security", adopt: true, password: undefined });
    const { id, outs } = await accounts.create(inputs as never);
    const refused = await accounts
      .delete(id, { ...outs, deletionPolicy: "delete" } as never)
      .catch((e: Error) => e);
    expect(String(refused)).to.match(/last enabled, locally authenticated account with the SECURITY role/);
    expect((await asSecurity(tenant, "GET", "/security")).status).to.equal(200);
  });
});
