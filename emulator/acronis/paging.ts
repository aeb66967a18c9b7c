/** `limit` + opaque `after` cursors for GET /tenants and GET /users; the cursor carries every filter. */
import { invalid } from "./errors";
import { toInt } from "./input";

export interface Listing {
  /** The one filter parameter used (e.g. `parent_id`) and its value. */
  key: string;
  value: string;
  /** Records up to this creation sequence number were on earlier pages. */
  afterSeq: number;
  /** Every parameter of the listing but `limit` and `after` (e.g. `with_offering_items`), from the cursor on later pages. */
  filters: URLSearchParams;
}

interface Cursor {
  k: string;
  v: string;
  s: number;
  /** The listing's other parameters: the vendor's cursor "encodes all filters". */
  f?: Record<string, string>;
}

// The vendor's OAS gives `limit` a default of 5000 and no maximum.
const DEFAULT_LIMIT = 5000;
const MAX_LIMIT = 5000;

/** The listing a request asks for: exactly one of `keys`, given directly or through an `after` cursor. */
export function readListing(query: URLSearchParams, keys: readonly string[]): Listing {
  const given = keys.filter((k) => query.get(k) !== null);
  if (given.length > 1) throw invalid(`the parameters ${given.join(", ")} exclude each other`);
  const after = query.get("after");
  const cursor = after === null ? undefined : decodeCursor(after);
  const key = given[0] ?? cursor?.k;
  if (key === undefined) throw invalid(`one of the parameters ${keys.join(", ")} is required`);
  const value = query.get(key) ?? cursor?.v ?? "";
  if (cursor && (cursor.k !== key || cursor.v !== value))
    throw invalid(`the "after" cursor belongs to another listing`);
  const filters = new URLSearchParams(cursor?.f ?? {});
  for (const [name, given] of query) if (name !== "after" && name !== "limit") filters.set(name, given);
  return { key, value, afterSeq: cursor?.s ?? 0, filters };
}

/** One page of `records` (in creation order) and the cursor of the next page, if there is one. */
export function page<T extends { seq: number }>(
  records: T[],
  listing: Listing,
  query: URLSearchParams,
): { items: T[]; after?: string } {
  const limit = readLimit(query);
  const remaining = records.filter((r) => r.seq > listing.afterSeq).sort((a, b) => a.seq - b.seq);
  const items = remaining.slice(0, limit);
  if (items.length === remaining.length) return { items };
  const f = Object.fromEntries(listing.filters);
  return {
    items,
    after: encodeCursor({ k: listing.key, v: listing.value, s: items[items.length - 1].seq, f }),
  };
}

/** The list body: `{timestamp, items, paging:{cursors:{after?}}}`, the timestamp being when it was read. */
export function pagedBody(items: unknown[], after: string | undefined, now: Date): unknown {
  return { timestamp: now.toISOString(), items, paging: { cursors: after === undefined ? {} : { after } } };
}

/** The level of detail of a listing's items (OAS `lod`). */
export type Lod = "stamps" | "basic" | "full";

/** A listing's `lod` (the contract check has refused other values); the OAS default is `full`. */
export const readLod = (listing: Listing): Lod => (listing.filters.get("lod") as Lod | null) ?? "full";

// Choice: `limit` must be 1..5000 (the OAS default; it states no maximum).
function readLimit(query: URLSearchParams): number {
  const raw = query.get("limit");
  if (raw === null) return DEFAULT_LIMIT;
  const limit = toInt(raw, "limit");
  if (limit < 1 || limit > MAX_LIMIT) throw invalid(`"limit" must be between 1 and ${MAX_LIMIT}`);
  return limit;
}

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if (typeof cursor.k === "string" && typeof cursor.v === "string" && Number.isSafeInteger(cursor.s))
      return cursor;
  } catch {
    // falls through to the error below
  }
  throw invalid(`"after" is not a cursor issued by this server`);
}
