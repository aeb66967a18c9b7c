import { type FaultSettings, parseFaultKinds } from "./core/faults";
import { startEmulators } from "./index";

/**
 * `npm run emulator -- [--acronis-port N] [--hcp-port N] [--latency-ms N] [--state-file PATH]
 *   [--fault-rate F] [--fault-seed S] [--fault-kinds 500,503,429,slow,reset-before,reset-after] [--fault-slow-ms N]`
 */
function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith("--")) throw new Error(`unexpected argument "${flag}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
    args[flag.slice(2)] = value;
    i++;
  }
  return args;
}

function intArg(args: Record<string, string>, name: string, fallback: number): number {
  const raw = args[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** A number flag as given; the fault settings check its range. */
function numberArg(args: Record<string, string>, name: string): number | undefined {
  const raw = args[name];
  if (raw === undefined) return undefined;
  const n = raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${raw}"`);
  return n;
}

/** The --fault-* flags given; omitted ones take the defaults (rate 0, seed 1, all kinds, 1500 ms). */
function faultArgs(args: Record<string, string>): Partial<FaultSettings> {
  return {
    rate: numberArg(args, "fault-rate"),
    seed: numberArg(args, "fault-seed"),
    kinds: args["fault-kinds"] === undefined ? undefined : parseFaultKinds(args["fault-kinds"]),
    slowMs: numberArg(args, "fault-slow-ms"),
  };
}

/** Runs the emulators until SIGINT or SIGTERM; prints one JSON line with their addresses when ready. */
export async function runEmulators(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const known = new Set([
    "acronis-port",
    "hcp-port",
    "latency-ms",
    "state-file",
    "fault-rate",
    "fault-seed",
    "fault-kinds",
    "fault-slow-ms",
  ]);
  for (const name of Object.keys(args)) if (!known.has(name)) throw new Error(`unknown option --${name}`);
  const running = await startEmulators({
    acronisPort: intArg(args, "acronis-port", 0),
    hcpPort: intArg(args, "hcp-port", 0),
    latencyMs: intArg(args, "latency-ms", 0),
    stateFile: args["state-file"],
    faults: faultArgs(args),
  });
  const stop = () => void running.close().then(() => process.exit(0));
  // Handlers first: whoever reads the ready line may stop us at once.
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.stdout.write(`${JSON.stringify({ acronis: running.acronis, hcp: running.hcp })}\n`);
}

if (require.main === module) {
  runEmulators(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`emulator: ${err.message}\n`);
    process.exit(2);
  });
}
