import { execFileSync } from "node:child_process";

import * as path from "node:path";
import { startEmulators } from "../emulator/index";
import { repoRoot, TestStack } from "../test/support/engine";
import { acronisStackConfig } from "../test/support/stackConfig";
import { apiFloor } from "./apiFloor";
import { peakSampler, rssOfProcessesIn } from "./processTree";

/** The engine's default parallelism (`pulumi up --parallel`): 4 × GOMAXPROCS. */
const engineParallelism = 4 * (Number(process.env.GOMAXPROCS) || require("node:os").availableParallelism());

export interface BenchResult {
  customers: number;
  resources: number;
  upSeconds: number;
  apiFloorSeconds: number;
  engineFloorSeconds: number;
  upRatio: number;
  refreshSeconds: number;
  refreshRequests: number;
  requestsPerCustomer: number;
  stateBytesPerResource: number;
  providerBytesPerResource: number;
  peakRssMb: number;
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

async function timed<T>(task: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await task();
  return [result, Number(process.hrtime.bigint() - started) / 1e9];
}

/** (a) our estate on the real engine, then a refresh; (b) the API floor; (c) the engine floor. */
export async function bench(
  customers: number,
  latencyMs: number,
  log: (line: string) => void,
): Promise<BenchResult> {
  process.env.PULUMI_ENGINE_DIR ??= execFileSync("bash", [path.join(repoRoot, "scripts/ensure-pulumi.sh")], {
    encoding: "utf8",
  }).trim();
  const resources = customers * 5;

  // (a) pulumi up, then pulumi preview --refresh
  const ours = await startEmulators({ latencyMs });
  const stack = await TestStack.create("bench-estate", "test/programs/estate", {
    ...acronisStackConfig(ours.acronis),
    customers: { value: String(customers) },
    hcpTenants: { value: "0" },
    tenantPassword: { value: "Unused-pass-1", secret: true },
  });
  const memory = peakSampler(() => rssOfProcessesIn(stack.workDir));
  const [, upSeconds] = await timed(() => stack.up());
  const upRequests = ours.log.list("acronis").length;
  log(`(a) pulumi up: ${round(upSeconds)} s, ${upRequests} requests`);
  const [, refreshSeconds] = await timed(() => stack.mustRun(["preview", "--refresh"]));
  const refreshRequests = ours.log.list("acronis").length - upRequests;
  const peakRssMb = memory.stop();
  log(`(a) pulumi preview --refresh: ${round(refreshSeconds)} s, ${refreshRequests} requests`);
  const exported = await stack.exportState();
  const state = JSON.parse(exported) as {
    deployment: {
      resources: { type: string; inputs?: { __provider?: string }; outputs?: { __provider?: string } }[];
    };
  };
  const dynamic = state.deployment.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
  const providerBytes = dynamic.reduce(
    (sum, r) => sum + (r.inputs?.__provider?.length ?? 0) + (r.outputs?.__provider?.length ?? 0),
    0,
  );
  stack.remove();
  await ours.close();

  // (b) the same API calls without Pulumi, as many in flight as the engine runs operations
  const floorEmulators = await startEmulators({ latencyMs });
  const { acronis } = floorEmulators;
  const [, apiFloorSeconds] = await timed(() =>
    apiFloor(
      acronis.baseUrl,
      acronis.clientId,
      acronis.clientSecret,
      acronis.partnerTenantId,
      customers,
      engineParallelism,
    ),
  );
  const floorRequests = floorEmulators.log.list("acronis").length;
  log(
    `(b) API floor: ${round(apiFloorSeconds)} s, ${floorRequests} requests (${round(floorRequests / customers)} a customer; ours ${round(upRequests / customers)})`,
  );
  await floorEmulators.close();

  // (c) the same program shape with dynamic resources that do nothing
  const floorStack = await TestStack.create("bench-engine-floor", "bench/programs/engineFloor", {
    customers: { value: String(customers) },
  });
  const [, engineFloorSeconds] = await timed(() => floorStack.up());
  log(`(c) engine floor: ${round(engineFloorSeconds)} s`);
  floorStack.remove();

  return {
    customers,
    resources,
    upSeconds: round(upSeconds),
    apiFloorSeconds: round(apiFloorSeconds),
    engineFloorSeconds: round(engineFloorSeconds),
    upRatio: round(upSeconds / Math.max(apiFloorSeconds, engineFloorSeconds)),
    refreshSeconds: round(refreshSeconds),
    refreshRequests,
    requestsPerCustomer: round(upRequests / customers),
    stateBytesPerResource: Math.round(exported.length / dynamic.length),
    providerBytesPerResource: Math.round(providerBytes / dynamic.length),
    peakRssMb: round(peakRssMb, 1),
  };
}

function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number, got "${argv[at + 1]}"`);
  return value;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  bench(option(argv, "customers", 100), option(argv, "latency-ms", 100), (line) =>
    process.stderr.write(`bench: ${line}\n`),
  )
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    })
    .catch((err: Error) => {
      process.stderr.write(`bench: ${err.message}\n`);
      process.exit(1);
    });
}
