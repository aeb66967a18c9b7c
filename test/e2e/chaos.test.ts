import { expect } from "chai";
import type { RunningEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import type { TestStack } from "../support/engine";
import { estateStack, tenantPassword } from "../support/estate";
import { HcpApi } from "../support/hcpApi";

const customers = 20;
const hcpTenants = 5;
const faults = { rate: 0.2, seed: 20261122, slowMs: 1500 };

interface FaultReport {
  requests: number;
  injected: Record<string, number>;
}

describe(`chaos: ${customers} customers and ${hcpTenants} HCP tenants under fault rate ${faults.rate}, every kind`, function () {
  this.timeout(900_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let acronis: AcronisApi;
  let hcp: HcpApi;
  const runs: { code: number; seconds: number }[] = [];

  before(async () => {
    ({ emulators, stack } = await estateStack(
      "chaos",
      { customers, hcpTenants },
      {
        // Short request timeouts turn the emulators' slow answers into lost answers: the hard case for creates.
        "acronis:requestTimeoutMs": { value: "1000" },
        "hcp:requestTimeoutMs": { value: "1000" },
        "acronis:retryAttempts": { value: "6" },
        "hcp:retryAttempts": { value: "6" },
        "acronis:retryBaseDelayMs": { value: "100" },
        "hcp:retryBaseDelayMs": { value: "100" },
      },
    ));
    acronis = new AcronisApi(emulators.acronis);
    hcp = new HcpApi(emulators.hcp);
    await acronis.post("/_emulator/faults", faults);
    await hcp.control("POST", "/_emulator/faults", faults);
    for (let attempt = 1; attempt <= 2; attempt++) {
      const started = Date.now();
      const result = await stack.run(["up", "--yes", "--skip-preview"]);
      runs.push({ code: result.code, seconds: (Date.now() - started) / 1000 });
      if (result.code === 0) break;
      console.log(
        `      chaos: run ${attempt} of pulumi up failed; a second run follows:\n${(
          result.stdout + result.stderr
        )
          .split("\n")
          .filter((l) => /error/i.test(l))
          .slice(0, 8)
          .join("\n")}`,
      );
    }
    const acronisFaults = (await acronis.get("/_emulator/faults")).body as FaultReport;
    const hcpFaults = (await hcp.control("GET", "/_emulator/faults")) as FaultReport;
    await acronis.post("/_emulator/faults", { rate: 0 });
    await hcp.control("POST", "/_emulator/faults", { rate: 0 });
    const figures = {
      resources: customers * 5 + hcpTenants * 2,
      runs: runs.length,
      upSeconds: runs.map((r) => r.seconds),
      acronis: acronisFaults,
      hcp: hcpFaults,
    };
    console.log(`      chaos figures: ${JSON.stringify(figures)}`);
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("pulumi up completes in one run (two at most)", () => {
    expect(runs.length, runs.length > 1 ? "needed a second run" : "").to.be.at.most(2);
    expect(runs[runs.length - 1].code).to.equal(0);
  });

  it("leaves exactly the declared Acronis customers: no duplicate, no orphan, nothing missing", async () => {
    const state = (await acronis.get("/_emulator/state")).body as {
      tenants: { id: string; name: string; kind: string; parent_id: string }[];
      users: { id: string; login: string; tenant_id: string }[];
    };
    const customerTenants = state.tenants.filter((t) => t.kind === "customer");
    expect(customerTenants.map((t) => t.name).sort()).to.deep.equal(
      Array.from({ length: customers }, (_, i) => `Estate Customer ${i}`).sort(),
    );
    expect(state.users.map((u) => u.login).sort()).to.deep.equal(
      Array.from({ length: customers }, (_, i) => `estate-admin-${i}`).sort(),
    );
    for (const tenant of customerTenants) {
      const i = Number(tenant.name.split(" ").pop());
      expect((await acronis.get(`/tenants/${tenant.id}/mfa/status`)).body.mfa_status, tenant.name).to.equal(
        "enabled",
      );
      const items = (await acronis.get(`/tenants/${tenant.id}/offering_items`)).body.items as {
        name: string;
        status: number;
        quota?: { value: number | null };
      }[];
      expect(
        items
          .filter((it) => it.status === 1)
          .map((it) => it.name)
          .sort(),
        tenant.name,
      ).to.deep.equal(["storage", "workstations"]);
      expect(items.find((it) => it.name === "workstations")?.quota?.value, tenant.name).to.equal(10 + i);
      const user = state.users.find((u) => u.tenant_id === tenant.id);
      expect(user, `user of ${tenant.name}`).to.not.equal(undefined);
      const roles = (
        (await acronis.get(`/users/${user?.id}/access_policies`)).body.items as { role_id: string }[]
      ).map((p) => p.role_id);
      expect(roles, user?.login).to.deep.equal(["company_admin"]);
    }
  });

  it("leaves exactly the declared HCP tenants, each with its console security", async () => {
    const names = JSON.parse((await hcp.admin("GET", "/mapi/tenants")).body).name as string[];
    expect(names.sort()).to.deep.equal(
      ["Default", ...Array.from({ length: hcpTenants }, (_, j) => `estate-${j}`)].sort(),
    );
    for (let j = 0; j < hcpTenants; j++) {
      const console = JSON.parse(
        (
          await hcp.asTenantUser(
            `estate-${j}`,
            "security",
            tenantPassword,
            "GET",
            `/mapi/tenants/estate-${j}/consoleSecurity`,
          )
        ).body,
      );
      expect(console.minimumPasswordLength, `estate-${j}`).to.equal(10);
      expect(console.ipSettings.allowAddresses.ipAddress, `estate-${j}`).to.deep.equal(["10.0.0.0/8"]);
    }
  });

  it("pulumi preview then shows no changes, also with --refresh", async () => {
    expect((await stack.previewSteps()).filter((s) => s.op !== "refresh")).to.deep.equal([]);
    expect((await stack.previewSteps({ refresh: true })).filter((s) => s.op !== "refresh")).to.deep.equal([]);
  });
});
