import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { startEmulators } from "../emulator/index";
import { shardOf } from "../sdk/estateShard";
import { repoRoot, TestStack } from "../test/support/engine";
import { memoryEnvironment } from "../test/support/leanMemory";
import { measureApiFloor } from "./apiFloor";
import { installFloorPackage } from "./floorPackage";
import { machine, othersCpuMeter } from "./machine";
import { describePeak, peakSampler } from "./processTree";
import {
  apiFloorConcurrency,
  checkArguments,
  checkpointBytesIn,
  engineParallelism,
  median,
  numberOption,
  timed,
  useEngine,
} from "./run";
import { stateAnatomy } from "./stateAnatomy";

/**
 * The measurements behind docs/scaling.md, one option at a time, each printed as one JSON line:
 *
 *   floor  --customers N [--resources-per-customer 5|2|1] [--pad-bytes B] [--skip-checkpoints] [--runs R]
 *          the engine floor with the same inputs in fewer resources per customer, or bigger state per resource;
 *   shards --customers N --shards K [--latency-ms L] [--skip-checkpoints] [--runs R] [--window W]
 *          [--one-at-a-time] [--move] [--stack-traces] [--default-memory]
 *          our estate split by customer key into K stacks (shard-1 … shard-K) on one file backend, run in
 *          parallel through the Automation API, or one after another, each `up` then `preview --refresh`,
 *          with --one-at-a-time; --move also moves one customer between two shards with `pulumi state move`.
 * Both run with the main job's memory settings (test/support/leanMemory.ts) unless --default-memory.
 */

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
const run = promisify(execFile);

async function floor(argv: string[], log: (line: string) => void) {
  checkArguments(
    argv,
    ["customers", "resources-per-customer", "pad-bytes", "runs", "window"],
    ["skip-checkpoints", "default-memory"],
  );
  const customers = numberOption(argv, "customers", 100, 1);
  const resourcesPerCustomer = numberOption(argv, "resources-per-customer", 5, 1);
  const padBytes = numberOption(argv, "pad-bytes", 0);
  const runs = numberOption(argv, "runs", 1, 1);
  const skipCheckpoints = argv.includes("--skip-checkpoints");
  installFloorPackage();
  const others = othersCpuMeter();
  const seconds: number[] = [];
  const peaks: number[] = [];
  let checkpoint = 0;
  let anatomy: ReturnType<typeof stateAnatomy> | undefined;
  for (let i = 1; i <= runs; i++) {
    const stack = await TestStack.create("bench-engine-floor", "bench/programs/engineFloor", {
      customers: { value: String(customers) },
      resourcesPerCustomer: { value: String(resourcesPerCustomer) },
      padBytes: { value: String(padBytes) },
      window: { value: String(numberOption(argv, "window", 0)) },
    });
    stack.setEnvironment({
      ...(skipCheckpoints ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}),
      ...memoryEnvironment(!argv.includes("--default-memory")),
    });
    const memory = peakSampler();
    const [, upSeconds] = await timed(() => stack.up());
    const peak = memory.stop();
    for (const line of describePeak(peak)) log(line);
    peaks.push(peak.peakMb);
    seconds.push(upSeconds);
    anatomy = stateAnatomy(await stack.exportState());
    checkpoint = checkpointBytesIn(stack.workDir);
    log(`floor run ${i}/${runs}: ${round(upSeconds)} s`);
    stack.remove();
  }
  const resources = anatomy?.resources ?? 0;
  const onMachine = machine();
  onMachine.othersCpuShare = others.stop();
  return {
    experiment: "floor",
    customers,
    resources,
    resourcesPerCustomer,
    padBytes,
    skipCheckpoints,
    upSeconds: round(median(seconds)),
    secondsPerCustomer: round(median(seconds) / customers, 3),
    upSecondsRuns: seconds.map((s) => round(s)),
    checkpointBytesPerResource: Math.round(checkpoint / Math.max(resources, 1)),
    stateBytesPerResource: anatomy?.bytesPerResource,
    peakRssMb: round(median(peaks), 1),
    machine: onMachine,
  };
}

/** A project directory for the sharded estate program, and the environment every shard runs with. */
function shardProject(
  skipCheckpoints: boolean,
  leanMemory: boolean,
): { workDir: string; envVars: Record<string, string> } {
  const workDir = path.join(repoRoot, ".work", "bench", `shards-${process.pid}-${Date.now()}`);
  mkdirSync(path.join(workDir, "state"), { recursive: true });
  writeFileSync(
    path.join(workDir, "Pulumi.yaml"),
    "name: bench-shards\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
  );
  writeFileSync(
    path.join(workDir, "package.json"),
    JSON.stringify({ name: "bench-shards", main: "index.js" }),
  );
  writeFileSync(
    path.join(workDir, "index.js"),
    `module.exports = require(${JSON.stringify(path.join(repoRoot, "dist", "bench", "programs", "shardedEstate"))});\n`,
  );
  const envVars: Record<string, string> = {
    // One backend for every shard, as a team shares one bucket.
    PULUMI_BACKEND_URL: `file://${path.join(workDir, "state")}?metadata=skip`,
    PULUMI_HOME: path.join(workDir, "home"),
    PULUMI_CONFIG_PASSPHRASE: "bench-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
    ACRONIS_BASE_URL: "",
    ACRONIS_CLIENT_ID: "",
    ACRONIS_CLIENT_SECRET: "",
    ...(skipCheckpoints ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}),
    ...memoryEnvironment(leanMemory),
  };
  return { workDir, envVars };
}

/**
 * Moves customer `index` (its five resources) from shard `from` to shard `to` the way a team would when a
 * shard grows too big: the program assigns it to `to`, `pulumi state move` carries its state across, and
 * neither shard should then plan any change. Answers the changes each preview plans, and the ownership
 * mark its tenant still carries.
 */
async function moveCustomer(
  stacks: Stack[],
  workDir: string,
  envVars: Record<string, string>,
  index: number,
  from: number,
  to: number,
  tenantMark: () => Promise<string | undefined>,
) {
  const key = `estate-${index}`;
  for (const stack of stacks) await stack.setConfig("moved", { value: `${key}=${to}` });
  const types = ["CustomerTenant", "TenantMfa", "OfferingItems", "User", "AccessPolicy"];
  const names = ["", "-mfa", "-items", "-admin", "-admin-role"];
  const urns = types.map(
    (type, i) =>
      `urn:pulumi:shard-${from}::bench-shards::pulumi-nodejs:dynamic/acronis:${type}::customer-${index}${names[i]}`,
  );
  await run(
    "pulumi",
    [
      "state",
      "move",
      "--non-interactive",
      "--yes",
      "--source",
      `shard-${from}`,
      "--dest",
      `shard-${to}`,
      ...urns,
    ],
    { cwd: workDir, env: { ...process.env, ...envVars } },
  );
  const planned = async (stack: Stack) => {
    const { changeSummary } = await stack.preview();
    return Object.fromEntries(Object.entries(changeSummary).filter(([op]) => op !== "same"));
  };
  return {
    moved: key,
    from: `shard-${from}`,
    to: `shard-${to}`,
    changesPlannedBySource: await planned(stacks[from - 1]),
    changesPlannedByDestination: await planned(stacks[to - 1]),
    tenantMarkAfterMove: await tenantMark(),
  };
}

async function shards(argv: string[], log: (line: string) => void) {
  checkArguments(
    argv,
    ["customers", "shards", "latency-ms", "runs", "window"],
    ["skip-checkpoints", "move", "one-at-a-time", "stack-traces", "default-memory"],
  );
  const oneAtATime = argv.includes("--one-at-a-time");
  const window = numberOption(argv, "window", 0);
  const customers = numberOption(argv, "customers", 100, 1);
  const count = numberOption(argv, "shards", 2, 1);
  const latencyMs = numberOption(argv, "latency-ms", 100);
  const runs = numberOption(argv, "runs", 1, 1);
  const skipCheckpoints = argv.includes("--skip-checkpoints");
  const perShard = Array.from(
    { length: count },
    (_, k) =>
      Array.from({ length: customers }, (_, i) => shardOf(`estate-${i}`, count)).filter((s) => s === k + 1)
        .length,
  );
  // Each shard is an engine with its own provider process: K times the requests in flight of one stack.
  const concurrency = (oneAtATime ? 1 : count) * apiFloorConcurrency(engineParallelism(), 8);
  const others = othersCpuMeter();
  const seconds: number[] = [];
  const peaks: number[] = [];
  const floors: number[] = [];
  const refreshes: number[] = [];
  let refreshRequests: number | undefined;
  let requests = 0;
  let checkpoint = 0;
  let move: Awaited<ReturnType<typeof moveCustomer>> | undefined;
  for (let i = 1; i <= runs; i++) {
    const emulators = await startEmulators({ latencyMs });
    const { workDir, envVars } = shardProject(skipCheckpoints, !argv.includes("--default-memory"));
    const stacks: Stack[] = [];
    for (let k = 1; k <= count; k++) {
      const stack = await LocalWorkspace.createStack({ stackName: `shard-${k}`, workDir }, { envVars });
      await stack.setAllConfig({
        "acronis:baseUrl": { value: emulators.acronis.baseUrl },
        "acronis:clientId": { value: emulators.acronis.clientId },
        "acronis:clientSecret": { value: emulators.acronis.clientSecret, secret: true },
        partnerTenantId: { value: emulators.acronis.partnerTenantId },
        customers: { value: String(customers) },
        shards: { value: String(count) },
        ...(window > 0 ? { registrationWindow: { value: String(window) } } : {}),
        stackTraces: { value: String(argv.includes("--stack-traces")) },
      });
      stacks.push(stack);
    }
    const memory = peakSampler();
    memory.phase("up");
    const [, upSeconds] = await timed(async () => {
      if (!oneAtATime) return Promise.all(stacks.map((stack) => stack.up()));
      for (const stack of stacks) await stack.up();
    });
    requests = emulators.log.list("acronis").length;
    if (oneAtATime) {
      memory.phase("preview --refresh");
      const [, seconds] = await timed(async () => {
        for (const stack of stacks) await stack.preview({ refresh: true });
      });
      refreshes.push(seconds);
      refreshRequests = emulators.log.list("acronis").length - requests;
    }
    const peak = memory.stop();
    for (const line of describePeak(peak)) log(line);
    seconds.push(upSeconds);
    peaks.push(peak.peakMb);
    checkpoint = checkpointBytesIn(workDir);
    log(`shards run ${i}/${runs}: ${count} stacks in ${round(upSeconds)} s, peak ${round(peak.peakMb)} MB`);
    if (argv.includes("--move") && count > 1 && move === undefined) {
      const index = Array.from({ length: customers }, (_, j) => j).find(
        (j) => shardOf(`estate-${j}`, count) === 1,
      );
      if (index !== undefined) {
        const tenantMark = async () => {
          const url = new URL("/_emulator/state", emulators.acronis.baseUrl);
          const state = (await (await fetch(url)).json()) as {
            tenants?: { name: string; internal_tag?: string }[];
          };
          return state.tenants?.find((t) => t.name === `Estate Customer ${index}`)?.internal_tag;
        };
        move = await moveCustomer(stacks, workDir, envVars, index, 1, 2, tenantMark);
        log(`move: ${JSON.stringify(move)}`);
      }
    }
    rmSync(workDir, { recursive: true, force: true });
    await emulators.close();
    floors.push((await measureApiFloor(latencyMs, customers, concurrency)).seconds);
  }
  const onMachine = machine();
  onMachine.othersCpuShare = others.stop();
  return {
    experiment: "shards",
    customers,
    shards: count,
    oneAtATime,
    registrationWindow: window,
    stackTraces: argv.includes("--stack-traces"),
    leanMemory: !argv.includes("--default-memory"),
    customersPerShard: perShard,
    skipCheckpoints,
    latencyMs,
    upSeconds: round(median(seconds)),
    upSecondsRuns: seconds.map((s) => round(s)),
    apiFloorSeconds: round(median(floors)),
    apiFloorConcurrency: concurrency,
    apiFloorRatio: round(median(seconds) / median(floors)),
    refreshSeconds: oneAtATime ? round(median(refreshes)) : undefined,
    refreshRequests,
    requestsPerCustomer: round(requests / customers),
    checkpointBytesPerResource: Math.round(checkpoint / (customers * 5)),
    peakRssMb: round(median(peaks), 1),
    move,
    machine: onMachine,
  };
}

if (require.main === module) {
  const [experiment, ...argv] = process.argv.slice(2);
  const log = (line: string) => process.stderr.write(`scaling: ${line}\n`);
  const experiments: Record<string, (argv: string[], log: (line: string) => void) => Promise<unknown>> = {
    floor,
    shards,
  };
  const chosen = experiments[experiment ?? ""];
  if (!chosen) {
    process.stderr.write("usage: node dist/bench/scaling.js floor|shards [options] (see bench/scaling.ts)\n");
    process.exit(2);
  }
  useEngine();
  chosen(argv, log)
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    })
    .catch((err: Error) => {
      process.stderr.write(`scaling: ${err.message}\n`);
      process.exit(1);
    });
}
