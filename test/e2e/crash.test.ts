import { expect } from "chai";
import type { RunningEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import type { TestStack } from "../support/engine";
import { estateStack } from "../support/estate";
import { expectDeclaredCustomers, expectDeclaredHcpTenants } from "../support/estateCheck";
import { HcpApi } from "../support/hcpApi";
import { leanMemoryEnvironment } from "../support/leanMemory";
import { killAll, processesOf, type RunProcess } from "../support/runProcesses";

const hcpTenants = 2;

/**
 * Killed runs: with a checkpoint after every step (the engine's default), and without
 * (PULUMI_SKIP_CHECKPOINTS, the fast path: a killed run then loses the state record of the whole run).
 */
const cases = [
  { seed: 20261127, customers: 50, skipCheckpoints: false },
  { seed: 7, customers: 50, skipCheckpoints: false },
  { seed: 424242, customers: 50, skipCheckpoints: false },
  { seed: 1127, customers: 200, skipCheckpoints: true },
];

/** mulberry32: a small seeded generator, so a failing seed can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `pulumi up`, waits until the APIs have taken `afterWrites` write calls, then SIGKILLs the engine,
 * and `graceMs` later every process of the run (the CI runner is gone): calls in flight may still land.
 * The plugins (language host, dynamic-provider hosts) lead process groups of their own, so they are found
 * by the run's directory rather than through the engine's group.
 */
async function upKilledAfter(
  stack: TestStack,
  emulators: RunningEmulators,
  afterWrites: number,
  graceMs: number,
): Promise<{ writes: number; processes: number; survivors: RunProcess[] }> {
  const { child, result } = stack.start(["up", "--yes", "--skip-preview"]);
  let exited = false;
  void result.then(() => {
    exited = true;
  });
  let writes = 0;
  while (!exited) {
    const seen = await apiWrites(emulators);
    writes = seen.acronis.length + seen.hcp.length;
    if (writes >= afterWrites) break;
    await sleep(20);
  }
  if (exited) throw new Error(`pulumi up finished after ${writes} writes, before the kill at ${afterWrites}`);
  // The engine, its language host and program, and the dynamic-provider hosts, each in its own group.
  const run = processesOf(stack.workDir);
  process.kill(child.pid as number, "SIGKILL");
  await sleep(graceMs);
  await killAll(run);
  await result;
  return { writes, processes: run.length, survivors: processesOf(stack.workDir) };
}

/** The stack's resources, and the URNs of creates the engine recorded as interrupted. */
async function deployment(
  stack: TestStack,
): Promise<{ resources: { id?: string; urn: string }[]; pendingCreates: string[] }> {
  const exported = JSON.parse(await stack.exportState()) as {
    deployment: {
      resources?: { id?: string; urn: string }[];
      pending_operations?: { type: string; resource: { urn: string } }[];
    };
  };
  const pending = exported.deployment.pending_operations ?? [];
  return {
    resources: exported.deployment.resources ?? [],
    pendingCreates: pending.filter((op) => op.type === "creating").map((op) => op.resource.urn),
  };
}

for (const { seed, customers, skipCheckpoints } of cases) {
  const mode = skipCheckpoints ? "PULUMI_SKIP_CHECKPOINTS" : "a checkpoint after every step";
  /** Write calls a whole `up` of the estate makes, about: six per customer, two per HCP tenant. */
  const writesOfWholeUp = customers * 6 + hcpTenants * 2;
  describe(`crash (seed ${seed}, ${mode}): pulumi up of ${customers} customers and ${hcpTenants} HCP tenants killed by SIGKILL, then cancel and up again`, function () {
    this.timeout(900_000);
    let emulators: RunningEmulators;
    let stack: TestStack;
    let acronis: AcronisApi;
    let hcp: HcpApi;
    let killedAt = 0;
    let killedRun = { processes: 0, survivors: [] as RunProcess[] };
    let recovery = { code: -1, output: "" };

    before(async () => {
      const next = random(seed);
      ({ emulators, stack } = await estateStack(`crash-${seed}`, { customers, hcpTenants }));
      // The fast path runs as the main job does: one checkpoint per run and lean memory.
      if (skipCheckpoints)
        stack.setEnvironment({ PULUMI_SKIP_CHECKPOINTS: "true", ...leanMemoryEnvironment });
      acronis = new AcronisApi(emulators.acronis);
      hcp = new HcpApi(emulators.hcp);
      const afterWrites = 1 + Math.floor(next() * (writesOfWholeUp - 20));
      const killed = await upKilledAfter(stack, emulators, afterWrites, Math.floor(next() * 1500));
      killedAt = killed.writes;
      killedRun = killed;
      // All the user does: release the lock the killed run left, and run up again.
      await stack.mustRun(["cancel", "--yes"]);
      const started = Date.now();
      const result = await stack.run(["up", "--yes", "--skip-preview"]);
      const recoveryUpSeconds = (Date.now() - started) / 1000;
      recovery = { code: result.code, output: result.stdout + result.stderr };
      const { pendingCreates } = await deployment(stack);
      console.log(
        `      crash figures: ${JSON.stringify({ seed, customers, skipCheckpoints, killedAfterWrites: killedAt, processesOfKilledRun: killedRun.processes, interruptedCreates: pendingCreates.length, recoveryUpSeconds })}`,
      );
    });

    after(async () => {
      if (process.env.KEEP_CRASH) return;
      stack?.remove();
      await emulators?.close();
    });

    it("no process of the killed run survives it (engine, language host, dynamic-provider hosts)", () => {
      expect(killedRun.processes, "processes of the run found before the kill").to.be.above(1);
      expect(killedRun.survivors).to.deep.equal([]);
    });

    it("the second pulumi up succeeds", () => {
      expect(
        recovery.code,
        recovery.output
          .split("\n")
          .filter((l) => /error|warning/i.test(l))
          .slice(0, 20)
          .join("\n"),
      ).to.equal(0);
    });

    it("the emulated Acronis holds exactly the declared customers", () =>
      expectDeclaredCustomers(acronis, customers));

    it("the emulated HCP holds exactly the declared tenants", () =>
      expectDeclaredHcpTenants(hcp, hcpTenants));

    it("the state tracks every object, also each create the engine lists as interrupted", async () => {
      const state = await deployment(stack);
      const tracked = new Set(state.resources.map((r) => r.id));
      const acronisState = (await acronis.get("/_emulator/state")).body as {
        tenants: { id: string; kind: string }[];
        users: { id: string }[];
      };
      for (const tenant of acronisState.tenants.filter((t) => t.kind === "customer")) {
        expect(tracked.has(tenant.id), `customer tenant ${tenant.id} tracked`).to.equal(true);
      }
      for (const user of acronisState.users)
        expect(tracked.has(user.id), `user ${user.id} tracked`).to.equal(true);
      const urns = new Set(state.resources.map((r) => r.urn));
      const untracked = state.pendingCreates.filter((urn) => !urns.has(urn));
      expect(untracked, "interrupted creates not in the state").to.deep.equal([]);
    });

    it("clearing the engine's note of interrupted creates loses nothing, and preview --refresh plans nothing", async () => {
      const before = await deployment(stack);
      await stack.mustRun(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
      const after = await deployment(stack);
      expect(after.pendingCreates).to.deep.equal([]);
      expect(after.resources.map((r) => r.urn).sort()).to.deep.equal(
        before.resources.map((r) => r.urn).sort(),
      );
      const planned = (await stack.previewSteps({ refresh: true })).filter((s) => s.op !== "refresh");
      expect(planned.map((s) => `${s.op} ${s.name} ${s.diffReasons.join(",")}`)).to.deep.equal([]);
    });
  });
}
