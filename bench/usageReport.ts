/**
 * `npm run bench:usage-report`: `tenant-estates report` of N customers against the emulator at a latency, beside
 * the API floor (the same listings and usage calls made directly with the client, no CLI). Prints the figures.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Report } from "../cli/report/model";
import { type RunningEmulators, startEmulators } from "../emulator/index";
import { getTenantsUsages } from "../provider/acronis/clientsApi";
import { Semaphore } from "../provider/core/limits";
import { acronisClientFromEnvironment } from "../sdk/clients";
import { othersCpuMeter } from "./machine";

const GB = 1024 ** 3;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

/** N customers, each with workstations (a quota) and storage enabled and a usage of both set. */
async function seed(emulators: RunningEmulators, customers: number): Promise<void> {
  const { baseUrl, clientId, clientSecret, partnerTenantId } = emulators.acronis;
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
  const token = (
    (await (
      await fetch(`${baseUrl}/idp/token`, {
        method: "POST",
        headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials",
      })
    ).json()) as { access_token: string }
  ).access_token;
  const limit = new Semaphore(64);
  const call = (method: string, url: string, body?: unknown) =>
    limit.run(async () => {
      const res = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    });
  const offer = (await call(
    "GET",
    `${baseUrl}/tenants/${partnerTenantId}/offering_items/available_for_child?kind=customer`,
  )) as { items: { application_id: string; name: string; infra_id?: string; quota?: { version: number } }[] };
  const items = ["workstations", "storage"].map((name) => {
    const item = offer.items.find((i) => i.name === name);
    if (!item) throw new Error(`the partner offers no ${name}`);
    return {
      application_id: item.application_id,
      name,
      infra_id: item.infra_id,
      version: item.quota?.version ?? 0,
    };
  });
  await Promise.all(
    Array.from({ length: customers }, async (_, i) => {
      const tenant = await call("POST", `${baseUrl}/tenants`, {
        name: `Report Customer ${i}`,
        kind: "customer",
        parent_id: partnerTenantId,
      });
      await call("PUT", `${baseUrl}/tenants/${tenant.id}/offering_items`, {
        offering_items: items.map(({ version, ...item }) => ({
          ...item,
          status: 1,
          quota: item.name === "workstations" ? { value: 10, overage: 2, version } : undefined,
        })),
      });
      await call("PUT", new URL(`/_emulator/tenants/${tenant.id}/usages`, baseUrl).toString(), {
        items: items.map((item) => ({
          ...item,
          value: item.name === "workstations" ? i % 12 : (i % 50) * GB,
        })),
      });
    }),
  );
}

const environment = (emulators: RunningEmulators) => ({
  ACRONIS_BASE_URL: emulators.acronis.baseUrl,
  ACRONIS_CLIENT_ID: emulators.acronis.clientId,
  ACRONIS_CLIENT_SECRET: emulators.acronis.clientSecret,
});

/** The command as a user runs it, `args` its arguments: its wall time, the process's start included. */
function runCli(emulators: RunningEmulators, args: string[]): Promise<number> {
  const cli = path.resolve(__dirname, "..", "cli", "main.js");
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...environment(emulators) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (status) =>
      status === 0
        ? resolve(Number(process.hrtime.bigint() - started) / 1e9)
        : reject(new Error(`${args[0]} exited ${status}`)),
    );
  });
}

/** The API floor: the same listing and usage calls with the client, in this process. */
async function apiFloor(emulators: RunningEmulators): Promise<number> {
  const started = process.hrtime.bigint();
  const client = acronisClientFromEnvironment(environment(emulators));
  const root = await client.ownTenantId();
  const customers = (await client.listSubtreeTenants(root)).filter((t) => t.kind === "customer");
  await getTenantsUsages(
    client,
    customers.map((t) => t.id),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Requests to the Acronis API (token requests and the control API left out) that `task` made. */
async function counted(emulators: RunningEmulators, task: () => Promise<number>) {
  const api = () =>
    emulators.log
      .list("acronis")
      .map((e) => e.path.replace(/\?.*$/, ""))
      .filter((p) => !p.startsWith("/_emulator"));
  const before = api().length;
  const seconds = await task();
  const made = api().slice(before);
  const tokens = made.filter((p) => p.endsWith("/idp/token")).length;
  const usages = made.filter((p) => p.endsWith("/tenants/usages")).length;
  return { seconds, requests: made.length - tokens, usages };
}

async function main(): Promise<void> {
  const customers = option("customers", 1000);
  const latencyMs = option("latency-ms", 100);
  const emulators = await startEmulators({ latencyMs });
  const dir = mkdtempSync(path.join(tmpdir(), "usage-report-"));
  try {
    await seed(emulators, customers);
    const loadBefore = os.loadavg()[0];
    const others = othersCpuMeter();
    const out = path.join(dir, "report.json");
    const report = await counted(emulators, () =>
      runCli(emulators, ["report", "--acronis", "--format", "json", "--out", out]),
    );
    // A fast report of the wrong rows is no figure: every seeded customer must be in it, with its items.
    const rows = (JSON.parse(readFileSync(out, "utf8")) as Report).rows;
    const complete = rows.filter((r) => r.items.length > 0).length;
    if (rows.length !== customers || complete !== customers)
      throw new Error(`the report holds ${rows.length} rows (${complete} with items), not ${customers}`);
    // What any command costs before its first request: Node.js loading the command's modules.
    const start = await runCli(emulators, ["--version"]);
    const floor = await counted(emulators, () => apiFloor(emulators));
    const othersShare = others.stop();
    const budget = 1 + Math.ceil(customers / 100);
    const lines = [
      `report / API floor: ${(report.seconds / floor.seconds).toFixed(2)} (time), ${report.requests} / ${floor.requests} requests`,
      `N = ${customers} customers, ${latencyMs} ms latency on every answer`,
      `report: ${report.seconds.toFixed(2)} s (of which ${start.toFixed(2)} s the command's start, as \`tenant-estates --version\` takes), ${report.requests} requests, ${report.usages} usage requests (budget 1 + ⌈${customers}/100⌉ = ${budget}: ${report.usages <= budget ? "within" : "over"})`,
      `API floor: ${floor.seconds.toFixed(2)} s, ${floor.requests} requests, ${floor.usages} usage requests`,
      `report under 30 s: ${report.seconds < 30 ? "yes" : "no"}; rows: ${rows.length}, each with its items`,
      `machine: ${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.availableParallelism()} CPUs, Node.js ${process.version}, ` +
        `load average ${loadBefore.toFixed(2)} before, other processes' share of CPU during the runs ${othersShare ?? "unknown"}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulators.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
