/** `tenant-estates report`: reads the live estate once, compares it with a file if given, and writes one format. */
import { writeFileSync } from "node:fs";
import { EstateError, readEstateBytes } from "../../sdk/estateFile";
import { environmentClients } from "../export";
import { reportOf } from "./build";
import { collectAcronis } from "./collectAcronis";
import { collectHcp } from "./collectHcp";
import { renderCsv } from "./csv";
import { type Declared, declaredIn } from "./declared";
import { renderHtml } from "./html";
import { renderJson } from "./json";
import type { Report } from "./model";

export const reportUsage = `usage: tenant-estates report [--format html|csv|json] [--out FILE] [--acronis] [--hcp] [FILE]

Reads the live estate (both APIs unless one is named) with the bulk endpoints and writes a usage and quota
report: per Acronis customer (every one under the API client's tenant, or the file's partnerTenantId) and per
HCP tenant, its package, each offering item's usage against its quota and overage (bytes in GB/TB, 1 GB =
1024³ bytes), and the flags over-quota, near-quota (90 % of the quota or more), trial-ending (within 30 days),
two-factor-off, disabled, unknown (a figure or setting the API did not give, shown as unknown). Given an estate
FILE, also each tenant's package, what differs from the file (drift, property by property; undeclared: a live
tenant the file does not name) and the declared tenants not found live; nothing is written to either API. --format html (default: one self-contained page), csv (one line per tenant and item, RFC 4180) or json
(the report's model); --out writes FILE instead of stdout. Settings come from the environment as for
\`export\`: ACRONIS_BASE_URL, ACRONIS_CLIENT_ID, ACRONIS_CLIENT_SECRET, HCP_DOMAIN, HCP_PORT, HCP_ADDRESS,
HCP_USERNAME, HCP_PASSWORD, HCP_CA_CERT. Declared tenants not found live are also named on stderr.
exit codes: 0 written, 1 an API or configuration failure or an invalid estate file, 2 usage error or unreadable file`;

const renderers: Record<string, (report: Report) => string> = {
  html: renderHtml,
  csv: renderCsv,
  json: renderJson,
};

export interface ReportArgs {
  format: string;
  out?: string;
  which: { acronis: boolean; hcp: boolean };
  file?: string;
}

/** The command's arguments, or the usage problem with them. */
export function reportArgs(args: readonly string[]): ReportArgs | { problem: string } {
  const apis = new Set<string>();
  const files: string[] = [];
  let format = "html";
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--acronis" || arg === "--hcp") apis.add(arg);
    else if (arg === "--format" || arg === "--out") {
      const value = args[++i];
      if (value === undefined || value === "") return { problem: `${arg} needs a value` };
      if (arg === "--out") out = value;
      else if (Object.hasOwn(renderers, value)) format = value;
      else return { problem: `--format must be html, csv or json, got "${value}"` };
    } else if (arg.startsWith("-")) return { problem: `unknown option "${arg}"` };
    else files.push(arg);
  }
  if (files.length > 1) return { problem: `one file at most, got ${files.length}` };
  const which =
    apis.size === 0
      ? { acronis: true, hcp: true }
      : { acronis: apis.has("--acronis"), hcp: apis.has("--hcp") };
  return { format, out, which, file: files[0] };
}

/** Collects the report: listings, usages in batches of 100, and for drift the file's declaration. */
export async function collectReport(
  which: ReportArgs["which"],
  declared: Declared | undefined,
  estateFile: string | null,
): Promise<{ report: Report; missing: string[] }> {
  const clients = environmentClients(which, "report");
  const acronis = clients.acronis
    ? await collectAcronis(clients.acronis, {
        root: declared?.partnerTenantId,
        withUsers: declared !== undefined,
      })
    : undefined;
  const hcp = clients.hcp ? await collectHcp(clients.hcp.client) : undefined;
  return reportOf({ acronis, hcp, declared, estateFile, now: new Date() });
}

/** Runs the command; the exit code as the other commands give them. */
export async function reportCommand(
  args: readonly string[],
  usageError: (problem: string) => number,
): Promise<number> {
  const parsed = reportArgs(args);
  if ("problem" in parsed) return usageError(parsed.problem);
  let declared: Declared | undefined;
  if (parsed.file !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readEstateBytes(parsed.file);
    } catch (err) {
      if (err instanceof EstateError) {
        process.stderr.write(`${err.problems.join("\n")}\n`);
        return 1;
      }
      process.stderr.write(`tenant-estates: cannot read ${parsed.file}: ${(err as Error).message}\n`);
      return 2;
    }
    try {
      declared = declaredIn(parsed.file, bytes);
    } catch (err) {
      if (!(err instanceof EstateError)) throw err;
      process.stderr.write(`${err.problems.join("\n")}\n`);
      return 1;
    }
  }
  try {
    const { report, missing } = await collectReport(parsed.which, declared, parsed.file ?? null);
    for (const tenant of missing) process.stderr.write(`declared in the file, not found live: ${tenant}\n`);
    const text = renderers[parsed.format](report);
    if (parsed.out) writeFileSync(parsed.out, text);
    else process.stdout.write(text);
    return 0;
  } catch (err) {
    process.stderr.write(`tenant-estates report: ${(err as Error).message}\n`);
    return 1;
  }
}
