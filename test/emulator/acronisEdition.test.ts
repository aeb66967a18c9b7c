import { expect } from "chai";
import {
  AcronisTestClient,
  type Answer,
  BACKUP_APP,
  PLATFORM_APP,
  SEED_PARTNER_ID,
  STORAGE_INFRA,
} from "./acronisHelpers";
import { basic, PASSWORD, userWithPassword } from "./acronisSignInHelpers";

const UNKNOWN_ID = "0e0e0e0e-0000-4000-8000-000000000000";
const DATA_SHIPPING_APP = "b71b2c18-590a-303c-9d5a-8444fbe713ac";

interface Item {
  application_id: string;
  name: string;
  edition: string | null;
  tenant_id?: string;
  infra_id?: string;
  status: number;
  quota?: { value: number | null; overage: number | null; version: number };
}

/** A dict as Python's json.dumps writes it (", " and ": " separators). */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`);
    return `{${members.join(", ")}}`;
  }
  return JSON.stringify(value);
}

describe("Acronis emulator: edition switch", () => {
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

  const backup = (name: string, extra: Record<string, unknown> = {}) => ({
    application_id: BACKUP_APP,
    name,
    ...extra,
  });

  async function enable(tenantId: string, items: unknown[]): Promise<void> {
    const answer = await c.api("PUT", `/tenants/${tenantId}/offering_items`, {
      body: { offering_items: items },
    });
    if (answer.status !== 200) throw new Error(`enabling items: ${JSON.stringify(answer.body)}`);
  }

  const check = (tenantId: string, target: string, app = BACKUP_APP) =>
    c.api("GET", `/tenants/${tenantId}/edition?target_edition=${target}&application_id=${app}`);

  const switchTo = (tenantId: string, target: string, app = BACKUP_APP) =>
    c.api("PUT", `/tenants/${tenantId}/edition`, { body: { target_edition: target, application_id: app } });

  async function itemsOf(tenantId: string): Promise<Item[]> {
    return (await c.api("GET", `/tenants/${tenantId}/offering_items?edition=*`)).body.items;
  }

  const enabledNames = async (tenantId: string) =>
    (await itemsOf(tenantId))
      .filter((i) => i.status === 1)
      .map((i) => i.name)
      .sort();

  const perGigabyte = [
    backup("pg_base_workstations", { quota: { value: 10, overage: 12, version: 0 } }),
    backup("pg_base_storage", { infra_id: STORAGE_INFRA }),
  ];

  describe("the switch check (GET)", () => {
    it("answers the warnings of a switch that can be made, and changes nothing", async () => {
      await enable(customer, perGigabyte);
      const answer = await check(customer, "pck_per_workload");
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.equal({
        warnings: [
          "OldFeaturesBecomeUnavailable",
          "NewFeaturesBecomeAvailable",
          "UsageStatisticsWillMigrate",
        ],
      });
      expect(await enabledNames(customer)).to.deep.equal(["pg_base_storage", "pg_base_workstations"]);
    });

    it("answers no warnings when the tenant already has the edition", async () => {
      await enable(customer, perGigabyte);
      const answer = await check(customer, "pck_per_gigabyte");
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.equal({ warnings: [] });
    });
  });

  describe("the switch (PUT)", () => {
    it("turns the old edition's items off and the new edition's on, quotas carried over", async () => {
      await enable(customer, [
        ...perGigabyte,
        { application_id: DATA_SHIPPING_APP, name: "drives_shipped_to_cloud" },
      ]);
      const answer = await switchTo(customer, "pck_per_workload");
      expect(answer.status).to.equal(200);
      expect(answer.body).to.have.all.keys("timestamp", "items");
      expect(Number.isNaN(Date.parse(answer.body.timestamp))).to.equal(false);
      const items: Item[] = answer.body.items;
      expect(items.every((i) => i.tenant_id === customer && i.application_id === BACKUP_APP)).to.equal(true);
      const byName = new Map(items.map((i) => [i.name, i]));
      expect([...byName.keys()].sort()).to.deep.equal([
        "pg_base_storage",
        "pg_base_workstations",
        "pw_base_storage",
        "pw_base_workstations",
      ]);
      expect(byName.get("pg_base_workstations")).to.include({ status: 0, edition: "pck_per_gigabyte" });
      expect(byName.get("pg_base_workstations")).to.not.have.property("quota");
      expect(byName.get("pw_base_workstations")).to.include({ status: 1, edition: "pck_per_workload" });
      expect(byName.get("pw_base_workstations")?.quota).to.include({ value: 10, overage: 12 });
      expect(byName.get("pw_base_storage")).to.include({ status: 1, infra_id: STORAGE_INFRA });
      // Items of other services, and target-edition items without a predecessor, stay as they are.
      expect(await enabledNames(customer)).to.deep.equal([
        "drives_shipped_to_cloud",
        "pw_base_storage",
        "pw_base_workstations",
      ]);
      const again = await switchTo(customer, "pck_per_workload");
      expect(again.body.items).to.deep.equal([]);
    });

    it("turns the old items off below a partner that switches", async () => {
      const reseller = (await c.createTenant({ name: "Reseller", kind: "partner" })).body.id;
      await enable(reseller, [backup("pg_base_workstations"), backup("pw_base_workstations")]);
      const child = (await c.createTenant({ name: "Child", parent_id: reseller })).body.id;
      await enable(child, [backup("pg_base_workstations")]);
      expect((await switchTo(reseller, "pck_per_workload")).status).to.equal(200);
      expect(await enabledNames(reseller)).to.deep.equal(["pw_base_workstations"]);
      const childItems = await itemsOf(child);
      expect(childItems.map((i) => i.name)).to.not.include("pg_base_workstations");
      expect(childItems.find((i) => i.name === "pw_base_workstations")?.status).to.equal(0);
    });

    it("turns every item off when no item of the target edition is available", async () => {
      const reseller = (await c.createTenant({ name: "Per-GB reseller", kind: "partner" })).body.id;
      await enable(reseller, perGigabyte);
      const child = (await c.createTenant({ name: "Child", parent_id: reseller })).body.id;
      await enable(child, perGigabyte);
      const dryRun = await check(child, "pck_per_workload");
      expect(dryRun.status).to.equal(200);
      expect(dryRun.body.warnings).to.include.members([
        "OldFeaturesBecomeUnavailable",
        "SomePlansWillStopWorking",
      ]);
      const answer = await switchTo(child, "pck_per_workload");
      expect(answer.status).to.equal(200);
      expect(answer.body.items.map((i: Item) => [i.name, i.status])).to.have.deep.members([
        ["pg_base_workstations", 0],
        ["pg_base_storage", 0],
      ]);
      expect(await enabledNames(child)).to.deep.equal([]);
      // A documented edition the emulated catalog has no items for is unavailable everywhere.
      await enable(customer, perGigabyte);
      expect((await switchTo(customer, "disaster_recovery")).status).to.equal(200);
      expect(await enabledNames(customer)).to.deep.equal([]);
    });
  });

  describe("refusals", () => {
    it("refuses items the target edition lacks with 400 (1021), naming them in error.context", async () => {
      await enable(customer, [backup("workstations"), backup("mobiles")]);
      for (const answer of [
        await check(customer, "pck_per_workload"),
        await switchTo(customer, "pck_per_workload"),
      ]) {
        expect(answer.status).to.equal(400);
        expect(answer.body.error.code).to.equal(1021);
        expect(answer.body.error.context.offering_items).to.deep.equal([
          { application_id: BACKUP_APP, name: "mobiles", edition: "standard", usage_name: "mobiles" },
        ]);
      }
      expect(await enabledNames(customer)).to.deep.equal(["mobiles", "workstations"]);
    });

    it("wants both parameters (400) and a closed PUT body", async () => {
      const noTarget = await c.api("GET", `/tenants/${customer}/edition?application_id=${BACKUP_APP}`);
      const noApp = await c.api("GET", `/tenants/${customer}/edition?target_edition=pck_per_workload`);
      const put = (body: unknown) => c.api("PUT", `/tenants/${customer}/edition`, { body });
      const answers: Answer[] = [
        noTarget,
        noApp,
        await put({ application_id: BACKUP_APP }),
        await put({ target_edition: "pck_per_workload" }),
        await put({ target_edition: "pck_per_workload", application_id: BACKUP_APP, version: 1 }),
        await put({ target_edition: 7, application_id: BACKUP_APP }),
      ];
      for (const answer of answers) {
        expect(answer.status).to.equal(400);
        expect(answer.body.error.code).to.equal(400);
      }
    });

    it("answers 404 for an unknown tenant", async () => {
      expect((await check(UNKNOWN_ID, "pck_per_workload")).status).to.equal(404);
      expect((await switchTo(UNKNOWN_ID, "pck_per_workload")).status).to.equal(404);
    });

    it("refuses unknown services, services without editions and unknown editions with 400", async () => {
      for (const [target, app] of [
        ["pck_per_workload", UNKNOWN_ID],
        ["pck_per_workload", "not-a-uuid"],
        ["standard", PLATFORM_APP],
        ["gold", BACKUP_APP],
        ["fss_per_user", BACKUP_APP],
      ]) {
        expect((await check(customer, target, app)).status, `${target} ${app}`).to.equal(400);
        expect((await switchTo(customer, target, app)).status, `${target} ${app}`).to.equal(400);
      }
    });

    it("refuses unit tenants (400), the client's own tenant (403/1002) and users who are not administrators (403)", async () => {
      const unit = (await c.createTenant({ name: "Dept", kind: "unit", parent_id: customer })).body.id;
      expect((await switchTo(unit, "pck_per_workload")).status).to.equal(400);
      const own = await switchTo(SEED_PARTNER_ID, "pck_per_workload");
      expect(own.status).to.equal(403);
      expect(own.body.error.code).to.equal(1002);
      await userWithPassword(c, customer, "plain.user", undefined);
      const asUser = await c.api(
        "GET",
        `/tenants/${customer}/edition?target_edition=standard&application_id=${BACKUP_APP}`,
        {
          headers: { Authorization: basic("plain.user", PASSWORD) },
        },
      );
      expect(asUser.status).to.equal(403);
    });
  });

  // PYEX tenants/switch_edition_for_customer.py with its cyber.platform.cfg.json: every call as that script sends it.
  it("serves the published Python example's calls as it makes them", async () => {
    const python = { "User-Agent": "ACP 1.0/Acronis Cyber Platform Python Examples", Accept: "*/*" };
    const pythonJsonHeaders = { ...python, "Content-Type": "application/json" };
    const tenant = await c.api("POST", "/tenants", {
      rawBody: pythonJson({
        name: "Python Switch Edition Customer Q7K2ZD v3.0",
        parent_id: SEED_PARTNER_ID,
        kind: "customer",
      }),
      headers: pythonJsonHeaders,
    });
    expect(tenant.status).to.equal(201);
    const newCustomer: string = tenant.body.id;
    const available = await c.api(
      "GET",
      `/tenants/${SEED_PARTNER_ID}/offering_items/available_for_child?kind=customer&edition=pck_per_gigabyte`,
      { headers: python },
    );
    expect(available.status).to.equal(200);
    const googleDr = "ba2976d0-c13e-4661-ae60-b4593583fce2";
    const kept = available.body.items.filter((oi: Item) => oi.infra_id !== googleDr);
    const put = await c.api("PUT", `/tenants/${newCustomer}/offering_items`, {
      rawBody: pythonJson({ offering_items: kept }),
      headers: pythonJsonHeaders,
    });
    expect(put.status).to.equal(200);
    const dryRun = await c.api(
      "GET",
      `/tenants/${newCustomer}/edition?application_id=${BACKUP_APP}&target_edition=pck_per_workload`,
      { headers: python },
    );
    expect(dryRun.status).to.equal(200);
    expect(dryRun.body.warnings).to.be.an("array").that.is.not.empty;
    const switched = await c.api("PUT", `/tenants/${newCustomer}/edition`, {
      rawBody: pythonJson({ application_id: BACKUP_APP, target_edition: "pck_per_workload" }),
      headers: pythonJsonHeaders,
    });
    expect(switched.status).to.equal(200);
    const items = await itemsOf(newCustomer);
    const on = items.filter((i) => i.status === 1 && i.application_id === BACKUP_APP).map((i) => i.name);
    expect(on.sort()).to.deep.equal(["pw_base_servers", "pw_base_storage", "pw_base_workstations"]);
    expect(items.filter((i) => i.edition === "pck_per_gigabyte").every((i) => i.status === 0)).to.equal(true);
  });
});
