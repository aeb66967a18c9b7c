#!/usr/bin/env node
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { runEmulators } from "../emulator/main";
import { acronisClientFromEnvironment } from "../sdk/clients";
import { EstateError, estateTextOf, loadEstate, placedTenants, readEstateBytes } from "../sdk/estateFile";
import { withKeys } from "../sdk/estateKeys";
import { exportEstate } from "./export";
import { withExportedPackages } from "./exportPackages";
import { estateText, exportedUsage } from "./exportUsage";
import { reportCommand, reportUsage } from "./report/command";

/** Exit codes a pipeline can act on. */
export const exitCodes = { ok: 0, invalid: 1, usage: 2 } as const;

const usage: Record<string, string> = {
  main: `usage: tenant-estates <command> [options]

commands:
  export [...]      print the live estate as an estate file (see \`tenant-estates export --help\`)
  report [...]      a usage and quota report of the live estate, as HTML, CSV or JSON (see \`tenant-estates report --help\`)
  validate [FILE]   check an estate file (default estate.yaml) as \`pulumi preview\` would, offline
  emulator [...]    run the Acronis and HCP emulators on 127.0.0.1 (see \`tenant-estates emulator --help\`)

options: --help, --version`,
  validate: `usage: tenant-estates validate [--write-keys] [FILE]

Checks the estate file (default estate.yaml) against the estate schema and its uniqueness rules, with no
credentials and no engine. Prints the problems (the first 100, then how many more) as
FILE:LINE:COLUMN: property rule, on stderr. A file must be UTF-8 and at most 16 MiB; numbers must be finite;
names, logins and keys have no control characters, other text none but tabs and line breaks.
Every tenant needs a key (its resources' identity, so a rename is no replacement): --write-keys first adds
\`key: <slug of the name>\` to each tenant without one, in place, keeping comments and order; the plan stays
the same. exit codes: 0 valid, 1 invalid, 2 usage error or unreadable file`,
  export: `usage: tenant-estates export [--acronis] [--hcp] [--usage | --packages] [--out FILE]

Reads the live estate (both APIs unless one is named) and prints it as an estate file with \`adopt: true\`,
sorted, so an unchanged estate exports to the same bytes. --usage adds each Acronis offering item's current
usage as a comment beside it (the file loads the same with or without them). --packages puts the settings
that two or more customers share exactly (offering items, two-factor, billing mode, …) into top-level
\`packages\` they name (the file loads as the same estate). Settings come from the
environment, as the providers' fallbacks: ACRONIS_BASE_URL, ACRONIS_CLIENT_ID, ACRONIS_CLIENT_SECRET,
HCP_DOMAIN, HCP_PORT, HCP_ADDRESS, HCP_USERNAME, HCP_PASSWORD, HCP_CA_CERT. An HCP tenant's settings
documents, user accounts and namespaces are read as its own accounts: HCP_TENANT_USERNAME (a SECURITY account,
written as the tenant's initialUser; HCP_TENANT_<TENANT>_USERNAME for one tenant) and HCP_TENANT_PASSWORD
(the stack's hcpInitialUserPassword), shared by the ADMINISTRATOR account that reads the rest. Stack config
is not read. Progress, and whatever the estate file cannot express (API clients, counted), go to stderr. exit codes: 0 written, 1 an API or configuration
failure, 2 usage error`,
  report: reportUsage,
  emulator: `usage: tenant-estates emulator [--acronis-port N] [--hcp-port N] [--latency-ms N] [--state-file PATH]
  [--fault-rate F] [--fault-seed S] [--fault-kinds 500,503,429,slow,reset-before,reset-after] [--fault-slow-ms N]

Serves the two APIs on 127.0.0.1 and prints one JSON line with their addresses and credentials when ready.
Stops on SIGINT or SIGTERM. exit codes: 0 stopped, 2 usage error`,
};

function version(): string {
  const manifest = path.resolve(__dirname, "../../package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** `--write-keys`: adds the missing keys to the file in place and says how many. */
function writeKeys(file: string, bytes: Uint8Array): Uint8Array {
  const { text, added } = withKeys(estateTextOf(file, bytes));
  if (added === 0) return bytes;
  writeFileSync(file, text);
  process.stdout.write(`${file}: added ${added} key(s)\n`);
  return Buffer.from(text);
}

/** A usage error: what is wrong, then the command's usage. */
function usageError(command: string, problem: string): number {
  process.stderr.write(`tenant-estates ${command}: ${problem}\n\n${usage[command]}\n`);
  return exitCodes.usage;
}

/** `validate [--write-keys] [FILE]`: the same errors `pulumi preview` gives for the file. */
function validate(args: string[]): number {
  const withWriteKeys = args.includes("--write-keys");
  const files = args.filter((a) => a !== "--write-keys");
  const option = files.find((a) => a.startsWith("-"));
  if (option !== undefined) return usageError("validate", `unknown option "${option}"`);
  if (files.length > 1) return usageError("validate", `one file at most, got ${files.length}`);
  const file = files[0] ?? "estate.yaml";
  let bytes: Uint8Array;
  try {
    bytes = readEstateBytes(file);
  } catch (err) {
    if (err instanceof EstateError) {
      process.stderr.write(`${err.problems.join("\n")}\n`);
      return exitCodes.invalid;
    }
    process.stderr.write(`tenant-estates: cannot read ${file}: ${(err as Error).message}\n`);
    return exitCodes.usage;
  }
  try {
    if (withWriteKeys) bytes = writeKeys(file, bytes);
    const estate = loadEstate(file, bytes);
    const placed = placedTenants(estate);
    const count = (kind: string) => placed.filter((t) => t.kind === kind).length;
    const tenants = estate.hcp?.tenants.length ?? 0;
    const resellers = count("partner") + count("folder");
    const hierarchy = resellers > 0 ? `, ${count("partner")} partner(s), ${count("folder")} folder(s)` : "";
    process.stdout.write(
      `${file}: valid (${count("customer")} Acronis customer(s)${hierarchy}, ${tenants} HCP tenant(s))\n`,
    );
    return exitCodes.ok;
  } catch (err) {
    if (!(err instanceof EstateError)) throw err;
    process.stderr.write(`${err.problems.join("\n")}\n`);
    return exitCodes.invalid;
  }
}

/** \`export [--acronis] [--hcp] [--usage | --packages] [--out FILE]\`: the live estate as an estate file. */
async function exportCommand(args: string[]): Promise<number> {
  const known = ["--acronis", "--hcp", "--usage", "--packages"];
  const flags = new Set<string>(args.filter((a) => known.includes(a)));
  const outAt = args.indexOf("--out");
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const unknown = args.find((a, i) => !flags.has(a) && a !== "--out" && !(i === outAt + 1 && outAt >= 0));
  if (unknown !== undefined) return usageError("export", `unknown option "${unknown}"`);
  if (outAt >= 0 && !out) return usageError("export", "--out needs a file name");
  const withUsage = flags.delete("--usage");
  const withPackages = flags.delete("--packages");
  if (withUsage && withPackages)
    return usageError(
      "export",
      "--usage and --packages do not combine: usage is each customer's, a package's items are shared",
    );
  const which =
    flags.size === 0
      ? { acronis: true, hcp: true }
      : { acronis: flags.has("--acronis"), hcp: flags.has("--hcp") };
  if (withUsage && !which.acronis) {
    process.stderr.write(
      `--usage reports Acronis usage: it needs --acronis (or neither API named)\n${usage.export}\n`,
    );
    return exitCodes.usage;
  }
  const report = {
    progress: (message: string) => process.stderr.write(`${message}\n`),
    notExpressed: (message: string) => process.stderr.write(`not in the estate file: ${message}\n`),
  };
  try {
    const exported = await exportEstate(which, report);
    const estate = withPackages ? withExportedPackages(exported) : exported;
    const client = () => acronisClientFromEnvironment();
    const text = estateText(estate, withUsage ? await exportedUsage(client(), estate.acronis) : undefined);
    // The export must load as it is: a problem here is a bug of the export, never written out silently.
    loadEstate(out ?? "(export)", text);
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
    return exitCodes.ok;
  } catch (err) {
    process.stderr.write(`tenant-estates export: ${(err as Error).message}\n`);
    return exitCodes.invalid;
  }
}

const isHelp = (arg: string) => arg === "--help" || arg === "-h";

/** Runs one command; resolves to the exit code (the emulator runs until it is stopped). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === "--version") {
    process.stdout.write(`${version()}\n`);
    return exitCodes.ok;
  }
  if (command === undefined || isHelp(command) || command === "help") {
    process.stdout.write(`${usage.main}\n`);
    return command === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (!(command in usage) || command === "main") {
    process.stderr.write(`tenant-estates: unknown command "${command}"\n\n${usage.main}\n`);
    return exitCodes.usage;
  }
  if (args.some(isHelp)) {
    process.stdout.write(`${usage[command]}\n`);
    return exitCodes.ok;
  }
  if (command === "validate") return validate(args);
  if (command === "export") return exportCommand(args);
  if (command === "report") return reportCommand(args, (problem) => usageError("report", problem));
  await runEmulators(args);
  return new Promise(() => {}); // Runs until SIGINT or SIGTERM stops the process.
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`tenant-estates: ${err.message}\n`);
      process.exit(exitCodes.usage);
    },
  );
}
