import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { AcronisTestClient, SEED_PARTNER_ID } from "./acronisHelpers";

describe("Acronis emulator: control endpoints and persistence", () => {
  it("dumps the state without secrets and resets it", async () => {
    const c = await AcronisTestClient.start();
    try {
      await c.login();
      const customerId = await c.createCustomer("Dumped");
      const user = await c.createUser(customerId, "dumped-user");
      await c.api("POST", `/users/${user.body.id}/password`, { body: { password: "Sup3r-Secret!" } });
      const state = await c.control("GET", "/state");
      expect(state.status).to.equal(200);
      expect(state.body.tenants.map((t: { name: string }) => t.name)).to.include("Dumped");
      expect(state.body.users[0]).to.include({ login: "dumped-user", password_set: true, activated: true });
      const text = JSON.stringify(state.body);
      for (const secret of ["Sup3r-Secret!", c.info.clientSecret, c.token])
        expect(text).to.not.include(secret);
      expect(state.body).to.have.keys([
        "format",
        "tenants",
        "users",
        "offeringItems",
        "accessPolicies",
        "outbox",
        "clients",
        "usages",
        "counters",
      ]);

      expect((await c.control("POST", "/reset")).status).to.equal(204);
      const after = await c.control("GET", "/state");
      expect(after.body.tenants.map((t: { id: string }) => t.id)).to.deep.equal([SEED_PARTNER_ID]);
      expect((await c.control("GET", "/requests")).body.items).to.deep.equal([]);
      // Tokens survive a reset: the client is the same.
      expect((await c.api("GET", `/tenants/${SEED_PARTNER_ID}`)).status).to.equal(200);
    } finally {
      await c.close();
    }
  });

  it("saves the state file after every change and loads it at the next start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "acronis-state-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await AcronisTestClient.start({ stateFile });
      await first.login();
      const customerId = await first.createCustomer("Persisted");
      await first.close();
      expect(
        JSON.parse(readFileSync(stateFile, "utf8")).tenants.some((t: { id: string }) => t.id === customerId),
      ).to.be.true;
      expect(readdirSync(dir)).to.deep.equal(["state.json"]);

      const second = await AcronisTestClient.start({ stateFile });
      await second.login();
      const tenant = await second.api("GET", `/tenants/${customerId}`);
      expect(tenant.status).to.equal(200);
      expect(tenant.body.name).to.equal("Persisted");
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(existsSync(stateFile)).to.be.false;
  });

  it("answers 404 for unknown control paths", async () => {
    const c = await AcronisTestClient.start();
    try {
      expect((await c.control("GET", "/nothing")).status).to.equal(404);
    } finally {
      await c.close();
    }
  });
});
