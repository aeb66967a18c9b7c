import { startEmulators } from "./index";

/** `npm run emulator -- [--acronis-port N] [--hcp-port N] [--latency-ms N] [--state-file PATH]` */
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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const known = new Set(["acronis-port", "hcp-port", "latency-ms", "state-file"]);
  for (const name of Object.keys(args)) if (!known.has(name)) throw new Error(`unknown option --${name}`);
  const running = await startEmulators({
    acronisPort: intArg(args, "acronis-port", 0),
    hcpPort: intArg(args, "hcp-port", 0),
    latencyMs: intArg(args, "latency-ms", 0),
    stateFile: args["state-file"],
  });
  process.stdout.write(`${JSON.stringify({ acronis: running.acronis, hcp: running.hcp })}\n`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: Error) => {
  process.stderr.write(`emulator: ${err.message}\n`);
  process.exit(2);
});
