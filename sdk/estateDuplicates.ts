import type { Estate, EstateCustomer, EstateSection } from "./estateFile";
import { keyOrSlug, propertyName, slug, userResourceName } from "./estateNames";
import { estateSections, placedTenants } from "./estatePlacement";

/**
 * Names that must be unique for the resources (and the APIs) to tell them apart: customer and tenant
 * names, their keys (the resource identities), logins, and the resource names logins give.
 */
export function duplicates(estate: Estate, locate: (path: (string | number)[]) => string): string[] {
  const problems: string[] = [];
  /** Records `value` as `owner`'s; a repeat is reported at `path`, naming the first owner. Answers whether it was new. */
  const unique = (seen: Map<string, string>, value: string, path: (string | number)[], owner: string) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, owner);
    else problems.push(`${locate(path)}: ${propertyName(path)} ${first}`);
    return first === undefined;
  };
  /** Checks names and keys (the resource identities, required in a file) of tenants, keys per `identity`. */
  const identities = (
    list: { item: { name: string; key?: string }; path: (string | number)[]; identity: string }[],
    nameOf: (n: string) => string,
  ) => {
    const names = new Map<string, string>();
    const keys = new Map<string, string>();
    for (const { item, path, identity } of list) {
      const where = propertyName(path);
      unique(names, nameOf(item.name), [...path, "name"], `repeats the name of ${where}`);
      unique(
        keys,
        `${identity}/${keyOrSlug(item.key, item.name)}`,
        [...path, "key"],
        `repeats the key of ${where}`,
      );
    }
  };
  for (const section of estateSections(estate)) sectionDuplicates(section, identities, unique);
  return problems;
}

type Unique = (seen: Map<string, string>, value: string, path: (string | number)[], owner: string) => boolean;
type Identities = (
  list: { item: { name: string; key?: string }; path: (string | number)[]; identity: string }[],
  nameOf: (n: string) => string,
) => void;

/** One account's names, keys and logins: each account is its own platform. */
function sectionDuplicates(section: EstateSection, identities: Identities, unique: Unique): void {
  const tenants = placedTenants(section);
  // Acronis names are unique in the whole hierarchy; keys name resources, one namespace per kind.
  identities(
    tenants.map((t) => ({ item: t.entry, path: t.path, identity: t.kind })),
    slug,
  );
  const logins = new Map<string, string>();
  const userNames = new Map<string, string>();
  for (const tenant of tenants) {
    if (tenant.kind !== "customer") continue;
    (tenant.entry as EstateCustomer).users?.forEach((u, j) => {
      const path = [...tenant.path, "users", j, "login"];
      const where = propertyName(path.slice(0, -1));
      if (unique(logins, u.login.toLowerCase(), path, `repeats the login of ${where}`))
        unique(
          userNames,
          slug(u.login),
          path,
          `gives the same resource name as ${where} ("${userResourceName(u.login)}"): logins must differ in more than case and punctuation`,
        );
    });
  }
  identities(
    (section.hcp?.tenants ?? []).map((item, i) => ({
      item,
      path: [...section.path, "hcp", "tenants", i],
      identity: "hcp",
    })),
    (n) => n.toLowerCase(),
  );
}
