import type { Estate, EstateCustomer, EstatePackage, EstateTenantLevel } from "../sdk/estateFile";
import { placedTenants } from "../sdk/estateFile";
import { sortedPlain } from "./exportCommon";

/** What a package holds of an exported customer: what customers share by what they bought, not who they are. */
const packaged = [
  "ancestralAccess",
  "enhancedSecurity",
  "language",
  "offeringItems",
  "pricingMode",
  "twoFactor",
] as const;

/** A customer's packaged settings, as one comparable text, or undefined when it has none. */
function settingsOf(customer: EstateCustomer): string | undefined {
  const settings = sortedPlain(Object.fromEntries(packaged.map((key) => [key, customer[key]])));
  return Object.keys(settings).length > 0 ? JSON.stringify(settings) : undefined;
}

/**
 * The exported estate with customers whose packaged settings are identical (two or more) sharing a package
 * (`package-1` the largest group), those settings moved into it. Loading it gives the same estate back.
 */
export function withExportedPackages(estate: Estate): Estate {
  if (!estate.acronis) return estate;
  const customers = placedTenants({ acronis: estate.acronis })
    .filter((t) => t.kind === "customer")
    .map((t) => t.entry as EstateCustomer);
  const groups = new Map<string, EstateCustomer[]>();
  for (const customer of customers) {
    const settings = settingsOf(customer);
    if (settings !== undefined) groups.set(settings, [...(groups.get(settings) ?? []), customer]);
  }
  const shared = [...groups.entries()]
    .filter(([, members]) => members.length >= 2)
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b));
  if (shared.length === 0) return estate;
  const packages: Record<string, EstatePackage> = {};
  const packageOf = new Map<EstateCustomer, string>();
  shared.forEach(([settings, members], i) => {
    const name = `package-${i + 1}`;
    packages[name] = sortedPlain({ description: `${members.length} customers`, ...JSON.parse(settings) });
    for (const member of members) packageOf.set(member, name);
  });
  const level = <T extends EstateTenantLevel>(from: T): T => {
    const out = { ...from };
    if (from.customers) out.customers = from.customers.map((c) => packagedCustomer(c, packageOf.get(c)));
    if (from.partners) out.partners = from.partners.map(level);
    if (from.folders) out.folders = from.folders.map(level);
    return out;
  };
  const { adopt, ...rest } = estate;
  return { adopt, packages, ...rest, acronis: level(estate.acronis) };
}

function packagedCustomer(customer: EstateCustomer, name: string | undefined): EstateCustomer {
  if (name === undefined) return customer;
  const own = Object.fromEntries(
    Object.entries(customer).filter(([key]) => !(packaged as readonly string[]).includes(key)),
  );
  return sortedPlain({ ...own, package: name }) as EstateCustomer;
}
