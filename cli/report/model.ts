/**
 * The usage and quota report: what `tenant-estates report` collects once and renders as JSON, CSV or HTML.
 * Every renderer reads only this model, so the three formats carry the same rows.
 */

/** How an item's usage stands against its quota; `unknown` when the API did not give the usage or the quota. */
export type QuotaState = "over" | "near" | "within" | "unlimited" | "unknown";

/** The API a row, a declared tenant or a package's item comes from. */
export type ReportApi = "acronis" | "hcp";

/** One offering item (Acronis) or storage figure (HCP) of one tenant. */
export interface ReportItem {
  /** The offering item's name (Acronis) or the quota's name (HCP: `storage`). */
  name: string;
  /** `bytes`, `quantity`, `seconds` or `n/a`, as the API counts the value. */
  unit: string;
  /** Current usage in `unit`; null when unknown (`unknown` holds `usage`). */
  usage: number | null;
  /** The soft quota in `unit`; null: unlimited, or unknown when `unknown` holds `quota`. */
  quota: number | null;
  /** How far over the quota the tenant may go, in `unit`; null: unlimited or none. */
  overage: number | null;
  /** usage / quota, or null when unlimited, unknown or a quota of 0. */
  ratio: number | null;
  state: QuotaState;
  /** The figures the API did not give (`usage`, `quota`): shown as unknown, never as 0 or unlimited. */
  unknown: ("usage" | "quota")[];
  /** The usage for a person: bytes as GB/TB as the portal counts them (1 GB = 1024³ bytes); `unknown`. */
  usageText: string;
  quotaText: string;
}

/** One customer tenant (Acronis) or HCP tenant. */
export interface ReportRow {
  api: ReportApi;
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
  /** Acronis: null for HCP, or when unknown (`unknown` holds `twoFactor`). */
  twoFactor: boolean | null;
  /** Acronis billing mode (`trial`, `production`, …); null for HCP. */
  pricingMode: string | null;
  /** When a trial ends (ISO 8601), for tenants in trial; null when unknown (`unknown` holds `trialEnds`). */
  trialEnds: string | null;
  items: ReportItem[];
  /** The highest share of a quota the tenant uses (the items' highest ratio), or null when none has one. */
  highestRatio: number | null;
  /**
   * What the APIs did not answer, shown as unknown rather than as a default: `twoFactor`, `trialEnds`, `usages`
   * (no usage answer for the tenant), and `<item>.usage` or `<item>.quota` of an item.
   */
  unknown: string[];
  /**
   * Flags a person acts on: `over-quota`, `near-quota`, `trial-ending`, `two-factor-off`, `disabled`, `unknown`,
   * `drift`, `undeclared`.
   */
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
  /** Rows with something the APIs did not answer (flag `unknown`). */
  unknown: number;
  /** Tenants the estate file declares that were not found live. */
  notFound: number;
  /** Per package (null: no package): tenants, and per item of each API the sum of usage and of quota. */
  byPackage: {
    package: string | null;
    tenants: number;
    items: PackageItem[];
  }[];
}

/** One item's totals over a package's tenants, apart per API (Acronis and HCP `storage` are not one figure). */
export interface PackageItem {
  api: ReportApi;
  name: string;
  unit: string;
  /** The sum of the known usages. */
  usage: number;
  /** The sum of the known quotas; null once any is unlimited. */
  quota: number | null;
  /** usage / quota, or null when unlimited or a quota of 0. */
  ratio: number | null;
  /** How the totals stand, as one tenant's item would. */
  state: QuotaState;
  /** How many tenants' items had an unknown usage or quota: left out of both sums. */
  unknown: number;
}

/** A tenant the estate file declares that the API does not have: a person creates it, or removes it from the file. */
export interface NotFoundTenant {
  api: ReportApi;
  /** The named account of the estate file's section, or "" for the default account. */
  account: string;
  /** The names of the partners and folders above it, outermost first (none for HCP). */
  path: string[];
  name: string;
  package: string | null;
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
  /** Given an estate file: the declared tenants not found live, in the rows' order. */
  notFound: NotFoundTenant[];
}
