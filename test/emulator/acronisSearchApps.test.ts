import { expect } from "chai";
import { AcronisTestClient, BACKUP_APP, PLATFORM_APP, SEED_PARTNER_ID } from "./acronisHelpers";

const PDS_APP = "b71b2c18-590a-303c-9d5a-8444fbe713ac";

describe("Acronis emulator: search", () => {
  let c: AcronisTestClient;
  before(async () => {
    c = await AcronisTestClient.start();
    await c.login();
    // The four values of the docs' example (DOC:searching/index), as tenant names.
    for (const name of [
      "JohnSmithFirstAndSecond",
      "John SmithFirst",
      "John Smith First",
      "John Smith Second",
    ])
      await c.createCustomer(name);
    const foobar = await c.createCustomer("Foobar");
    await c.api("POST", "/users", {
      body: {
        tenant_id: foobar,
        login: "JohnDoe",
        contact: { email: "john@foobar.example", firstname: "John", lastname: "Doe" },
      },
    });
  });
  after(() => c.close());

  const names = async (text: string): Promise<string[]> => {
    const answer = await c.api(
      "GET",
      `/search?tenant=${SEED_PARTNER_ID}&text=${encodeURIComponent(text)}&limit=300`,
    );
    expect(answer.status, text).to.equal(200);
    return answer.body.items.map((i: { name?: string; login?: string }) => i.name ?? i.login);
  };

  it("matches words by their beginning, as the docs' example says", async () => {
    const examples = ["JohnSmithFirstAndSecond", "John SmithFirst", "John Smith First", "John Smith Second"];
    expect(await names("joh")).to.include.members([...examples, "JohnDoe"]);
    expect(await names("Smith")).to.have.members(examples.slice(1));
    expect(await names("SMITHfirst")).to.deep.equal(["John SmithFirst"]);
    expect(await names("Smith fir")).to.deep.equal(["John Smith First"]);
    expect(await names("mith")).to.deep.equal([]);
    expect(await names("and")).to.deep.equal([]);
  });

  it("answers the docs' result shape, e-mails matched but not shown, path from the start tenant", async () => {
    const answer = await c.api("GET", `/search?tenant=${SEED_PARTNER_ID}&text=Foobar`);
    const [tenant, user] = answer.body.items;
    expect(tenant).to.deep.include({
      obj_type: "tenant",
      kind: "customer",
      name: "Foobar",
      first_name: "",
      last_name: "",
    });
    expect(tenant.path).to.deep.equal(["Partner", "Foobar"]);
    expect(user).to.deep.include({
      obj_type: "user",
      login: "JohnDoe",
      first_name: "John",
      last_name: "Doe",
      parent_id: tenant.id,
    });
    expect(user.path).to.deep.equal(["Partner", "Foobar"]);
    expect(JSON.stringify(answer.body)).to.not.include("foobar.example");
  });

  it("limits results (default 10), wants 3+ characters and a visible start tenant", async () => {
    const all = await c.api("GET", `/search?tenant=${SEED_PARTNER_ID}&text=john&limit=2`);
    expect(all.body.items).to.have.length(2);
    for (const query of ["text=jo", "text=john&limit=0", "text=john&limit=301"])
      expect((await c.api("GET", `/search?tenant=${SEED_PARTNER_ID}&${query}`)).status, query).to.equal(400);
    expect((await c.api("GET", "/search?text=john")).status).to.equal(400);
    expect(
      (await c.api("GET", "/search?tenant=9a9a9a9a-0000-4000-8000-000000000000&text=john")).status,
    ).to.equal(404);
  });

  it("skips sub-tenants that closed access to their ancestors", async () => {
    const closed = await c.createTenant({ name: "Hidden Corp", ancestral_access: false });
    expect(closed.status).to.equal(201);
    expect(await names("hidden")).to.deep.equal([]);
  });
});

describe("Acronis emulator: applications and bindings", () => {
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

  const applications = async (tenant: string): Promise<string[]> =>
    (await c.api("GET", `/tenants/${tenant}/applications`)).body.items;
  const binding = (method: string, app: string, tenant = customer) =>
    c.api(method, `/applications/${app}/bindings/tenants/${tenant}`);

  it("lists the platform's applications in the docs' shape, and one by id", async () => {
    const all = await c.api("GET", "/applications");
    const backup = all.body.items.find((a: { id: string }) => a.id === BACKUP_APP);
    expect(backup).to.include({ name: "Backup", type: "backup", api_base_url: "/bc/" });
    expect(backup.usages).to.include.members(["workstations", "storage", "dr_storage"]);
    expect(all.body.items.filter((a: { type: string }) => a.type === "platform")).to.have.length(1);
    expect((await c.api("GET", `/applications/${PDS_APP}`)).body.usages).to.deep.equal([
      "drives_shipped_to_cloud",
    ]);
    expect((await c.api("GET", "/applications/9a9a9a9a-0000-4000-8000-000000000000")).status).to.equal(404);
  });

  it("binds a service the parent has (204, twice), enabling no offering item", async () => {
    expect(await applications(customer)).to.deep.equal([PLATFORM_APP]);
    expect((await binding("POST", BACKUP_APP)).status).to.equal(204);
    expect((await binding("POST", BACKUP_APP)).status).to.equal(204);
    expect(await applications(customer)).to.deep.equal([PLATFORM_APP, BACKUP_APP]);
    const items = (await c.api("GET", `/tenants/${customer}/offering_items?edition=*`)).body.items;
    expect(items.every((i: { status: number }) => i.status === 0)).to.be.true;
    const batch = await c.api("GET", `/tenants/applications?tenants=${customer}`);
    expect(batch.body.items).to.deep.equal([{ tenant: customer, applications: [PLATFORM_APP, BACKUP_APP] }]);
  });

  it("refuses a service the parent lacks (400/1026), the platform's unbinding (400), and the caller's own tenant (403)", async () => {
    const reseller = (await c.createTenant({ name: "Reseller", kind: "partner" })).body.id;
    const child = (await c.createTenant({ name: "Child", parent_id: reseller })).body.id;
    const refused = await binding("POST", BACKUP_APP, child);
    expect(refused.status).to.equal(400);
    expect(refused.body.error.code).to.equal(1026);
    expect((await binding("DELETE", PLATFORM_APP)).status).to.equal(400);
    expect((await binding("POST", BACKUP_APP, SEED_PARTNER_ID)).status).to.equal(403);
    expect((await binding("POST", "9a9a9a9a-0000-4000-8000-000000000000")).status).to.equal(404);
  });

  it("unbinding turns the service off in the whole subtree, with its offering items", async () => {
    await c.api("PUT", `/tenants/${customer}/offering_items`, {
      body: { offering_items: [{ application_id: BACKUP_APP, name: "workstations" }] },
    });
    const unit = (await c.createTenant({ name: "Dept", kind: "unit", parent_id: customer })).body.id;
    await binding("POST", BACKUP_APP, unit);
    expect((await binding("DELETE", BACKUP_APP)).status).to.equal(204);
    expect(await applications(customer)).to.deep.equal([PLATFORM_APP]);
    expect(await applications(unit)).to.deep.equal([PLATFORM_APP]);
    const items = (await c.api("GET", `/tenants/${customer}/offering_items`)).body.items;
    expect(items.every((i: { status: number }) => i.status === 0)).to.be.true;
  });
});

describe("Acronis emulator: editions", () => {
  let c: AcronisTestClient;
  before(async () => {
    c = await AcronisTestClient.start();
    await c.login();
  });
  after(() => c.close());

  const offered = async (query: string): Promise<{ name: string; edition: string | null }[]> =>
    (
      await c.api(
        "GET",
        `/tenants/${SEED_PARTNER_ID}/offering_items/available_for_child?kind=customer${query}`,
      )
    ).body.items;

  it("filters by edition: standard by default, `*` for all, items without an edition always", async () => {
    const standard = await offered("");
    expect(new Set(standard.map((i) => i.edition))).to.deep.equal(new Set(["standard", null]));
    const perWorkload = await offered("&edition=pck_per_workload");
    expect(perWorkload.map((i) => i.name)).to.include.members([
      "pw_base_workstations",
      "pw_base_storage",
      "drives_shipped_to_cloud",
    ]);
    expect(perWorkload.every((i) => i.edition === "pck_per_workload" || i.edition === null)).to.be.true;
    const all = await offered("&edition=*");
    expect(new Set(all.map((i) => i.edition)).size).to.be.greaterThan(4);
    for (const item of all)
      expect(item.name.endsWith((item as unknown as { usage_name: string }).usage_name)).to.be.true;
  });

  it("lets a partner enable for a customer everything it is offered, of every edition", async () => {
    const customer = await c.createCustomer("Everything");
    const all = await offered("&edition=*");
    const answer = await c.api("PUT", `/tenants/${customer}/offering_items`, {
      body: { offering_items: all },
    });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    const enabled = (await c.api("GET", `/tenants/${customer}/offering_items?edition=*&status=1`)).body.items;
    expect(enabled).to.have.length(all.length);
  });
});
