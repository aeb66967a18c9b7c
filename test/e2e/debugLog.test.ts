import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import { TestStack } from "../support/engine";
import { acronisStackConfig } from "../support/stackConfig";

describe("end to end on the real engine: API requests in the engine's debug log", function () {
  this.timeout(300_000);
  let emulators: RunningEmulators;
  let stack: TestStack;

  before(async () => {
    emulators = await startEmulators();
    stack = await TestStack.create(
      "debug-log",
      "examples/acronis-customer",
      acronisStackConfig(emulators.acronis),
    );
    await stack.up();
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("pulumi preview --refresh --debug shows each request: method, path, status, duration; no credential", async () => {
    const run = await stack.mustRun(["preview", "--refresh", "--debug"]);
    const output = run.stdout + run.stderr;
    expect(output).to.match(/Acronis POST \/idp\/token: 200 in \d+ ms \(attempt 1\)/);
    expect(output).to.match(/Acronis GET \/tenants: 200 in \d+ ms/);
    expect(output).to.not.include(emulators.acronis.clientSecret);
  });

  it("without --debug the requests stay out of the output", async () => {
    const run = await stack.mustRun(["preview", "--refresh"]);
    expect(run.stdout + run.stderr).to.not.match(/Acronis (GET|POST) \//);
  });

  it("a retry after Retry-After says how long it waits and what the server asked", async () => {
    const acronis = new AcronisApi(emulators.acronis);
    // Every listing answered 429 (Retry-After one second): each retry is logged, then the read fails.
    await acronis.post("/_emulator/faults", { rate: 1, kinds: ["429"], path: "/tenants" });
    try {
      const run = await stack.run(["preview", "--refresh", "--debug"]);
      expect(run.stdout + run.stderr).to.match(
        /Acronis GET \/tenants: retry 2 in \d+ ms \(Retry-After: [^)]+\)/,
      );
    } finally {
      await acronis.post("/_emulator/faults", { rate: 0 });
    }
  });
});
