import { expect } from "chai";
import { HcpNamespaceProvider } from "../../provider/hcp/resources/hcpNamespace";
import { HcpHarness, ok, type Props } from "./hcpHarness";

describe("HcpNamespace provider against the emulator", function () {
  this.timeout(30_000);
  let hcp: HcpHarness;
  let namespaces: HcpNamespaceProvider;

  before(async () => {
    hcp = await HcpHarness.start();
    namespaces = await hcp.configured(new HcpNamespaceProvider());
  });
  after(() => hcp.close());

  /** A tenant with an ADMINISTRATOR account, and namespace inputs that sign in with it. */
  async function setting(extra: Props = {}, roles = ["ADMINISTRATOR"]) {
    const tenant = await hcp.tenant();
    const admin = await hcp.account(tenant, "nsadmin", roles);
    const inputs: Props = { tenant, ...admin, name: "invoices", hardQuota: "20 GB", ...extra };
    expect((await namespaces.check({} as never, inputs as never)).failures).to.deep.equal([]);
    return { tenant, admin, inputs };
  }

  const mapi = (tenant: string, method: string, path: string, json?: unknown) =>
    hcp.as(tenant, "nsadmin", "pass1234", method, `/mapi/tenants/${tenant}/namespaces${path}`, json);

  it("creates, reads back the same shape, updates in place, renames keeping the id, and deletes", async () => {
    const { tenant, inputs: base } = await setting();
    const inputs = {
      ...base,
      description: "Invoices",
      softQuota: 80,
      hashScheme: "SHA-512",
      tags: ["finance"],
      searchEnabled: true,
      indexingEnabled: true,
      versioning: { enabled: true, prune: true, pruneDays: 30 },
    };
    const created = await namespaces.create(inputs as never);
    const outs = created.outs as Props;
    expect(created.id).to.match(/^[0-9a-f-]{36}$/);
    expect(outs).to.deep.include({
      ...inputs,
      hardQuota: "20.00 GB",
      namespaceId: created.id,
      fullyQualifiedName: `invoices.${tenant}.hcp.example.com`,
    });
    const read = await namespaces.read(created.id, outs as never);
    expect(read.props).to.deep.equal(outs);
    expect((await namespaces.diff(created.id, read.props as never, inputs as never)).changes).to.equal(false);

    const changed = {
      ...inputs,
      name: "bills",
      description: "Bills",
      hardQuota: "30 GB",
      tags: ["finance", "2025"],
      versioning: { enabled: true, prune: false },
      retentionMode: "compliance",
    };
    expect(await namespaces.diff(created.id, outs as never, changed as never)).to.deep.include({
      replaces: [],
    });
    const updated = (await namespaces.update(created.id, outs as never, changed as never)).outs as Props;
    expect(updated).to.deep.include({
      name: "bills",
      namespaceId: created.id,
      description: "Bills",
      hardQuota: "30.00 GB",
      versioning: { enabled: true, prune: false },
      retentionMode: "compliance",
    });
    expect(updated.tags).to.have.members(["finance", "2025"]);
    expect(ok(await mapi(tenant, "GET", "/bills"))).to.include({
      description: "Bills",
      enterpriseMode: false,
    });

    // Without deletionPolicy in state, removal only forgets the namespace.
    const writes = hcp.logLength();
    await namespaces.delete(created.id, updated as never);
    expect(hcp.writesSince(writes)).to.deep.equal([]);
    expect((await mapi(tenant, "GET", "/bills")).status).to.equal(200);
    await namespaces.delete(created.id, { ...updated, deletionPolicy: "delete" } as never);
    expect((await mapi(tenant, "GET", "/bills")).status).to.equal(404);
    expect(await namespaces.read(created.id, updated as never)).to.deep.equal({});
  });

  it("shows drift made through MAPI, a console rename among it, and repairs it", async () => {
    const { tenant, inputs: base } = await setting();
    const inputs = { ...base, softQuota: 85, tags: ["a"] };
    const { id, outs } = await namespaces.create(inputs as never);
    ok(
      await mapi(tenant, "POST", "/invoices", { name: "renamed", softQuota: 60, tags: { tag: ["a", "b"] } }),
    );
    const read = await namespaces.read(id, outs as never);
    expect(read.id).to.equal(id);
    expect(read.inputs).to.deep.include({ name: "renamed", softQuota: 60, tags: ["a", "b"] });
    expect(await namespaces.diff(id, read.props as never, inputs as never)).to.deep.include({
      changes: true,
      replaces: [],
    });
    const repaired = (await namespaces.update(id, read.props as never, inputs as never)).outs as Props;
    expect(repaired).to.deep.include({ name: "invoices", softQuota: 85, tags: ["a"] });
    await namespaces.delete(id, { ...repaired, deletionPolicy: "delete" } as never);
  });

  it("plans a replacement, old one first, for a new hash scheme or tenant; never for a rename or a case change", async () => {
    const { inputs } = await setting({ hashScheme: "SHA-256" });
    const { id, outs } = await namespaces.create(inputs as never);
    const diff = (changes: Props) => namespaces.diff(id, outs as never, { ...inputs, ...changes } as never);
    expect(await diff({ hashScheme: "SHA-512" })).to.deep.include({
      replaces: ["hashScheme"],
      deleteBeforeReplace: true,
    });
    expect(await diff({ tenant: "elsewhere" })).to.deep.include({
      replaces: ["tenant"],
      deleteBeforeReplace: true,
    });
    expect(await diff({ name: "other" })).to.deep.include({ changes: true, replaces: [] });
    expect((await diff({ name: "INVOICES", tenant: String(inputs.tenant).toUpperCase() })).changes).to.equal(
      false,
    );
    await namespaces.delete(id, { ...outs, deletionPolicy: "delete" } as never);
  });

  it("refuses to delete a namespace that holds objects, naming the count; retain only forgets it", async () => {
    const { tenant, inputs } = await setting();
    const { id, outs } = await namespaces.create(inputs as never);
    await hcp.api.control("POST", `/_emulator/namespaces/${tenant}/invoices/objects`, { count: 4 });
    const refused = await namespaces
      .delete(id, { ...outs, deletionPolicy: "delete" } as never)
      .catch((e: Error) => e);
    expect(String(refused)).to.match(/holds 4 object\(s\).*nothing was deleted.*deletionPolicy to "retain"/);
    expect(ok(await mapi(tenant, "GET", "/invoices"))).to.include({ name: "invoices" });
    await namespaces.delete(id, { ...outs, deletionPolicy: "retain" } as never);
    expect(ok(await mapi(tenant, "GET", "/invoices"))).to.include({ name: "invoices" });
  });

  it("adopts a namespace made through MAPI with no write, and then writes only the differences", async () => {
    const { tenant, inputs } = await setting({ adopt: true, softQuota: 70, tags: ["kept"] });
    ok(
      await mapi(tenant, "PUT", "", {
        name: "invoices",
        hardQuota: "20 GB",
        softQuota: 70,
        tags: { tag: ["kept"] },
      }),
    );
    const before = hcp.logLength();
    const adopted = await namespaces.create(inputs as never);
    expect(hcp.writesSince(before)).to.deep.equal([]);
    expect(adopted.outs).to.deep.include({ softQuota: 70, tags: ["kept"], hardQuota: "20.00 GB" });
    ok(await mapi(tenant, "POST", "/invoices", { softQuota: 50 }));
    const again = hcp.logLength();
    const second = await namespaces.create({ ...inputs, name: "INVOICES" } as never);
    expect(hcp.writesSince(again)).to.deep.equal([`POST /mapi/tenants/${tenant}/namespaces/invoices`]);
    expect(second.outs).to.deep.include({ softQuota: 70 });
    const refused = await namespaces.create({ ...inputs, hashScheme: "MD5" } as never).catch((e: Error) => e);
    expect(String(refused)).to.match(/exists with hashScheme SHA-256, which HCP cannot change/);
  });

  it("refuses a taken name without adopt, saying how to adopt; takes back its own lost create by its mark", async () => {
    const { tenant, inputs } = await setting();
    ok(await mapi(tenant, "PUT", "", { name: "invoices", hardQuota: "1 GB" }));
    const refused = await namespaces.create(inputs as never).catch((e: Error) => e);
    expect(String(refused)).to.match(/already exists in tenant.*adopt: true/);
    const owner = { __owner: "proj/stack" };
    ok(
      await mapi(tenant, "PUT", "", {
        name: "lost",
        hardQuota: "1 GB",
        tags: { tag: ["tenant-estates:proj/stack"] },
      }),
    );
    const taken = await namespaces.create({ ...inputs, name: "lost", ...owner } as never);
    expect(taken.outs).to.include({ name: "lost", hardQuota: "20.00 GB" });
    const other = await namespaces
      .create({ ...inputs, name: "lost", adopt: true, __owner: "proj/other" } as never)
      .catch((e: Error) => e);
    expect(String(other)).to.match(/created by stack proj\/stack/);
  });

  it("marks what it creates with the stack's tag, never shown as a tag", async () => {
    const { tenant, inputs } = await setting({ tags: ["x"] });
    const { outs } = await namespaces.create({ ...inputs, __owner: "proj/stack" } as never);
    expect((outs as Props).tags).to.deep.equal(["x"]);
    const held = ok(await mapi(tenant, "GET", "/invoices"));
    expect((held.tags as { tag: string[] }).tag).to.have.members(["x", "tenant-estates:proj/stack"]);
  });

  it("sets the default retention with an account that also has COMPLIANCE, and says which role is missing", async () => {
    const { inputs } = await setting({ defaultRetention: "A+7y" }, ["ADMINISTRATOR", "COMPLIANCE"]);
    const { id, outs } = await namespaces.create(inputs as never);
    expect(outs).to.include({ defaultRetention: "A+7y" });
    expect((await namespaces.read(id, outs as never)).props).to.include({ defaultRetention: "A+7y" });
    const { inputs: noCompliance } = await setting({ defaultRetention: "A+1y" });
    const failed = await namespaces.create(noCompliance as never).catch((e: Error) => e);
    expect(String(failed)).to.match(/COMPLIANCE/);
  });

  it("says what the system-level account needs when no tenant account is given", async () => {
    const tenant = await hcp.tenant();
    const failed = await namespaces.create({ tenant, name: "x" } as never).catch((e: Error) => e);
    expect(String(failed)).to.match(/allows administration by system-level accounts/);
  });

  it("reads a namespace of a deleted tenant as gone", async () => {
    const { tenant, inputs } = await setting();
    const { id, outs } = await namespaces.create(inputs as never);
    await namespaces.delete(id, { ...outs, deletionPolicy: "delete" } as never);
    ok(await hcp.api.admin("DELETE", `/mapi/tenants/${tenant}`));
    expect(await namespaces.read(id, outs as never)).to.deep.equal({});
  });
});
