/** GET /search?tenant=&text=[&limit=]: tenants and users below a tenant whose values start with the searched words. */
import { type ApiHandler, ok } from "./call";
import { invalid } from "./errors";
import { toInt } from "./input";
import type { AcronisState, TenantRecord, UserRecord } from "./model";
import { childrenOf, findTenant, visibleTenant } from "./tree";

const MIN_TEXT = 3;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 300;

/** Lower-case words of a value: split at anything that is not a letter or a digit (DOC:searching/index). */
export const searchTokens = (value: string): string[] =>
  value
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);

/** A value matches when each searched word starts one of its words ("smith fir" matches "John Smith First"). */
export function valueMatches(value: string | null | undefined, searched: readonly string[]): boolean {
  if (!value) return false;
  const tokens = searchTokens(value);
  return searched.every((s) => tokens.some((t) => t.startsWith(s)));
}

/**
 * The start tenant and its subtree, without the sub-tenants that closed access to their ancestors (and what
 * lies below them). Choice: personal tenants are not results: their user is.
 */
function searchedTenants(state: AcronisState, start: TenantRecord): TenantRecord[] {
  const result = [start];
  for (let i = 0; i < result.length; i++) {
    result.push(...childrenOf(state, result[i].id).filter((t) => t.ancestral_access && t.owner_id === null));
  }
  return result;
}

// Choice: a path runs from the start tenant down to the found tenant itself, both included (the docs' examples; OAS stops at the parent).
function pathTo(state: AcronisState, start: TenantRecord, tenantId: string): string[] {
  const names: string[] = [];
  for (
    let t = findTenant(state, tenantId);
    t;
    t = t.id === start.id || !t.parent_id ? undefined : findTenant(state, t.parent_id)
  ) {
    names.unshift(t.name);
  }
  return names;
}

function tenantResult(state: AcronisState, start: TenantRecord, t: TenantRecord): Record<string, unknown> {
  return {
    obj_type: "tenant",
    id: t.id,
    parent_id: t.parent_id,
    path: pathTo(state, start, t.id),
    kind: t.kind,
    name: t.name,
    first_name: t.contact.firstname ?? "",
    last_name: t.contact.lastname ?? "",
    deleted_at: null,
  };
}

function userResult(state: AcronisState, start: TenantRecord, u: UserRecord): Record<string, unknown> {
  return {
    obj_type: "user",
    id: u.id,
    parent_id: u.tenant_id,
    path: pathTo(state, start, u.tenant_id),
    login: u.login,
    first_name: u.contact.firstname ?? "",
    last_name: u.contact.lastname ?? "",
    deleted_at: null,
  };
}

// Choice: tenants come before users, each in creation order; e-mails are searched but never shown.
export const search: ApiHandler = ({ state, caller, query }) => {
  const tenantId = query.get("tenant");
  if (!tenantId) throw invalid(`the "tenant" parameter is required`);
  const text = (query.get("text") ?? "").trim();
  if (text.length < MIN_TEXT) throw invalid(`"text" must have at least ${MIN_TEXT} characters`);
  const limit = query.get("limit") === null ? DEFAULT_LIMIT : toInt(query.get("limit"), "limit");
  if (limit < 1 || limit > MAX_LIMIT) throw invalid(`"limit" must be between 1 and ${MAX_LIMIT}`);
  const start = visibleTenant(state, caller, tenantId);
  const words = searchTokens(text);
  if (words.length === 0) return ok({ items: [] });
  const tenants = searchedTenants(state, start);
  const inScope = new Set(tenants.map((t) => t.id));
  const found = [
    ...tenants
      .filter((t) =>
        [t.name, t.customer_id, t.contact.firstname, t.contact.lastname, t.contact.email].some((v) =>
          valueMatches(v, words),
        ),
      )
      .map((t) => tenantResult(state, start, t)),
    ...state.users
      .filter((u) => inScope.has(u.tenant_id))
      .filter((u) =>
        [u.login, u.contact.firstname, u.contact.lastname, u.contact.email].some((v) =>
          valueMatches(v, words),
        ),
      )
      .map((u) => userResult(state, start, u)),
  ];
  return ok({ items: found.slice(0, limit) });
};
