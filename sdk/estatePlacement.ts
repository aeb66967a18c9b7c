import type {
  Estate,
  EstateAcronisSection,
  EstateCustomer,
  EstateReseller,
  EstateSection,
  EstateTenantLevel,
} from "./estateFile";

/** Where a section's resources go: its account, the prefix of their names, and whether they adopt. */
export interface Where {
  adopt?: true;
  /** Absent: the default account. */
  account?: string;
  /** "" for the default account, `<account>-` for a named one. */
  prefix: string;
}

/** The inputs every resource of a section has. */
export const placement = (where: Where) => ({ adopt: where.adopt, account: where.account });

export type EstateTenantKind = "partner" | "folder" | "customer";

/** A tenant of the file, with its place: its path in the file and its parent's entry (none: the top). */
export interface PlacedTenant {
  kind: EstateTenantKind;
  entry: EstateReseller | EstateCustomer;
  path: (string | number)[];
  parent?: PlacedTenant;
}

/** Every Acronis tenant of a section (by default the top level), each parent before its children. */
export function placedTenants(section: { acronis?: EstateAcronisSection; path?: string[] }): PlacedTenant[] {
  const placed: PlacedTenant[] = [];
  const visit = (level: EstateTenantLevel, at: (string | number)[], parent?: PlacedTenant) => {
    for (const kind of ["partners", "folders", "customers"] as const) {
      (level[kind] ?? []).forEach((entry, i) => {
        const tenant: PlacedTenant = {
          kind: kind.slice(0, -1) as EstateTenantKind,
          entry,
          path: [...at, kind, i],
          parent,
        };
        placed.push(tenant);
        if (kind !== "customers") visit(entry as EstateReseller, tenant.path, tenant);
      });
    }
  };
  if (section.acronis) visit(section.acronis, [...(section.path ?? []), "acronis"]);
  return placed;
}

/** The default account's section, then each named account's, in the file's order. */
export function estateSections(estate: Estate): EstateSection[] {
  const named = Object.entries(estate.accounts ?? {}).map(([account, section]) => ({
    account,
    path: ["accounts", account],
    ...section,
  }));
  return [{ path: [], acronis: estate.acronis, hcp: estate.hcp }, ...named];
}
