import { expect } from "chai";
import type { RunningEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import type { TestStack } from "../support/engine";
import { estateStack } from "../support/estate";
import { expectDeclaredCustomers, expectDeclaredHcpTenants } from "../support/estateCheck";
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

  it("leaves exactly the declared Acronis customers: no duplicate, no orphan, nothing missing", () =>
    expectDeclaredCustomers(acronis, customers));

  it("leaves exactly the declared HCP tenants, each with its console security", () =>
    expectDeclaredHcpTenants(hcp, hcpTenants));

  it("pulumi preview then shows no changes, also with --refresh", async () => {
    expect((await stack.previewSteps()).filter((s) => s.op !== "refresh")).to.deep.equal([]);
    expect((await stack.previewSteps({ refresh: true })).filter((s) => s.op !== "refresh")).to.deep.equal([]);
  });
});
