import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { startEmulators } from "../emulator/index";
import { readReliabilitySettings } from "../provider/core/config";
import { repoRoot, TestStack } from "../test/support/engine";
import { memoryEnvironment } from "../test/support/leanMemory";
import { acronisStackConfig, type StackConfig } from "../test/support/stackConfig";
import { measureApiFloor } from "./apiFloor";
import { installFloorPackage } from "./floorPackage";
import { type Machine, machine, othersCpuMeter } from "./machine";
import { describePeak, type MemoryPeak, peakSampler, type Role } from "./processTree";
import { stateAnatomy } from "./stateAnatomy";

export interface BenchOptions {
  customers: number;
  latencyMs: number;
  /** Each figure is the median over this many runs of (a), (b) and (c). */
  runs: number;
  /** Every `pulumi up` (ours and the engine floor's) with PULUMI_SKIP_CHECKPOINTS=true. */
  skipCheckpoints: boolean;
  /** Customers awaiting the engine at a time, in our program and the floor's (0: all at once). */
  registrationWindow: number;
  /** Whether the programs keep stack traces (the main job drops them unless told otherwise). */
  stackTraces: boolean;
  /** Whether every process runs with the main job's memory settings (test/support/leanMemory.ts). */
  leanMemory: boolean;
}

export interface BenchResult {
  customers: number;
  resources: number;
  /** The primary figure: `pulumi up` / API floor. */
  apiFloorRatio: number;
  upSeconds: number;
  secondsPerCustomer: number;
  apiFloorSeconds: number;
  engineFloorSeconds: number;
  refreshSeconds: number;
  refreshRequests: number;
  requestsPerCustomer: number;
  /** The API floor's requests per customer: the calls ours should make. */
  apiFloorRequestsPerCustomer: number;
  /** `pulumi stack export` bytes (as the CLI prints it) per dynamic resource. */
  stateBytesPerResource: number;
  providerBytesPerResource: number;
  /** Peak over `up` and `preview --refresh` of the summed resident memory of every process of the run. */
  peakRssMb: number;
  skipCheckpoints: boolean;
  /** Absent in series measured before the window existed: every customer at once. */
  registrationWindow?: number;
  /** Absent in series measured before the main job dropped them: with stack traces. */
  stackTraces?: boolean;
  /** Absent in series measured before the main job's memory settings: without them. */
  leanMemory?: boolean;
  // Secondary figures, and what the figures were measured with.
  latencyMs: number;
  runs: number;
  /** upSeconds of every run, in order: the spread says how noisy the machine was. */
  upSecondsRuns: number[];
  engineFloorSecondsPerCustomer: number;
  /** The checkpoint file the engine rewrites after every step, bytes per dynamic resource. */
  checkpointBytesPerResource: number;
  engineFloorStateBytesPerResource: number;
  engineFloorProviderBytesPerResource: number;
  engineFloorPeakRssMb: number;
  /** Our peak, by process role, in the run whose peak was the median. */
  peakRssByRoleMb: Partial<Record<Role, number>>;
  peakPhase: string;
  /** Requests in flight the API floor allowed itself: what the engine and the providers together allow. */
  apiFloorConcurrency: number;
  engineParallelism: number;
  providerMaxConcurrentRequests: number;
  machine: Machine;
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timed<T>(task: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await task();
  return [result, Number(process.hrtime.bigint() - started) / 1e9];
}

/** `pulumi up`'s default `--parallel`, as this engine on this machine reports it (4 × CPUs in v3.259). */
export function engineParallelism(): number {
  const help = execFileSync("pulumi", ["up", "--help"], { encoding: "utf8" });
  const match = help.match(/--parallel int32[^\n]*\(default (\d+)\)/);
  if (!match) throw new Error("cannot find the default of --parallel in `pulumi up --help`");
  return Number(match[1]);
}

/**
 * The API floor's bound on requests in flight: what the engine and the providers together allow.
 *
 * - The engine runs at most `--parallel` resource operations at once (default 4 × CPUs: 8 on 2 cores).
 * - Every dynamic resource of the stack goes to one dynamic-provider host process (the default
 *   `pulumi-nodejs` provider), whose Acronis client lets at most `acronis:maxConcurrentRequests` requests
 *   be in flight (default 8, provider/core/config.ts), shared by all five resource types.
 * - Each operation makes its requests one after the other (a user's create: check the login, create,
 *   send the activation e-mail), so an operation has at most one request in flight.
 *
 * Hence min(parallel, maxConcurrentRequests); on this 2-core machine both are 8. A floor with more in
 * flight than that would measure an API client the providers are not allowed to be.
 */
export function apiFloorConcurrency(parallel: number, maxConcurrentRequests: number): number {
  return Math.min(parallel, maxConcurrentRequests);
}

interface RunFigures {
  upSeconds: number;
  refreshSeconds: number;
  refreshRequests: number;
  upRequests: number;
  apiFloorSeconds: number;
  apiFloorRequests: number;
  engineFloorSeconds: number;
  stateBytesPerResource: number;
  providerBytesPerResource: number;
  checkpointBytesPerResource: number;
  engineFloorStateBytesPerResource: number;
  engineFloorProviderBytesPerResource: number;
  peak: MemoryPeak;
  engineFloorPeak: MemoryPeak;
}

/** Bytes of the checkpoint files of every stack in the local backend under `workDir` (what the engine rewrites). */
export function checkpointBytesIn(workDir: string): number {
  const stacks = path.join(workDir, "state", ".pulumi", "stacks");
  let bytes = 0;
  for (const project of readdirSync(stacks)) {
    for (const file of readdirSync(path.join(stacks, project))) {
      if (/\.json(\.gz|\.zst)?$/.test(file)) bytes += statSync(path.join(stacks, project, file)).size;
    }
  }
  return bytes;
}

function byRole(peak: MemoryPeak): Partial<Record<Role, number>> {
  const roles: Partial<Record<Role, number>> = {};
  for (const p of peak.atPeak) roles[p.role] = round((roles[p.role] ?? 0) + p.rssMb, 1);
  return roles;
}

/** The window declareEstateGradually uses unless told otherwise. */
export const defaultRegistrationWindow = 50;

/** Stack config for a window of `size` customers (none when 0). */
function windowConfig(size: number, key: string): Record<string, { value: string }> {
  return size > 0 ? { [key]: { value: String(size) } } : {};
}

async function oneRun(
  options: BenchOptions,
  floorConcurrency: number,
  log: (line: string) => void,
): Promise<RunFigures> {
  const { customers, latencyMs, skipCheckpoints } = options;
  const environment = {
    ...(skipCheckpoints ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}),
    ...memoryEnvironment(options.leanMemory),
  };

  // (a) pulumi up, then pulumi preview --refresh
  const ours = await startEmulators({ latencyMs });
  const config: StackConfig = {
    ...acronisStackConfig(ours.acronis),
    customers: { value: String(customers) },
    hcpTenants: { value: "0" },
    tenantPassword: { value: "Unused-pass-1", secret: true },
    ...windowConfig(options.registrationWindow, "registrationWindow"),
    stackTraces: { value: String(options.stackTraces) },
  };
  const stack = await TestStack.create("bench-estate", "test/programs/estate", config);
  stack.setEnvironment(environment);
  const memory = peakSampler();
  memory.phase("up");
  const [, upSeconds] = await timed(() => stack.up());
  const upRequests = ours.log.list("acronis").length;
  log(`(a) pulumi up: ${round(upSeconds)} s, ${upRequests} requests`);
  memory.phase("preview --refresh");
  const [, refreshSeconds] = await timed(() => stack.mustRun(["preview", "--refresh"]));
  const refreshRequests = ours.log.list("acronis").length - upRequests;
  const peak = memory.stop();
  log(`(a) pulumi preview --refresh: ${round(refreshSeconds)} s, ${refreshRequests} requests`);
  for (const line of describePeak(peak)) log(`(a) ${line}`);
  const checkpoint = checkpointBytesIn(stack.workDir);
  const anatomy = stateAnatomy(await stack.exportState());
  log(
    `(a) state: ${anatomy.bytesPerResource} bytes a resource exported, ${round(checkpoint / anatomy.resources)} in the checkpoint file; by field ${JSON.stringify(anatomy.fields)}`,
  );
  stack.remove();
  await ours.close();

  // (b) the same API calls without Pulumi, with as many requests in flight as the providers may have
  const { seconds: apiFloorSeconds, requests: floorRequests } = await measureApiFloor(
    latencyMs,
    customers,
    floorConcurrency,
  );
  log(
    `(b) API floor: ${round(apiFloorSeconds)} s, ${floorRequests} requests at most ${floorConcurrency} in flight (${round(floorRequests / customers)} a customer; ours ${round(upRequests / customers)})`,
  );

  // (c) the same program shape with dynamic resources that do nothing, loaded from node_modules
  installFloorPackage();
  const floorStack = await TestStack.create("bench-engine-floor", "bench/programs/engineFloor", {
    customers: { value: String(customers) },
    ...windowConfig(options.registrationWindow, "window"),
    stackTraces: { value: String(options.stackTraces) },
  });
  floorStack.setEnvironment(environment);
  const floorMemory = peakSampler();
  floorMemory.phase("engine floor up");
  const [, engineFloorSeconds] = await timed(() => floorStack.up());
  const engineFloorPeak = floorMemory.stop();
  const floorAnatomy = stateAnatomy(await floorStack.exportState());
  log(`(c) engine floor: ${round(engineFloorSeconds)} s`);
  for (const line of describePeak(engineFloorPeak)) log(`(c) ${line}`);
  floorStack.remove();

  return {
    upSeconds,
    refreshSeconds,
    refreshRequests,
    upRequests,
    apiFloorSeconds,
    apiFloorRequests: floorRequests,
    engineFloorSeconds,
    stateBytesPerResource: anatomy.bytesPerResource,
    providerBytesPerResource: anatomy.providerBytesPerResource,
    checkpointBytesPerResource: checkpoint / anatomy.resources,
    engineFloorStateBytesPerResource: floorAnatomy.bytesPerResource,
    engineFloorProviderBytesPerResource: floorAnatomy.providerBytesPerResource,
    peak,
    engineFloorPeak,
  };
}

/** (a) our estate on the real engine, then a refresh; (b) the API floor; (c) the engine floor; `runs` times. */
/** The engine of PULUMI_ENGINE_DIR (built if unset), first on the PATH of this process too: the one the stacks run. */
export function useEngine(): void {
  process.env.PULUMI_ENGINE_DIR ||= execFileSync("bash", [path.join(repoRoot, "scripts/ensure-pulumi.sh")], {
    encoding: "utf8",
  }).trim();
  process.env.PATH = `${process.env.PULUMI_ENGINE_DIR}${path.delimiter}${process.env.PATH}`;
}

export async function bench(options: BenchOptions, log: (line: string) => void): Promise<BenchResult> {
  useEngine();
  const { customers, runs } = options;
  const parallel = engineParallelism();
  // The bench stack sets no acronis:maxConcurrentRequests: the providers run at their default.
  const providerMaxConcurrentRequests = readReliabilitySettings(
    "acronis",
    undefined,
    {},
  ).maxConcurrentRequests;
  const floorConcurrency = apiFloorConcurrency(parallel, providerMaxConcurrentRequests);
  const onMachine = machine();
  const others = othersCpuMeter();
  const figures: RunFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    figures.push(await oneRun(options, floorConcurrency, (line) => log(`run ${run}/${runs} ${line}`)));
  }
  onMachine.othersCpuShare = others.stop();
  const mid = (pick: (f: RunFigures) => number) => median(figures.map(pick));
  const upSeconds = mid((f) => f.upSeconds);
  const apiFloorSeconds = mid((f) => f.apiFloorSeconds);
  const engineFloorSeconds = mid((f) => f.engineFloorSeconds);
  const peakRssMb = mid((f) => f.peak.peakMb);
  // The breakdown of the run whose peak is the median (with an even count, the upper middle one).
  const medianPeakRun = [...figures].sort((a, b) => a.peak.peakMb - b.peak.peakMb)[Math.floor(runs / 2)];
  return {
    customers,
    resources: customers * 5,
    apiFloorRatio: round(upSeconds / apiFloorSeconds),
    upSeconds: round(upSeconds),
    secondsPerCustomer: round(upSeconds / customers, 3),
    apiFloorSeconds: round(apiFloorSeconds),
    engineFloorSeconds: round(engineFloorSeconds),
    refreshSeconds: round(mid((f) => f.refreshSeconds)),
    refreshRequests: mid((f) => f.refreshRequests),
    requestsPerCustomer: round(mid((f) => f.upRequests) / customers),
    apiFloorRequestsPerCustomer: round(mid((f) => f.apiFloorRequests) / customers),
    stateBytesPerResource: Math.round(mid((f) => f.stateBytesPerResource)),
    providerBytesPerResource: Math.round(mid((f) => f.providerBytesPerResource)),
    peakRssMb: round(peakRssMb, 1),
    skipCheckpoints: options.skipCheckpoints,
    registrationWindow: options.registrationWindow,
    stackTraces: options.stackTraces,
    leanMemory: options.leanMemory,
    latencyMs: options.latencyMs,
    runs,
    upSecondsRuns: figures.map((f) => round(f.upSeconds)),
    engineFloorSecondsPerCustomer: round(engineFloorSeconds / customers, 3),
    checkpointBytesPerResource: Math.round(mid((f) => f.checkpointBytesPerResource)),
    engineFloorStateBytesPerResource: Math.round(mid((f) => f.engineFloorStateBytesPerResource)),
    engineFloorProviderBytesPerResource: Math.round(mid((f) => f.engineFloorProviderBytesPerResource)),
    engineFloorPeakRssMb: round(
      mid((f) => f.engineFloorPeak.peakMb),
      1,
    ),
    peakRssByRoleMb: byRole(medianPeakRun.peak),
    peakPhase: medianPeakRun.peak.phase,
    apiFloorConcurrency: floorConcurrency,
    engineParallelism: parallel,
    providerMaxConcurrentRequests,
    machine: onMachine,
  };
}

/** Refuses an argument the command does not know, so a typo cannot run a different benchmark for hours. */
export function checkArguments(argv: string[], valued: string[], flags: string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, "");
    if (valued.includes(name)) i++;
    else if (!flags.includes(name)) throw new Error(`unknown argument "${argv[i]}" (see --help)`);
  }
}

export function numberOption(argv: string[], name: string, fallback: number, min = 0): number {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be a whole number ≥ ${min}, got "${argv[at + 1]}"`);
  return value;
}

const usage = `usage: node dist/bench/run.js [--customers N] [--latency-ms L] [--runs R] [--window W] [--skip-checkpoints]
  --customers N       Acronis customers, five resources each (default 100)
  --latency-ms L      added to every emulator answer (default 100)
  --runs R            each figure is the median of R runs (default 3)
  --window W          at most W customers await the engine at a time, as in declareEstateGradually
                      (default 50; 0: the program declares every customer at once)
  --stack-traces      the programs keep stack traces (the main job drops them unless config stackTraces is true)
  --default-memory    without the main job's memory settings (test/support/leanMemory.ts: NODE_OPTIONS, GOGC, MALLOC_*)
  --skip-checkpoints  every pulumi up (ours and the engine floor's) with PULUMI_SKIP_CHECKPOINTS=true
Prints one JSON line on stdout; progress and the per-process memory at the peak on stderr.`;

async function main(argv: string[]): Promise<void> {
  if (argv.includes("--help")) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  checkArguments(
    argv,
    ["customers", "latency-ms", "runs", "window"],
    ["skip-checkpoints", "stack-traces", "default-memory"],
  );
  const options: BenchOptions = {
    customers: numberOption(argv, "customers", 100, 1),
    latencyMs: numberOption(argv, "latency-ms", 100),
    runs: numberOption(argv, "runs", 3, 1),
    skipCheckpoints: argv.includes("--skip-checkpoints"),
    registrationWindow: numberOption(argv, "window", defaultRegistrationWindow),
    stackTraces: argv.includes("--stack-traces"),
    leanMemory: !argv.includes("--default-memory"),
  };
  const result = await bench(options, (line) => process.stderr.write(`bench: ${line}\n`));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then(() => process.exit(0))
    .catch((err: Error) => {
      process.stderr.write(`bench: ${err.message}\n`);
      process.exit(1);
    });
}
