/**
 * The usage and quota report: what `tenant-estates report` collects once and renders as JSON, CSV or HTML.
 * Every renderer reads only this model, so the three formats carry the same rows.
 */

/** How an item's usage stands against its quota. */
export type QuotaState = "over" | "near" | "within" | "unlimited";

/** One offering item (Acronis) or storage figure (HCP) of one tenant. */
export interface ReportItem {
  /** The offering item's name (Acronis) or the quota's name (HCP: `storage`). */
  name: string;
  /** `bytes`, `quantity`, `seconds` or `n/a`, as the API counts the value. */
  unit: string;
  /** Current usage in `unit`. */
  usage: number;
  /** The soft quota in `unit`; null: unlimited. */
  quota: number | null;
  /** How far over the quota the tenant may go, in `unit`; null: unlimited or none. */
  overage: number | null;
  /** usage / quota, or null when unlimited. */
  ratio: number | null;
  state: QuotaState;
  /** The usage for a person: bytes as GB/TB as the portal counts them (1 GB = 1024³ bytes). */
  usageText: string;
  quotaText: string;
}

/** One customer tenant (Acronis) or HCP tenant. */
export interface ReportRow {
  api: "acronis" | "hcp";
  /** The named account of the estate file's section, or "" for the default account. */
  account: string;
  /** The tenant id (Acronis uuid, HCP tenant name). */
  id: string;
  name: string;
  /** Where it sits: the names of the partners and folders above it, outermost first. */
  path: string[];
  /** The package the estate file gives it (its own or the nearest defaultPackage); null without one or without a file. */
  package: string | null;
  enabled: boolean;
  /** Acronis: null for HCP. */
  twoFactor: boolean | null;
  /** Acronis billing mode (`trial`, `production`, …); null for HCP. */
  pricingMode: string | null;
  /** When a trial ends (ISO 8601), for tenants in trial. */
  trialEnds: string | null;
  items: ReportItem[];
  /** Flags a person acts on: `over-quota`, `near-quota`, `trial-ending`, `two-factor-off`, `disabled`, `drift`, `undeclared`. */
  flags: string[];
  /** Given the estate file: each declared property whose live value differs (read-only, nothing is written). */
  drift: { property: string; declared: unknown; live: unknown }[];
}

export interface ReportSummary {
  customers: number;
  hcpTenants: number;
  overQuota: number;
  nearQuota: number;
  /** Trials that end within 30 days of `generatedAt`. */
  trialsEndingSoon: number;
  twoFactorOff: number;
  disabled: number;
  drifted: number;
  /** Per package (null: no package): tenants, and per item the sum of usage and of quota. */
  byPackage: {
    package: string | null;
    tenants: number;
    items: { name: string; unit: string; usage: number; quota: number | null }[];
  }[];
}

export interface Report {
  /** ISO 8601 time the report was collected. */
  generatedAt: string;
  /** The estate file compared with, or null. */
  estateFile: string | null;
  /** Where usage collection started (Acronis `range_start`), when reported. */
  usageSince: string | null;
  summary: ReportSummary;
  rows: ReportRow[];
}
