/** What an estate file declares, as the report compares it: each tenant where it sits, with its package. */
import { parse } from "yaml";
import {
  type Estate,
  type EstateCustomer,
  type EstateHcpTenant,
  type EstateReseller,
  estateTextOf,
  loadEstate,
  type PlacedTenant,
  placedTenants,
} from "../../sdk/estateFile";

export interface DeclaredCustomer {
  /** The names of the partners and folders above it, outermost first. */
  path: string[];
  /** As the resources see it: its package merged under its own settings. */
  entry: EstateCustomer;
  /** Its own `package`, else the nearest `defaultPackage` above it; null without either. */
  package: string | null;
}

export interface DeclaredHcpTenant {
  entry: EstateHcpTenant;
  package: string | null;
}

/** The default account's section of a file (the report reads the environment's one account of each API). */
export interface Declared {
  partnerTenantId?: string;
  customers: DeclaredCustomer[];
  hcpTenants: DeclaredHcpTenant[];
}

const ancestors = (tenant: PlacedTenant): PlacedTenant[] =>
  tenant.parent ? [...ancestors(tenant.parent), tenant.parent] : [];

/** The package a customer of the file as written takes: its own, or the nearest `defaultPackage` above it. */
function packageOf(tenant: PlacedTenant, top: string | undefined): string | null {
  const own = (tenant.entry as EstateCustomer).package;
  const inherited = ancestors(tenant)
    .map((a) => (a.entry as EstateReseller).defaultPackage)
    .filter((name) => name !== undefined);
  return own ?? inherited[inherited.length - 1] ?? top ?? null;
}

/**
 * The declaration from the file as written (`raw`, for package names) and as loaded (`expanded`, what the
 * resources see): both list the same tenants in the same places, since the loader only merges packages in.
 */
export function declaredOf(raw: Estate, expanded: Estate): Declared {
  const written = placedTenants({ acronis: raw.acronis });
  const loaded = placedTenants({ acronis: expanded.acronis });
  const customers = loaded.flatMap((tenant, i) =>
    tenant.kind !== "customer"
      ? []
      : [
          {
            path: ancestors(tenant).map((a) => a.entry.name),
            entry: tenant.entry as EstateCustomer,
            package: packageOf(written[i], raw.acronis?.defaultPackage),
          },
        ],
  );
  const hcpTenants = (expanded.hcp?.tenants ?? []).map((entry, i) => ({
    entry,
    package: (raw.hcp?.tenants[i]?.package as string | undefined) ?? null,
  }));
  return { partnerTenantId: expanded.acronis?.partnerTenantId, customers, hcpTenants };
}

/** Loads and checks the file as `validate` does (an EstateError lists its problems), then reads its declaration. */
export function declaredIn(file: string, bytes: Uint8Array): Declared {
  const expanded = loadEstate(file, bytes);
  return declaredOf(parse(estateTextOf(file, bytes)) as Estate, expanded);
}
