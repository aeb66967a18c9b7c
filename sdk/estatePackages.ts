import type {
  Estate,
  EstateCustomer,
  EstateHcpTenant,
  EstateReseller,
  EstateTenantLevel,
} from "./estateFile";
import { propertyName } from "./estateNames";
import { estateSections } from "./estatePlacement";

type Settings = Record<string, unknown>;
type Path = (string | number)[];
type Locate = (path: Path) => string;

/** A named package: settings a tenant takes unless it says otherwise, and the package it extends. */
export interface EstatePackage extends Settings {
  description?: string;
  package?: string;
  /** Acronis: the roles a customer's users get when they declare none. */
  userRoles?: string[];
}

/** What names a package and what only describes it: never settings of a tenant. */
const notSettings = new Set(["description", "package"]);

const isPlainObject = (v: unknown): v is Settings => typeof v === "object" && v !== null && !Array.isArray(v);

/** Offering items by name: the base's in its order, each replaced by the override of that name, then the new ones. */
function mergeItems(base: unknown, over: unknown): unknown {
  if (!Array.isArray(base) || !Array.isArray(over)) return over ?? base;
  const overrides = new Map(over.map((item) => [(item as { name: string }).name, item]));
  const merged = base.map((item) => overrides.get((item as { name: string }).name) ?? item);
  const inBase = new Set(base.map((item) => (item as { name: string }).name));
  return [...merged, ...over.filter((item) => !inBase.has((item as { name: string }).name))];
}

/**
 * `over` on top of `base`: offering items by name, objects (a contact, a settings document) key by key,
 * anything else whole. Pure: neither side is changed.
 */
export function mergeSettings(base: Settings, over: Settings): Settings {
  const merged: Settings = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    if (key === "offeringItems") merged[key] = mergeItems(base[key], value);
    else if (isPlainObject(base[key]) && isPlainObject(value)) merged[key] = { ...base[key], ...value };
    else merged[key] = value;
  }
  return merged;
}

/** Resolves packages by name, each once, with its bases merged under it; problems are reported where named. */
class PackageShelf {
  private readonly resolved = new Map<string, Settings | undefined>();

  constructor(
    private readonly packages: Record<string, EstatePackage>,
    private readonly packagesPath: Path,
    private readonly locate: Locate,
    private readonly problems: string[],
  ) {}

  /** The package's settings, bases merged; undefined (with a problem at `namedAt`) when it does not exist. */
  settings(name: string, namedAt: Path, within: string[] = []): Settings | undefined {
    if (!Object.hasOwn(this.packages, name)) {
      const known = Object.keys(this.packages);
      const offer =
        known.length > 0 ? `one of ${known.join(", ")}` : `declared under ${propertyName(this.packagesPath)}`;
      this.problems.push(
        `${this.locate(namedAt)}: ${propertyName(namedAt)} names no package "${name}": must be ${offer}`,
      );
      return undefined;
    }
    if (within.includes(name)) {
      const cycle = [...within.slice(within.indexOf(name)), name].join(" → ");
      this.problems.push(
        `${this.locate(namedAt)}: ${propertyName(namedAt)} makes a cycle of packages: ${cycle}`,
      );
      return undefined;
    }
    if (this.resolved.has(name)) return this.resolved.get(name);
    const own = this.packages[name];
    this.repeatedItems(name, own);
    const basePath = [...this.packagesPath, name, "package"];
    const base = own.package === undefined ? {} : this.settings(own.package, basePath, [...within, name]);
    const settings =
      base === undefined
        ? undefined
        : mergeSettings(base, Object.fromEntries(Object.entries(own).filter(([k]) => !notSettings.has(k))));
    this.resolved.set(name, settings);
    return settings;
  }

  /** Every package, used or not, so an unknown base or a cycle is found before anyone names it. */
  checkAll(): void {
    for (const name of Object.keys(this.packages)) this.settings(name, [...this.packagesPath, name]);
  }

  /** Two items of one name in a package: which of them a tenant gets would depend on their order. */
  private repeatedItems(name: string, own: EstatePackage): void {
    const seen = new Set<string>();
    (Array.isArray(own.offeringItems) ? own.offeringItems : []).forEach((item, i) => {
      const itemName = (item as { name?: unknown }).name;
      if (typeof itemName !== "string") return;
      const at = [...this.packagesPath, name, "offeringItems", i, "name"];
      if (seen.has(itemName))
        this.problems.push(`${this.locate(at)}: ${propertyName(at)} repeats the offering item "${itemName}"`);
      seen.add(itemName);
    });
  }
}

/** A package named for a tenant, and where: the tenant's own `package`, or a `defaultPackage` above it. */
interface Named {
  name: string;
  at: Path;
}

/** A customer with its package (its own, else the nearest `defaultPackage` above it) merged under it. */
function packagedCustomer(
  customer: EstateCustomer,
  path: Path,
  inherited: Named | undefined,
  shelf: PackageShelf,
) {
  const { package: own, ...declared } = customer as EstateCustomer & { package?: string };
  const named = own !== undefined ? { name: own, at: [...path, "package"] } : inherited;
  const settings = named && shelf.settings(named.name, named.at);
  if (!settings) return declared;
  const { userRoles, ...customerSettings } = settings as EstatePackage;
  const merged = mergeSettings(customerSettings, declared as Settings) as unknown as EstateCustomer;
  if (userRoles && merged.users)
    merged.users = merged.users.map((u) => (u.roles === undefined ? { ...u, roles: [...userRoles] } : u));
  return merged;
}

/** A level of the hierarchy with every customer below it packaged, and its `defaultPackage` gone. */
function packagedLevel<T extends EstateTenantLevel>(
  level: T,
  path: Path,
  inherited: Named | undefined,
  shelf: PackageShelf,
): T {
  const { defaultPackage, ...rest } = level as T & { defaultPackage?: string };
  const here =
    defaultPackage !== undefined ? { name: defaultPackage, at: [...path, "defaultPackage"] } : inherited;
  const out = { ...rest } as T;
  if (level.customers)
    out.customers = level.customers.map((c, i) =>
      packagedCustomer(c, [...path, "customers", i], here, shelf),
    );
  for (const kind of ["partners", "folders"] as const) {
    const resellers = level[kind] as EstateReseller[] | undefined;
    if (resellers) out[kind] = resellers.map((r, i) => packagedLevel(r, [...path, kind, i], here, shelf));
  }
  return out;
}

/** An HCP tenant with its package merged under it. */
function packagedHcpTenant(
  tenant: EstateHcpTenant,
  path: Path,
  shelf: PackageShelf,
  problems: string[],
  locate: Locate,
): EstateHcpTenant {
  const { package: own, ...declared } = tenant as EstateHcpTenant & { package?: string };
  const settings = typeof own === "string" ? shelf.settings(own, [...path, "package"]) : undefined;
  const merged = settings ? (mergeSettings(settings, declared) as EstateHcpTenant) : declared;
  if (merged.hardQuota === undefined && (own === undefined || settings))
    problems.push(
      `${locate(path)}: ${propertyName([...path, "hardQuota"])} is required (neither the tenant nor its package gives it)`,
    );
  return merged;
}

/**
 * The estate as the resources see it: each tenant's package merged under its own settings (see mergeSettings),
 * and `packages`, `package` and `defaultPackage` gone. Acronis packages are the file's top-level `packages`
 * (for every account); an HCP system's are its section's `hcp.packages`. Unknown packages, cycles and
 * repeated offering items are problems with file, line and column.
 */
export function expandPackages(estate: Estate, locate: Locate): { estate: Estate; problems: string[] } {
  const problems: string[] = [];
  const { packages, ...rest } = estate as Estate & { packages?: Record<string, EstatePackage> };
  const acronisShelf = new PackageShelf(packages ?? {}, ["packages"], locate, problems);
  acronisShelf.checkAll();
  const expanded: Estate = { ...rest };
  for (const section of estateSections(estate)) {
    const target =
      section.account === undefined ? expanded : { ...(estate.accounts?.[section.account] ?? {}) };
    if (section.acronis)
      target.acronis = packagedLevel(section.acronis, [...section.path, "acronis"], undefined, acronisShelf);
    if (section.hcp) {
      const { packages: own, ...hcp } = section.hcp as typeof section.hcp & {
        packages?: Record<string, EstatePackage>;
      };
      const hcpPath = [...section.path, "hcp"];
      const shelf = new PackageShelf(own ?? {}, [...hcpPath, "packages"], locate, problems);
      shelf.checkAll();
      target.hcp = {
        ...hcp,
        tenants: hcp.tenants.map((t, i) =>
          packagedHcpTenant(t, [...hcpPath, "tenants", i], shelf, problems, locate),
        ),
      };
    }
    if (section.account !== undefined)
      expanded.accounts = { ...expanded.accounts, [section.account]: target };
  }
  // A default package names itself once for every customer below it: one problem, once.
  return { estate: expanded, problems: [...new Set(problems)] };
}
