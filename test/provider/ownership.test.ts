import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { CustomerTenantProvider } from "../../provider/acronis/resources/customerTenant";
import { UserProvider } from "../../provider/acronis/resources/user";
import { NameConflictError, OwnershipError } from "../../provider/core/errors";
import { HcpTenantProvider } from "../../provider/hcp/resources/hcpTenant";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import { HcpApi } from "../support/hcpApi";
import { acronisStackConfig, configureRequest, hcpStackConfig } from "../support/stackConfig";

// What the SDK passes as `__owner`: the stack a resource is declared in.
const thisStack = { __owner: "estate/prod" };
const otherStack = { __owner: "estate/staging" };

describe("ownership marks: a stack takes back its own lost creates, and never another stack's objects", function () {
  this.timeout(30_000);
  let emulators: RunningEmulators;
  let acronis: AcronisApi;
  let hcp: HcpApi;
  const tenants = new CustomerTenantProvider();
  const users = new UserProvider();
  const hcpTenants = new HcpTenantProvider();
  const writeCount = async () => {
    const writes = await apiWrites(emulators);
    return writes.acronis.length + writes.hcp.length;
  };

  before(async () => {
    emulators = await startEmulators();
    acronis = new AcronisApi(emulators.acronis);
    hcp = new HcpApi(emulators.hcp);
    for (const provider of [tenants, users]) {
      await provider.configure(configureRequest(acronisStackConfig(emulators.acronis)));
    }
    await hcpTenants.configure(configureRequest(hcpStackConfig(emulators.hcp)));
  });

  after(async () => emulators.close());

  const customer = (name: string) => ({ name, parentId: emulators.acronis.partnerTenantId });

  it("marks the customer it creates in internal_tag, and keeps a declared internalTag instead", async () => {
    const marked = await tenants.create({ ...customer("Marked Inc"), ...thisStack });
    expect((await acronis.get(`/tenants/${marked.id}`)).body.internal_tag).to.equal(
      "tenant-estates:estate/prod",
    );
    expect(marked.outs).to.not.have.property("internalTag");
    const tagged = await tenants.create({ ...customer("Tagged Inc"), internalTag: "crm-7", ...thisStack });
    expect((await acronis.get(`/tenants/${tagged.id}`)).body.internal_tag).to.equal("crm-7");
  });

  it("a create refused because its own earlier create exists takes that customer back, writing only what differs", async () => {
    const lost = await tenants.create({ ...customer("Lost Inc"), ...thisStack });
    const before = await writeCount();
    const again = await tenants.create({ ...customer("Lost Inc"), ...thisStack });
    expect(again.id).to.equal(lost.id);
    // The refused POST is the only write.
    expect((await apiWrites(emulators)).acronis.slice(before)).to.deep.equal(["POST /api/2/tenants"]);
    const disabled = await tenants.create({ ...customer("Lost Inc"), enabled: false, ...thisStack });
    expect(disabled.id).to.equal(lost.id);
    expect((await acronis.get(`/tenants/${lost.id}`)).body.enabled).to.equal(false);
  });

  it("a customer another stack created, or nobody marked, stays a name conflict without adopt", async () => {
    await tenants.create({ ...customer("Staging Inc"), ...otherStack });
    const theirs = await tenants.create({ ...customer("Staging Inc"), ...thisStack }).catch((e) => e);
    expect(theirs).to.be.instanceOf(NameConflictError);
    await acronis.post("/tenants", {
      name: "Handmade Inc",
      kind: "customer",
      parent_id: emulators.acronis.partnerTenantId,
    });
    const nobodys = await tenants.create({ ...customer("Handmade Inc"), ...thisStack }).catch((e) => e);
    expect(nobodys).to.be.instanceOf(NameConflictError);
    expect(String(nobodys.message)).to.include("adopt: true");
  });

  it("adopt never takes over a customer another stack created, and says which stack", async () => {
    await tenants.create({ ...customer("Theirs Inc"), ...otherStack });
    const before = await writeCount();
    const err = await tenants
      .create({ ...customer("Theirs Inc"), adopt: true, ...thisStack })
      .catch((e) => e);
    expect(err).to.be.instanceOf(OwnershipError);
    expect(err.message).to.equal(
      'customer tenant "Theirs Inc" exists and was created by stack estate/staging, as its ownership mark says: it is not adopted. Remove it from that stack\'s program first, or choose another name',
    );
    expect(await writeCount()).to.equal(before);
  });

  it("users: marked per login in external_id; a lost create is taken back and sent its activation e-mail", async () => {
    const tenant = await tenants.create({ ...customer("Users Inc"), ...thisStack });
    const inputs = {
      tenantId: tenant.id,
      login: "Lost-Admin",
      contact: { email: "lost@users.example" },
      sendActivationEmail: true,
      ...thisStack,
    };
    const lost = await users.create({ ...inputs, sendActivationEmail: false });
    expect((await acronis.get(`/users/${lost.id}`)).body.external_id).to.equal(
      "tenant-estates:estate/prod#lost-admin",
    );
    const before = (await apiWrites(emulators)).acronis.length;
    const again = await users.create(inputs);
    expect(again.id).to.equal(lost.id);
    expect(again.outs).to.include({ activationEmailSent: true });
    expect((await apiWrites(emulators)).acronis.slice(before)).to.deep.equal([
      `POST /api/2/users/${lost.id}/send-activation-email`,
    ]);
    const theirs = await users.create({ ...inputs, adopt: true, ...otherStack }).catch((e) => e);
    expect(theirs).to.be.instanceOf(OwnershipError);
  });

  it("a second resource of one stack never takes back the first one's user: refused naming both, with no write", async () => {
    const tenant = await tenants.create({ ...customer("Two Resources Inc"), ...thisStack });
    const inputs = { tenantId: tenant.id, contact: { email: "carol@users.example" } };
    const first = await users.create({ ...inputs, login: "carol", ...thisStack, __resourceName: "carol" });
    expect((await acronis.get(`/users/${first.id}`)).body.external_id).to.equal(
      "tenant-estates:estate/prod@carol",
    );
    const before = await writeCount();
    const second = { ...inputs, login: "Carol", ...thisStack, __resourceName: "carol-admin" };
    const refused = await users.create(second).catch((e) => e);
    expect(refused).to.be.instanceOf(OwnershipError);
    expect(refused.message).to.equal(
      'user "Carol" exists and is managed by resource "carol" of this stack (stack estate/prod), as its ownership mark says: ' +
        'it is not adopted. One object has one resource: remove one of the two declarations ("carol-admin" or the other)',
    );
    const adopting = await users.create({ ...second, adopt: true }).catch((e) => e);
    expect(adopting).to.be.instanceOf(OwnershipError);
    expect(await writeCount()).to.equal(before);
    // The same resource takes its own lost create back.
    expect(
      (await users.create({ ...inputs, login: "carol", ...thisStack, __resourceName: "carol" })).id,
    ).to.equal(first.id);
  });

  it("HCP tenants: marked by a tag never shown as one of theirs; a lost create is taken back", async () => {
    const inputs = {
      name: "marked",
      hardQuota: "10 GB",
      tags: ["gold"],
      initialUserName: "sec",
      initialUserPassword: "start123",
    };
    const made = await hcpTenants.create({ ...inputs, ...thisStack });
    const held = JSON.parse((await hcp.admin("GET", "/mapi/tenants/marked")).body).tags.tag;
    expect(held.sort()).to.deep.equal(["gold", "tenant-estates:estate/prod"]);
    expect((made.outs as { tags: string[] }).tags).to.deep.equal(["gold"]);
    const again = await hcpTenants.create({ ...inputs, ...thisStack });
    expect(again.id).to.equal("marked");
    const theirs = await hcpTenants.create({ ...inputs, ...otherStack }).catch((e) => e);
    expect(theirs).to.be.instanceOf(NameConflictError);
    const adoptTheirs = await hcpTenants.create({ ...inputs, adopt: true, ...otherStack }).catch((e) => e);
    expect(adoptTheirs).to.be.instanceOf(OwnershipError);
    // A change of the tags keeps the mark.
    await hcpTenants.update(
      "marked",
      made.outs as never,
      { ...inputs, tags: ["silver"], ...thisStack } as never,
    );
    const kept = JSON.parse((await hcp.admin("GET", "/mapi/tenants/marked")).body).tags.tag;
    expect(kept.sort()).to.deep.equal(["silver", "tenant-estates:estate/prod"]);
  });
});
