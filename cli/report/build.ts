/** The report from what was read and what the file declares: rows matched to declarations, drift, summary. Pure. */
import type { Tenant, User } from "../../provider/acronis/types";
import { propertyRules } from "../../provider/core/spec";
import { hcpTenantSpec } from "../../provider/hcp/specs/hcpTenant";
import { quotaBytes } from "../../provider/hcp/values";
import type { EstateCustomer } from "../../sdk/estateFile";
import { customerEntry } from "../exportAcronis";
import { exportedHcpTenantKeys, liveTenantEntry } from "../exportHcp";
import type { LiveAcronis } from "./collectAcronis";
import type { LiveHcpTenant } from "./collectHcp";
import type { Declared, DeclaredCustomer } from "./declared";
import { type Drift, entryDrift, type Normalise } from "./drift";
import type { NotFoundTenant, Report, ReportRow } from "./model";
import { acronisRow, type Declaration, hcpRow, noDeclaration } from "./rows";
import { summaryOf } from "./summary";

export interface ReportInputs {
  acronis?: LiveAcronis;
  hcp?: LiveHcpTenant[];
  /** The estate file's declaration, when one was given. */
  declared?: Declared;
  estateFile: string | null;
  now: Date;
}

/** What a customer's declaration holds that no answer shows (or that is not the tenant's): never compared. */
const unreadCustomerKeys = new Set(["key", "deletionPolicy", "enhancedSecurity", "apiClients", "package"]);

/** Export's notes on what a file cannot hold do not concern a comparison. */
const silent = { progress: () => {}, notExpressed: () => {} };

/** A declared customer as compared: activation e-mails are sent once, not a state to compare. */
function comparable(entry: EstateCustomer): Record<string, unknown> {
  const users = entry.users?.map(({ sendActivationEmail: _, ...user }) => user);
  return { ...entry, ...(users ? { users } : {}) };
}

/** What differs between a declared customer and its live tenant with its users, as export maps them. */
export function customerDrift(entry: EstateCustomer, tenant: Tenant, users: readonly User[]): Drift[] {
  const live = customerEntry(tenant, users, silent) as unknown as Record<string, unknown>;
  return entryDrift(comparable(entry), live, unreadCustomerKeys);
}

const hcpRules = propertyRules(hcpTenantSpec);
const hcpNormalise: Normalise = (key, value) => {
  const normalise = hcpRules[key]?.normalise;
  return normalise && value !== undefined ? normalise(value) : value;
};
const exportedHcpKeys = new Set(exportedHcpTenantKeys);

/** What differs between a declared HCP tenant's own properties and the live tenant's (quotas compared as bytes). */
export function hcpTenantDrift(entry: Record<string, unknown>, live: LiveHcpTenant["tenant"]): Drift[] {
  const omit = new Set(Object.keys(entry).filter((key) => !exportedHcpKeys.has(key)));
  return entryDrift(entry, liveTenantEntry(live), omit, hcpNormalise);
}

/** Tenants are matched by their place: the names above them and their own, compared as the platform does. */
const placeKey = (path: readonly string[], name: string) => [...path, name].join("\u0000").toLowerCase();

function acronisRows(inputs: ReportInputs, missing: NotFoundTenant[]): ReportRow[] {
  const live = inputs.acronis;
  if (!live) return [];
  const declared = new Map<string, DeclaredCustomer>(
    (inputs.declared?.customers ?? []).map((c) => [placeKey(c.path, c.entry.name), c]),
  );
  const seen = new Set<string>();
  const rows = live.customers.map(({ tenant, path }) => {
    const key = placeKey(path, tenant.name);
    const match = declared.get(key);
    seen.add(key);
    const declaration: Declaration = !inputs.declared
      ? noDeclaration
      : match
        ? {
            package: match.package,
            drift: customerDrift(
              match.entry,
              tenant,
              live.users.filter((u) => u.tenant_id === tenant.id),
            ),
            declared: true,
          }
        : { package: null, drift: [], declared: false };
    return acronisRow(tenant, path, live.usages.get(tenant.id), declaration, inputs.now);
  });
  for (const [key, c] of declared)
    if (!seen.has(key))
      missing.push({ api: "acronis", account: "", path: c.path, name: c.entry.name, package: c.package });
  return rows;
}

function hcpRows(inputs: ReportInputs, missing: NotFoundTenant[]): ReportRow[] {
  if (!inputs.hcp) return [];
  const declared = new Map((inputs.declared?.hcpTenants ?? []).map((t) => [t.entry.name.toLowerCase(), t]));
  const rows = inputs.hcp.map((live) => {
    const match = declared.get(live.name.toLowerCase());
    declared.delete(live.name.toLowerCase());
    const declaration: Declaration = !inputs.declared
      ? noDeclaration
      : match
        ? { package: match.package, drift: hcpTenantDrift(match.entry, live.tenant), declared: true }
        : { package: null, drift: [], declared: false };
    const figures = {
      name: live.name,
      // An answer's quota that is not a size is unknown, not unlimited: HCP has no tenant without one.
      hardQuotaBytes: live.tenant.hardQuota === undefined ? undefined : quotaBytes(live.tenant.hardQuota),
      storageCapacityUsed: live.storageCapacityUsed,
    };
    return hcpRow(figures, declaration, inputs.now);
  });
  for (const t of declared.values())
    missing.push({ api: "hcp", account: "", path: [], name: t.entry.name, package: t.package });
  return rows;
}

/** Rows and declared tenants not found alike: by API, then by place. */
const placeOrder = (a: NotFoundTenant, b: NotFoundTenant) =>
  a.api.localeCompare(b.api) || [...a.path, a.name].join("/").localeCompare([...b.path, b.name].join("/"));

/** A declared tenant not found live, as stderr names it: `acronis: customer "Reseller / Gone Co"`. */
export function notFoundText(tenant: NotFoundTenant): string {
  return tenant.api === "acronis"
    ? `acronis: customer "${[...tenant.path, tenant.name].join(" / ")}"`
    : `hcp: tenant "${tenant.name}"`;
}

/** The report, and the declared tenants that were not found live as stderr names them (the report lists them too). */
export function reportOf(inputs: ReportInputs): { report: Report; missing: string[] } {
  const notFound: NotFoundTenant[] = [];
  const rows = [...acronisRows(inputs, notFound), ...hcpRows(inputs, notFound)].sort(placeOrder);
  notFound.sort(placeOrder);
  const starts = [...(inputs.acronis?.usages.values() ?? [])].flat().map((u) => u.range_start);
  return {
    report: {
      generatedAt: inputs.now.toISOString(),
      estateFile: inputs.estateFile,
      usageSince: starts.length > 0 ? [...starts].sort()[0] : null,
      summary: summaryOf(rows, notFound.length),
      rows,
      notFound,
    },
    missing: notFound.map(notFoundText),
  };
}
