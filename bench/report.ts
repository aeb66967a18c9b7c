import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../test/support/engine";
import { lineChart } from "./chart";
import type { Machine } from "./machine";
import { sampleEveryMs } from "./processTree";
import { type BenchResult, bench, checkArguments, defaultRegistrationWindow, numberOption } from "./run";

/**
 * `npm run bench:report [-- options]`: runs the benchmark at each size in one checkpoint mode, keeps the
 * figures in bench/results/<mode>.json (after every size, so an interrupted series keeps what it measured),
 * then writes docs/benchmarks.md and its charts from every mode's saved figures. Every figure and every
 * sentence with a figure in the document is computed from those files; nothing is typed in by hand.
 */

type Mode = "checkpoints" | "skip-checkpoints";
const modes: Mode[] = ["checkpoints", "skip-checkpoints"];

interface SavedSeries {
  mode: Mode;
  latencyMs: number;
  runs: number;
  sizes: number[];
  results: BenchResult[];
}

export const defaultSizes = [100, 250, 500, 1000];
const targets = {
  apiFloorRatio: 1.5,
  perCustomerGrowth: 1.2,
  refreshRequests: 10,
  refreshSeconds: 60,
  memoryMb: 1024,
};

const resultsFile = (mode: Mode) => path.join(repoRoot, "bench", "results", `${mode}.json`);
const chartFile = (mode: Mode) =>
  mode === "checkpoints" ? "benchmarks.svg" : "benchmarks-skip-checkpoints.svg";
const modeTitle = (mode: Mode) =>
  mode === "checkpoints"
    ? "The engine's default: a checkpoint after every step"
    : "`PULUMI_SKIP_CHECKPOINTS=true`: one checkpoint at the end of each run";

function load(mode: Mode): SavedSeries | undefined {
  const file = resultsFile(mode);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SavedSeries) : undefined;
}

function save(series: SavedSeries): void {
  mkdirSync(path.dirname(resultsFile(series.mode)), { recursive: true });
  writeFileSync(resultsFile(series.mode), `${JSON.stringify(series, null, 2)}\n`);
}

const fixed = (n: number, places = 2) => n.toFixed(places);
const verdict = (ok: boolean) => (ok ? "met" : "**not met**");
const percent = (share: number) => `${Math.round(share * 100)} %`;

/** How the programs declared the estate: all at once, or behind a registration window (older series lack the field). */
function describeWindow(results: readonly BenchResult[]): string {
  const windows = [...new Set(results.map((r) => r.registrationWindow ?? 0))];
  if (windows.length === 1 && windows[0] === 0) return "The programs declare every customer at once.";
  if (windows.length === 1)
    return `The programs declare the estate gradually: at most ${windows[0]} customers await the engine at a time (as \`declareEstateGradually\`).`;
  return `Registration window by N: ${results.map((r) => `N=${r.customers}: ${r.registrationWindow ?? "none"}`).join(", ")}.`;
}

/** One sentence on a setting every size ran with, or on its mix; `absent` is what older series lacking the field ran with. */
function describeSetting(
  results: readonly BenchResult[],
  pick: (r: BenchResult) => boolean | undefined,
  absent: boolean,
  sentences: { on: string; off: string; mixed: string },
): string {
  const values = [...new Set(results.map((r) => pick(r) ?? absent))];
  if (values.length > 1) return sentences.mixed;
  return values[0] ? sentences.on : sentences.off;
}

const describeStackTraces = (results: readonly BenchResult[]) =>
  describeSetting(results, (r) => r.stackTraces, true, {
    on: "They keep stack traces.",
    off: "They drop stack traces, as the main job does unless config `stackTraces` is true.",
    mixed: "Some sizes ran with stack traces, some without.",
  });

const describeMemorySettings = (results: readonly BenchResult[]) =>
  describeSetting(results, (r) => r.leanMemory, false, {
    on: "Every process runs with the main job's memory settings (`NODE_OPTIONS=--expose-gc --max-semi-space-size=2`, `GOGC=10`, `MALLOC_ARENA_MAX=2`, `MALLOC_TRIM_THRESHOLD_=131072`, `MALLOC_MMAP_THRESHOLD_=131072`; docs/scaling.md, option 8).",
    off: "The processes run with Node.js's, Go's and glibc's default memory settings.",
    mixed: "Some sizes ran with the main job's memory settings, some without.",
  });

function describeMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node.js ${m.node}; Pulumi engine ${m.engine}, \`@pulumi/pulumi\` ${m.pulumiSdk}`;
}

/** How much of the machine other work took while each size ran: the noise in the timings. */
function describeSharing(results: BenchResult[]): string | undefined {
  const measured = results.filter((r) => r.machine.othersCpuShare !== undefined);
  if (measured.length === 0) return undefined;
  const shares = measured.map((r) => `${percent(r.machine.othersCpuShare ?? 0)} at N=${r.customers}`);
  const shared = measured.some((r) => (r.machine.othersCpuShare ?? 0) >= 0.05);
  return `Other processes' share of the machine's CPU time while the runs took place: ${shares.join(", ")}${shared ? " (a shared machine: the timings are noisy)" : " (a quiet machine)"}.`;
}

function table(results: BenchResult[]): string {
  const header = [
    "customers (resources)",
    "**up / API floor**",
    "up s",
    "s / customer",
    "API floor s",
    "engine floor s",
    "preview --refresh s",
    "refresh requests",
    "requests / customer",
    "state bytes / resource",
    "`__provider` bytes / resource",
    "peak memory MB",
  ];
  const rows = results.map((r) =>
    [
      `${r.customers} (${r.resources})`,
      `**${fixed(r.apiFloorRatio)}**`,
      fixed(r.upSeconds, 1),
      fixed(r.secondsPerCustomer, 3),
      fixed(r.apiFloorSeconds, 1),
      fixed(r.engineFloorSeconds, 1),
      fixed(r.refreshSeconds, 1),
      String(r.refreshRequests),
      fixed(r.requestsPerCustomer),
      String(r.stateBytesPerResource),
      String(r.providerBytesPerResource),
      fixed(r.peakRssMb, 0),
    ].join(" | "),
  );
  return [
    `| ${header.join(" | ")} |`,
    `|${" --- |".repeat(header.length)}`,
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}

/** The sentences of one mode's section: each figure in them comes from `results`. */
function findings(results: BenchResult[]): string[] {
  const first = results[0];
  const last = results[results.length - 1];
  const lines: string[] = [];
  lines.push(
    `\`up\` / API floor at N=${last.customers}: **${fixed(last.apiFloorRatio)}** (target ≤ ${targets.apiFloorRatio}: ${verdict(last.apiFloorRatio <= targets.apiFloorRatio)}).`,
  );
  if (results.length > 1) {
    const growth = last.secondsPerCustomer / first.secondsPerCustomer;
    const floorGrowth = last.engineFloorSecondsPerCustomer / first.engineFloorSecondsPerCustomer;
    lines.push(
      `Time per customer: ${fixed(first.secondsPerCustomer, 3)} s at N=${first.customers}, ${fixed(last.secondsPerCustomer, 3)} s at N=${last.customers}, **${fixed(growth)}×** (target ≤ ${targets.perCustomerGrowth}: ${verdict(growth <= targets.perCustomerGrowth)}). The engine floor's time per customer changes ${fixed(floorGrowth)}× over the same range; the API floor's ${fixed(last.apiFloorSeconds / last.customers / (first.apiFloorSeconds / first.customers))}×.`,
    );
  }
  lines.push(
    `\`pulumi preview --refresh\` at N=${last.customers}: ${last.refreshRequests} requests and ${fixed(last.refreshSeconds, 1)} s (targets ≤ ${targets.refreshRequests} requests: ${verdict(last.refreshRequests <= targets.refreshRequests)}; ≤ ${targets.refreshSeconds} s: ${verdict(last.refreshSeconds <= targets.refreshSeconds)}).`,
  );
  const roles = Object.entries(last.peakRssByRoleMb).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  lines.push(
    `Peak memory at N=${last.customers}, summed over every process of the run: ${fixed(last.peakRssMb, 0)} MB, during \`${last.peakPhase}\` (target ≤ ${targets.memoryMb} MB: ${verdict(last.peakRssMb <= targets.memoryMb)}); at that moment ${roles.map(([role, mb]) => `${role} ${fixed(mb ?? 0, 0)} MB`).join(", ")}. The engine floor's peak: ${fixed(last.engineFloorPeakRssMb, 0)} MB.`,
  );
  lines.push(
    `The API floor kept at most ${last.apiFloorConcurrency} requests in flight: the engine's default \`--parallel\` here is ${last.engineParallelism}, the providers' \`acronis:maxConcurrentRequests\` ${last.providerMaxConcurrentRequests}.`,
  );
  lines.push(
    `Requests per customer at N=${last.customers}: ${fixed(last.requestsPerCustomer)} by \`pulumi up\`, ${fixed(last.apiFloorRequestsPerCustomer)} by the API floor.`,
  );
  lines.push(
    `State at N=${last.customers}: ${last.stateBytesPerResource} bytes per resource in \`pulumi stack export\`, ${last.checkpointBytesPerResource} in the checkpoint file the engine rewrites, of which \`__provider\` (inputs and outputs) ${last.providerBytesPerResource}; the engine floor's resources ${last.engineFloorStateBytesPerResource} bytes, \`__provider\` ${last.engineFloorProviderBytesPerResource}.`,
  );
  const spread = results
    .filter((r) => r.upSecondsRuns.length > 1)
    .map((r) => `N=${r.customers}: ${r.upSecondsRuns.map((s) => fixed(s, 1)).join(", ")}`);
  if (spread.length > 0)
    lines.push(`\`up\` seconds of each run (the table gives the median): ${spread.join("; ")}.`);
  return lines.map((line) => `- ${line}`);
}

function section(series: SavedSeries): string {
  const { results } = series;
  const measured = results.map((r) => r.customers);
  const missing = series.sizes.filter((n) => !measured.includes(n));
  const notes: string[] = [];
  if (missing.length > 0)
    notes.push(`This series is incomplete: N = ${missing.join(", ")} not measured yet.`);
  const machines = [...new Set(results.map((r) => describeMachine(r.machine)))];
  const sharing = describeSharing(results);
  return [
    `## ${modeTitle(series.mode)}`,
    "",
    `N = ${measured.join(", ")} customers, ${series.latencyMs} ms latency, each figure the median of ${series.runs} run${series.runs === 1 ? "" : "s"}.`,
    `${describeWindow(results)} ${describeStackTraces(results)} ${describeMemorySettings(results)}`,
    ...notes,
    "",
    machines.length === 1
      ? `Machine: ${machines[0]}.`
      : results.map((r) => `Machine at N=${r.customers}: ${describeMachine(r.machine)}.`).join("\n"),
    ...(sharing ? ["", sharing] : []),
    "",
    table(results),
    "",
    `![pulumi up, the floors and refresh against N (${series.mode})](${chartFile(series.mode)})`,
    "",
    ...findings(results),
  ].join("\n");
}

/** Sizes both modes measured with the same engine: comparing across engine versions would mislead. */
function comparableSizes(a: SavedSeries, b: SavedSeries): number[] {
  return a.results
    .filter((x) =>
      b.results.some((y) => y.customers === x.customers && y.machine.engine === x.machine.engine),
    )
    .map((r) => r.customers);
}

function bothModes(a: SavedSeries, b: SavedSeries): string {
  const sizes = comparableSizes(a, b);
  if (sizes.length === 0) return "";
  const rows = sizes.map((n) => {
    const x = a.results.find((r) => r.customers === n) as BenchResult;
    const y = b.results.find((r) => r.customers === n) as BenchResult;
    return `| ${n} | ${fixed(x.upSeconds, 1)} | ${fixed(y.upSeconds, 1)} | ${fixed(x.upSeconds / y.upSeconds)}× | ${fixed(x.engineFloorSeconds, 1)} | ${fixed(y.engineFloorSeconds, 1)} | ${fixed(x.peakRssMb, 0)} | ${fixed(y.peakRssMb, 0)} |`;
  });
  return [
    "## The two modes side by side",
    "",
    "| customers | up s, checkpoints | up s, skip | speed-up | engine floor s, checkpoints | engine floor s, skip | peak MB, checkpoints | peak MB, skip |",
    `|${" --- |".repeat(8)}`,
    ...rows,
    ...(sizes.length > 1
      ? ["", "![seconds per customer against N, both modes](benchmarks-per-customer.svg)"]
      : []),
  ].join("\n");
}

function charts(all: SavedSeries[]): void {
  const docs = path.join(repoRoot, "docs");
  for (const series of all) {
    const { results } = series;
    const svg = lineChart(
      `pulumi up against N customers, ${series.mode} (latency ${series.latencyMs} ms)`,
      "customers (5 resources each)",
      "seconds",
      [
        {
          label: "pulumi up (ours)",
          colour: "#1f77b4",
          points: results.map((r) => [r.customers, r.upSeconds]),
        },
        {
          label: "API floor",
          colour: "#2ca02c",
          points: results.map((r) => [r.customers, r.apiFloorSeconds]),
        },
        {
          label: "engine floor",
          colour: "#ff7f0e",
          points: results.map((r) => [r.customers, r.engineFloorSeconds]),
        },
        {
          label: "preview --refresh",
          colour: "#9467bd",
          points: results.map((r) => [r.customers, r.refreshSeconds]),
        },
      ],
    );
    writeFileSync(path.join(docs, chartFile(series.mode)), svg);
  }
  const perCustomerChart = path.join(docs, "benchmarks-per-customer.svg");
  rmSync(perCustomerChart, { force: true });
  if (all.length === 2 && comparableSizes(all[0], all[1]).length > 1) {
    const [a, b] = all;
    const perCustomer = (s: SavedSeries, pick: (r: BenchResult) => number) =>
      s.results.map((r) => [r.customers, pick(r) / r.customers] as [number, number]);
    writeFileSync(
      perCustomerChart,
      lineChart("seconds per customer against N", "customers (5 resources each)", "seconds per customer", [
        { label: "up, checkpoints", colour: "#1f77b4", points: perCustomer(a, (r) => r.upSeconds) },
        { label: "up, skip", colour: "#17becf", points: perCustomer(b, (r) => r.upSeconds) },
        {
          label: "engine floor, checkpoints",
          colour: "#ff7f0e",
          points: perCustomer(a, (r) => r.engineFloorSeconds),
        },
        {
          label: "engine floor, skip",
          colour: "#bcbd22",
          points: perCustomer(b, (r) => r.engineFloorSeconds),
        },
        { label: "API floor", colour: "#2ca02c", points: perCustomer(a, (r) => r.apiFloorSeconds) },
      ]),
    );
  }
}

export function render(): void {
  const all = modes.map(load).filter((s): s is SavedSeries => s !== undefined && s.results.length > 0);
  charts(all);
  const sizesNote = all.some((s) => s.sizes.join() !== defaultSizes.join())
    ? `\nThe series below were run at other sizes than the report's default N = ${defaultSizes.join(", ")}.\n`
    : "";
  const markdown = `# Benchmarks

Generated by \`npm run bench:report\` from bench/results/*.json: do not edit by hand. Every figure here, and
every sentence with a figure, is computed by the run. Reproduce:

\`\`\`sh
npm run bench:report                          # a checkpoint after every step (the engine's default)
npm run bench:report -- --skip-checkpoints    # PULUMI_SKIP_CHECKPOINTS=true
npm run bench:report -- --render-only         # this page again from the saved figures
npm run bench -- --customers N [--latency-ms L] [--runs R] [--skip-checkpoints]   # one size, one JSON line
\`\`\`

Options of both: \`--sizes 100,250,500,1000\`, \`--latency-ms 100\`, \`--runs 3\`. Not part of \`npm test\`.
${sizesNote}
What is measured, against the embedded emulators with the latency added to every answer:

- **(a)** \`pulumi up\` of an estate of N Acronis customers (customer tenant, two-factor, offering items, a
  user, its role: five resources each) on the real engine with the local file backend, the package loaded
  from \`node_modules\` as a user's program loads it; then \`pulumi preview --refresh\`.
- **(b) the API floor**: the same API calls made directly over HTTP with no Pulumi, with at most as many
  requests in flight as the providers may have: min(the engine's \`--parallel\`, \`acronis:maxConcurrentRequests\`),
  since every dynamic resource goes to one provider process and each operation makes its calls in turn.
- **(c) the engine floor**: the same program shape, inputs and dependencies with dynamic resources that do
  nothing, their provider loaded from \`node_modules\` too (the package \`tenant-estates-bench-noop\`), so
  each \`__provider\` is a \`require\` like ours.

The primary figure is \`up\` / API floor. Each figure is the median of the runs (each run does a, b and c);
\`s / customer\` is up s / N. Peak memory is the largest sum of the resident memory of every process of the
run (engine, language host, program, dynamic-provider host) seen in samples every ${sampleEveryMs} ms during \`up\` and
\`preview --refresh\`; resident memory counts pages shared between processes in each of them.

${all.map(section).join("\n\n")}
${all.length === 2 ? `\n${bothModes(all[0], all[1])}\n` : ""}
HCP resources are not in this benchmark: the MAPI has no listing that carries tenant settings, so each HCP
resource is refreshed with one request of its own. The options for scale, and what was measured about
them, are in [scaling.md](scaling.md).
`;
  writeFileSync(path.join(repoRoot, "docs", "benchmarks.md"), markdown);
}

function sizesOption(argv: string[]): number[] {
  const at = argv.indexOf("--sizes");
  if (at < 0) return defaultSizes;
  const sizes = (argv[at + 1] ?? "").split(",").map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes must be whole numbers separated by commas, got "${argv[at + 1]}"`);
  return [...sizes].sort((a, b) => a - b);
}

const usage = `usage: node dist/bench/report.js [--sizes 100,250,500,1000] [--latency-ms 100] [--runs 3] [--skip-checkpoints]
                                  [--window W] [--stack-traces] [--default-memory]
       node dist/bench/report.js --render-only
Runs the benchmark at each size in one checkpoint mode, saves the figures in bench/results/<mode>.json,
and writes docs/benchmarks.md and its charts from the saved figures of both modes.`;

async function report(argv: string[]): Promise<void> {
  if (argv.includes("--help")) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  checkArguments(
    argv,
    ["sizes", "latency-ms", "runs", "window"],
    ["skip-checkpoints", "render-only", "stack-traces", "default-memory"],
  );
  if (argv.includes("--render-only")) return render();
  const mode: Mode = argv.includes("--skip-checkpoints") ? "skip-checkpoints" : "checkpoints";
  const series: SavedSeries = {
    mode,
    latencyMs: numberOption(argv, "latency-ms", 100),
    runs: numberOption(argv, "runs", 3, 1),
    sizes: sizesOption(argv),
    results: [],
  };
  for (const customers of series.sizes) {
    const result = await bench(
      {
        customers,
        latencyMs: series.latencyMs,
        runs: series.runs,
        skipCheckpoints: mode === "skip-checkpoints",
        registrationWindow: numberOption(argv, "window", defaultRegistrationWindow),
        stackTraces: argv.includes("--stack-traces"),
        leanMemory: !argv.includes("--default-memory"),
      },
      (line) => process.stderr.write(`bench ${mode} N=${customers}: ${line}\n`),
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    series.results.push(result);
    save(series);
  }
  render();
}

if (require.main === module) {
  report(process.argv.slice(2))
    .then(() => process.exit(0))
    .catch((err: Error) => {
      process.stderr.write(`bench: ${err.message}\n`);
      process.exit(1);
    });
}
