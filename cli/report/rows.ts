/** The report's rows from what was read: items, flags and the trial's end of one tenant. Pure. */
import { mfaStatusEnabled } from "../../provider/acronis/codecs";
import type { Tenant, UsageItem } from "../../provider/acronis/types";
import { reportItem } from "./items";
import type { ReportItem, ReportRow } from "./model";

/** How soon a trial's end is flagged. */
export const trialWarningDays = 30;
const dayMs = 86_400_000;

/** What the estate file says of a tenant: its package, what differs from it, and whether it is declared at all. */
export interface Declaration {
  package: string | null;
  drift: ReportRow["drift"];
  /** False when a file was given and the tenant is not in it. */
  declared: boolean;
}

/** Without an estate file every tenant is as good as declared, with no package and no drift. */
export const noDeclaration: Declaration = { package: null, drift: [], declared: true };

/** The offering items the tenant has enabled, each with its usage and quota (no quota: unlimited; no value: unknown). */
export function acronisItems(usages: readonly UsageItem[]): ReportItem[] {
  return usages
    .filter((u) => u.offering_item?.status === 1)
    .map((u) => {
      const quota = u.offering_item?.quota?.value ?? null;
      // An unlimited item has no overage, whatever the API leaves in the field.
      const overage = quota === null ? null : (u.offering_item?.quota?.overage ?? null);
      const value = typeof u.value === "number" ? u.value : undefined;
      return reportItem(u.name, u.measurement_unit, value, quota, overage);
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The highest share of a quota the items use, or null when none has one (unlimited, unknown or a quota of 0). */
export function highestRatio(items: readonly ReportItem[]): number | null {
  const ratios = items.flatMap((item) => (item.ratio === null ? [] : [item.ratio]));
  return ratios.length === 0 ? null : Math.max(...ratios);
}

/** The unknown figures of the items, as `<item>.usage` and `<item>.quota`. */
export function unknownOfItems(items: readonly ReportItem[]): string[] {
  return items.flatMap((item) => item.unknown.map((figure) => `${item.name}.${figure}`));
}

/** Whether a trial ends within 30 days of `now` (or has ended already). */
export function trialEndsSoon(trialEnds: string | null, now: Date): boolean {
  return trialEnds !== null && Date.parse(trialEnds) - now.getTime() <= trialWarningDays * dayMs;
}

/** The flags of a row, in a fixed order. */
export function flagsOf(row: Omit<ReportRow, "flags">, declared: boolean, now: Date): string[] {
  const flags: [string, boolean][] = [
    ["over-quota", row.items.some((i) => i.state === "over")],
    ["near-quota", row.items.some((i) => i.state === "near")],
    ["trial-ending", trialEndsSoon(row.trialEnds, now)],
    ["two-factor-off", row.twoFactor === false],
    ["disabled", !row.enabled],
    ["unknown", row.unknown.length > 0],
    ["drift", row.drift.length > 0],
    ["undeclared", !declared],
  ];
  return flags.filter(([, on]) => on).map(([flag]) => flag);
}

/**
 * A customer tenant's row: `path` the names of the partners and folders above it, outermost first; `usages`
 * undefined when the usage answer did not hold the tenant.
 */
export function acronisRow(
  tenant: Tenant,
  path: string[],
  usages: readonly UsageItem[] | undefined,
  declaration: Declaration,
  now: Date,
): ReportRow {
  const trial = tenant.pricing_mode === "trial";
  // As the provider reads it: a status other than `disabled` is on; none (or null) is unknown.
  const twoFactor = mfaStatusEnabled.fromWire(tenant.mfa_status) as boolean | undefined;
  const items = acronisItems(usages ?? []);
  const unknown = [
    ...(twoFactor === undefined ? ["twoFactor"] : []),
    ...(trial && tenant.production_start_date === undefined ? ["trialEnds"] : []),
    ...(usages === undefined ? ["usages"] : []),
    ...unknownOfItems(items),
  ];
  const row = {
    api: "acronis" as const,
    account: "",
    id: tenant.id,
    name: tenant.name,
    path,
    package: declaration.package,
    enabled: tenant.enabled,
    twoFactor: twoFactor ?? null,
    pricingMode: tenant.pricing_mode ?? null,
    trialEnds: trial ? (tenant.production_start_date ?? null) : null,
    items,
    highestRatio: highestRatio(items),
    unknown,
    drift: declaration.drift,
  };
  return { ...row, flags: flagsOf(row, declaration.declared, now) };
}

/** What the report reads of an HCP tenant: its hard quota in bytes and the storage its namespaces use (undefined: unknown). */
export interface HcpTenantFigures {
  name: string;
  /** Undefined when the answer's quota cannot be read as a size (HCP has no unlimited tenant). */
  hardQuotaBytes: number | undefined;
  /** Undefined when the tenant's statistics do not give it. */
  storageCapacityUsed: number | undefined;
}

/** An HCP tenant's row: one item, `storage`, its used capacity against its hard quota. */
export function hcpRow(tenant: HcpTenantFigures, declaration: Declaration, now: Date): ReportRow {
  const items = [reportItem("storage", "bytes", tenant.storageCapacityUsed, tenant.hardQuotaBytes, null)];
  const row = {
    api: "hcp" as const,
    account: "",
    id: tenant.name,
    name: tenant.name,
    path: [],
    package: declaration.package,
    enabled: true,
    twoFactor: null,
    pricingMode: null,
    trialEnds: null,
    items,
    highestRatio: highestRatio(items),
    unknown: unknownOfItems(items),
    drift: declaration.drift,
  };
  return { ...row, flags: flagsOf(row, declaration.declared, now) };
}
