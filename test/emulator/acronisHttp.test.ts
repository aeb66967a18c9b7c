import { expect } from "chai";
import { AcronisTestClient, SEED_PARTNER_ID } from "./acronisHelpers";

describe("Acronis emulator: generic HTTP behaviour", () => {
  let c: AcronisTestClient;
  before(async () => {
    c = await AcronisTestClient.start();
    await c.login();
  });
  after(() => c.close());

  it("answers 415 for a JSON body sent without Content-Type: application/json", async () => {
    const answer = await c.api("POST", "/tenants", {
      rawBody: JSON.stringify({ name: "X", kind: "customer", parent_id: SEED_PARTNER_ID }),
      headers: { "Content-Type": "text/plain" },
    });
    expect(answer.status).to.equal(415);
    expect(answer.body.error.code).to.equal(415);
  });

  it("answers 400 for malformed JSON", async () => {
    const answer = await c.api("POST", "/tenants", {
      rawBody: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(answer.status).to.equal(400);
    expect(answer.body.error).to.include({ code: 400, domain: "PlatformAccountServer" });
    expect(answer.body.error.details.info).to.be.a("string");
    expect(answer.body.error.context).to.deep.equal({});
  });

  it("answers 405 for a known path with another method and 404 for unknown paths", async () => {
    const wrongMethod = await c.api("PATCH", `/tenants/${SEED_PARTNER_ID}`, { body: {} });
    expect(wrongMethod.status).to.equal(405);
    expect(wrongMethod.body.error.code).to.equal(405);
    const unknown = await c.api("GET", "/no/such/thing");
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal(404);
  });

  it("refuses string-typed booleans and integers, naming every problem", async () => {
    // PYEX (tenants/create_partner_tenant_and_lock.py, delete_all_tenant_underneath.py) sends such text; the OAS does not.
    const created = await c.createTenant({ name: "Stringly", enabled: "false", ancestral_access: "True" });
    expect(created.status).to.equal(400);
    expect(created.body.error.details.info).to.include("body/enabled: must be boolean");
    expect(created.body.error.details.info).to.include("body/ancestral_access: must be boolean");
    const id = await c.createCustomer("Typed");
    const updated = await c.api("PUT", `/tenants/${id}`, { body: { enabled: "true", version: "1" } });
    expect(updated.status).to.equal(400);
    expect(updated.body.error.details.info).to.include("body/version: must be integer");
  });

  it("refuses unknown body fields and unknown query parameters with 400", async () => {
    const id = await c.createCustomer("Closed");
    const extra = await c.api("PUT", `/tenants/${id}`, { body: { version: 1, colour: "blue" } });
    expect(extra.status).to.equal(400);
    expect(extra.body.error.details.info).to.match(/additional properties \("colour"\)/);
    const query = await c.api("GET", `/tenants/${id}?colour=blue`);
    expect(query.status).to.equal(400);
    expect(query.body.error.details.info).to.include("query colour: not documented");
  });

  it("waits latencyMs before answering", async () => {
    const slow = await AcronisTestClient.start({ latencyMs: 150 });
    try {
      const started = Date.now();
      await slow.requestToken();
      expect(Date.now() - started).to.be.at.least(140);
    } finally {
      await slow.close();
    }
  });
});
