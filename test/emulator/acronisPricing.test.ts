import { expect } from "chai";
import { trialEnd } from "../../emulator/acronis/pricing";
import { AcronisTestClient, SEED_PARTNER_ID } from "./acronisHelpers";

describe("Acronis emulator: pricing (billing mode)", () => {
  let c: AcronisTestClient;
  before(async () => {
    c = await AcronisTestClient.start();
  });
  after(() => c.close());
  beforeEach(async () => {
    await c.reset();
    await c.login();
  });

  async function newTenant(kind = "customer"): Promise<string> {
    const answer = await c.api("POST", "/tenants", {
      body: { name: `P ${kind}`, kind, parent_id: SEED_PARTNER_ID },
    });
    expect(answer.status).to.equal(201);
    return answer.body.id;
  }

  it("a trial ends at the first instant after the first full calendar month", () => {
    expect(trialEnd(new Date("2026-03-01T10:00:00Z")).toISOString()).to.equal("2026-04-01T00:00:00.000Z");
    expect(trialEnd(new Date("2026-03-02T10:00:00Z")).toISOString()).to.equal("2026-05-01T00:00:00.000Z");
    expect(trialEnd(new Date("2026-12-15T00:00:00Z")).toISOString()).to.equal("2027-02-01T00:00:00.000Z");
  });

  it("a new customer is in trial with all four keys; a partner in production", async () => {
    const customer = (await c.api("GET", `/tenants/${await newTenant()}/pricing`)).body;
    expect(Object.keys(customer).sort()).to.deep.equal([
      "currency",
      "mode",
      "production_start_date",
      "version",
    ]);
    expect(customer).to.include({ mode: "trial", currency: null });
    const partner = (await c.api("GET", `/tenants/${await newTenant("partner")}/pricing`)).body;
    expect(partner.mode).to.equal("production");
  });

  it("mirrors production_start_date in tenant listings at lod=full only: the trial's end, then the switch", async () => {
    const id = await newTenant();
    const listed = async (lod: string) =>
      (await c.api("GET", `/tenants?uuids=${id}&lod=${lod}`)).body.items[0].production_start_date;
    const trial = (await c.api("GET", `/tenants/${id}/pricing`)).body;
    expect(await listed("full")).to.equal(trial.production_start_date);
    expect([await listed("basic"), await listed("stamps")]).to.deep.equal([undefined, undefined]);
    const switched = await c.api("PUT", `/tenants/${id}/pricing`, {
      body: { mode: "production", version: trial.version },
    });
    expect(await listed("full")).to.equal(switched.body.production_start_date);
    expect(switched.body.production_start_date).to.not.equal(trial.production_start_date);
  });

  it("switches trial to production once, with the version, mirrored in the tenant; never back", async () => {
    const id = await newTenant();
    const { version } = (await c.api("GET", `/tenants/${id}/pricing`)).body;
    const stale = await c.api("PUT", `/tenants/${id}/pricing`, {
      body: { mode: "production", version: version - 1 },
    });
    expect([stale.status, stale.body.error.code]).to.deep.equal([409, 1001]);
    const missing = await c.api("PUT", `/tenants/${id}/pricing`, { body: { mode: "production" } });
    expect(missing.status).to.equal(400);
    const switched = await c.api("PUT", `/tenants/${id}/pricing`, { body: { mode: "production", version } });
    expect(switched.status).to.equal(200);
    expect(switched.body.mode).to.equal("production");
    expect(switched.body.version).to.be.above(version);
    expect((await c.api("GET", `/tenants/${id}`)).body.pricing_mode).to.equal("production");
    const back = await c.api("PUT", `/tenants/${id}/pricing`, {
      body: { mode: "trial", version: switched.body.version },
    });
    expect([back.status, back.body.error.code]).to.deep.equal([400, 1027]);
    // DOC:tutorials/switching-to-production PUTs the whole GET object back; the OAS has no production_start_date there.
    const whole = await c.api("PUT", `/tenants/${id}/pricing`, { body: switched.body });
    expect(whole.status).to.equal(400);
    expect(whole.body.error.details.info).to.include(`additional properties ("production_start_date")`);
    const { production_start_date: _, ...writable } = switched.body;
    const same = await c.api("PUT", `/tenants/${id}/pricing`, { body: writable });
    expect(same.status).to.equal(200);
    expect(same.body).to.deep.equal(switched.body);
  });

  it("refuses unknown properties, modes and currencies, and any switch of a partner", async () => {
    const id = await newTenant();
    const { version } = (await c.api("GET", `/tenants/${id}/pricing`)).body;
    for (const body of [
      { version, plan: "x" },
      { version, mode: "suspended" },
      { version, currency: "XXX" },
    ]) {
      expect((await c.api("PUT", `/tenants/${id}/pricing`, { body })).status, JSON.stringify(body)).to.equal(
        400,
      );
    }
    const partner = await newTenant("partner");
    const p = (await c.api("GET", `/tenants/${partner}/pricing`)).body;
    const answer = await c.api("PUT", `/tenants/${partner}/pricing`, {
      body: { mode: "trial", version: p.version },
    });
    expect([answer.status, answer.body.error.code]).to.deep.equal([400, 1027]);
  });
});
