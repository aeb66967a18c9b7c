import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import type { ReportRow } from "../../cli/report/model";
import { type RunningEmulators, startEmulators } from "../../emulator";
import type { Estate } from "../../sdk/estateFile";
import { AcronisApi } from "./acronisApi";
import { repoRoot, TestStack } from "./engine";
import { runWithEmulators } from "./exportCli";
import { HcpApi } from "./hcpApi";
import { acronisStackConfig, hcpStackConfig } from "./stackConfig";

/** The estate the report's end-to-end tests deploy and read, with the helpers their assertions share. */

const cli = path.join(repoRoot, "node_modules", "tenant-estates", "dist", "cli", "main.js");
const GB = 1024 ** 3;

/** Two packages (backup-pro extends backup-basic), a default package, and one HCP package. */
export const estate: Estate = {
  packages: {
    "backup-basic": {
      language: "en",
      offeringItems: [
        { name: "workstations", quota: { value: 10 } },
        { name: "storage", quota: { value: 100 * GB } },
      ],
    },
    "backup-pro": {
      package: "backup-basic",
      pricingMode: "production",
      twoFactor: true,
      offeringItems: [{ name: "workstations", quota: { value: 20 } }],
    },
  },
  acronis: {
    defaultPackage: "backup-basic",
    customers: [
      { key: "over-co", name: "Over Co" },
      { key: "near-co", name: "Near Co", package: "backup-pro" },
      { key: "within-co", name: "Within Co", package: "backup-pro" },
    ],
  },
  hcp: {
    packages: { archive: { hardQuota: "10 GB", softQuota: 85 } },
    tenants: [{ key: "vault", name: "vault", package: "archive", initialUser: { name: "security" } }],
  },
} as unknown as Estate;

/** The report's request log entries of the Acronis API since `from`, without the token requests. */
export async function acronisReads(emulators: RunningEmulators, from: number): Promise<string[]> {
  const log = (await (await fetch(new URL("/_emulator/requests", emulators.acronis.baseUrl))).json()) as {
    items: { method: string; path: string }[];
  };
  return log.items
    .slice(from)
    .filter((e) => !e.path.endsWith("/idp/token") && !e.path.startsWith("/_emulator"))
    .map((e) => `${e.method} ${e.path}`);
}

export const requestCount = async (emulators: RunningEmulators) =>
  (
    (await (await fetch(new URL("/_emulator/requests", emulators.acronis.baseUrl))).json()) as {
      items: unknown[];
    }
  ).items.length;

/** A package's total of one item, as the summary gives it when every tenant's figures are known. */
export const total = (
  api: string,
  name: string,
  unit: string,
  usage: number,
  quota: number,
  state: string,
) => ({
  api,
  name,
  unit,
  usage,
  quota,
  ratio: usage / quota,
  state,
  unknown: 0,
});

/** A row as the assertions read it: place, package, each item's figures and state, flags and drift. */
export const shapeOf = (row: ReportRow) => ({
  name: row.name,
  path: row.path,
  package: row.package,
  items: row.items.map((i) => [i.name, i.usage, i.quota, i.state, i.usageText, i.quotaText]),
  flags: row.flags.filter((f) => f !== "trial-ending"),
  drift: row.drift,
});

/** Sets the usage of the tenant's enabled workstations and storage (storage named with its infrastructure). */
async function setUsage(api: AcronisApi, id: string, workstations: number, storage: number): Promise<void> {
  const usages = (await api.get(`/tenants/${id}/usages`)).body.items as Record<string, unknown>[];
  const enabled = (name: string) =>
    usages.find((u) => u.name === name && (u.offering_item as { status: number }).status === 1);
  const item = (name: string, value: number) => ({
    name,
    application_id: enabled(name)?.application_id,
    infra_id: enabled(name)?.infra_id,
    value,
  });
  const answer = await api.put(`/_emulator/tenants/${id}/usages`, {
    items: [item("workstations", workstations), item("storage", storage)],
  });
  expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
}

/** The deployed estate: set by the suite's `before`, removed by its `after`. */
export interface ReportEstate {
  emulators: RunningEmulators;
  stack: TestStack;
  api: AcronisApi;
  /** Tenant ids by name. */
  ids: Record<string, string>;
}

/**
 * Registers the suite's hooks: deploys the estate on fresh emulators, sets Over Co over its workstations quota,
 * Near Co at 90 %, Within Co's language apart from the file, adds Stray Co and fills vault to 9.5 of 10 GB.
 */
export function useReportEstate(stackName: string): ReportEstate {
  const fixture = { ids: {} } as ReportEstate;
  before(async () => {
    const emulators = await startEmulators();
    const api = new AcronisApi(emulators.acronis);
    const stack = await TestStack.create(stackName, "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: "Report-pass-42", secret: true },
    });
    const estateFile = path.join(stack.workDir, "estate.yaml");
    Object.assign(fixture, { emulators, api, stack });
    writeFileSync(estateFile, stringify(estate));
    await stack.mustRun(["config", "set", "estateFile", estateFile]);
    await stack.up();
    const ids = fixture.ids;
    const children = (await api.get(`/tenants/${emulators.acronis.partnerTenantId}/children`)).body
      .items as string[];
    for (const id of children) ids[(await api.get(`/tenants/${id}`)).body.name] = id;
    // One customer over its quota of 10, one at 90 % of its 20, one well within; storage within for all.
    await setUsage(api, ids["Over Co"], 11, 5 * GB);
    await setUsage(api, ids["Near Co"], 18, 10 * GB);
    await setUsage(api, ids["Within Co"], 2, 1 * GB);
    // Drift made outside Pulumi: Within Co's language; a customer the file does not name.
    const within = (await api.get(`/tenants/${ids["Within Co"]}`)).body;
    expect(
      (await api.put(`/tenants/${within.id}`, { version: within.version, language: "de" })).status,
    ).to.equal(200);
    const stray = await api.post("/tenants", {
      name: "Stray Co",
      kind: "customer",
      parent_id: emulators.acronis.partnerTenantId,
    });
    ids["Stray Co"] = stray.body.id;
    // The HCP tenant's namespaces hold 9.5 of its 10 GB: near its quota.
    await new HcpApi(emulators.hcp).control("POST", "/_emulator/namespaces", {
      tenant: "vault",
      name: "backups",
      storageCapacityUsed: 9.5 * GB,
    });
  });
  after(async () => {
    fixture.stack?.remove();
    await fixture.emulators?.close();
  });
  return fixture;
}

/** `tenant-estates report` with these arguments, against the fixture's emulators. */
export const runReport = (fixture: ReportEstate, ...args: string[]) =>
  runWithEmulators(fixture.emulators, process.execPath, [cli, "report", ...args]);
