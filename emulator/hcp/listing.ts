import { badRequest } from "./errors";
import { readEnum, readInteger, readText } from "./formats";

/** Paging, sorting and filtering of a MAPI list (tenants, namespaces, user accounts). */
export interface ListQuery<S extends string, F extends string> {
  offset: number;
  count: number;
  sortType: S;
  descending: boolean;
  filterType: F;
  /** Lower-cased; "" keeps everything. */
  filterString: string;
}

/** The list parameters of a query; the first of `sortTypes` and `filterTypes` is the default. */
export function readListQuery<S extends string, F extends string>(
  query: URLSearchParams,
  sortTypes: readonly S[],
  filterTypes: readonly F[],
): ListQuery<S, F> {
  const filterString = readText(query.get("filterString") ?? "", "filterString", 64);
  if (filterString.includes(",")) throw badRequest("'filterString' must not contain commas.");
  const count = query.get("count");
  // Choice: offset is 0-based; without count the whole rest of the list is returned; the sort and filter
  // values are read case-sensitively, as the reference spells them.
  return {
    offset: readInteger(query.get("offset") ?? "0", "offset", 0, Number.MAX_SAFE_INTEGER),
    count:
      count === null ? Number.POSITIVE_INFINITY : readInteger(count, "count", 0, Number.MAX_SAFE_INTEGER),
    sortType: readEnum(query.get("sortType") ?? sortTypes[0], "sortType", sortTypes, true),
    descending:
      readEnum(query.get("sortOrder") ?? "ascending", "sortOrder", ["ascending", "descending"], true) ===
      "descending",
    filterType: readEnum(query.get("filterType") ?? filterTypes[0], "filterType", filterTypes, true),
    filterString: filterString.toLowerCase(),
  };
}

/** How a list's items are filtered and ordered. */
export interface ListRules<T, S extends string, F extends string> {
  /** The texts a filter type matches by prefix (a name, or every tag). */
  candidates(item: T, filterType: F): string[];
  /** The order of a sort type, ascending; ties are broken by `name`. */
  compare?(a: T, b: T, sortType: S): number;
  name(item: T): string;
}

/** The items that match the filter (a case-insensitive prefix), sorted, then the page asked for. */
export function listPage<T, S extends string, F extends string>(
  items: readonly T[],
  query: ListQuery<S, F>,
  rules: ListRules<T, S, F>,
): T[] {
  const matches = (item: T) =>
    query.filterString === "" ||
    rules
      .candidates(item, query.filterType)
      .some((text) => text.toLowerCase().startsWith(query.filterString));
  const byName = (a: T, b: T) => rules.name(a).toLowerCase().localeCompare(rules.name(b).toLowerCase());
  const order = (a: T, b: T) => {
    const result = (rules.compare?.(a, b, query.sortType) ?? 0) || byName(a, b);
    return query.descending ? -result : result;
  };
  return items
    .filter(matches)
    .sort(order)
    .slice(query.offset, query.offset + query.count);
}
