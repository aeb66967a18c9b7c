/** Usage of tenants' offering items: GET /tenants/{id}/usages, GET /tenants/usages, and the control API's setter. */
import { createHash } from "node:crypto";
import { type ApiHandler, ok } from "./call";
import { inEditions, itemKey, OFFERING_ITEM_CATALOG, type OfferingItemDefinition } from "./catalog";
import { invalid, notFound } from "./errors";
import { asObject, optNullableString, optString, queryList, toInt } from "./input";
import type { AcronisState, Quota, TenantRecord, UsageRecord } from "./model";
import { findTenant, isWithin, visibleTenant } from "./tree";

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
/** Where a generated usage tops out when the item has no quota. */
const UNQUOTED_CEILING = { quantity: 20, bytes: 500 * GIB };
// Choice: API v1 tenant ids (`tenant_id` of usages) are integers derived from the creation order.
const V1_ID_BASE = 1_300_000;

/**
 * A usage for an item nobody set one for: a fixed fraction of its quota (or of a ceiling), from a hash of tenant
 * and item, so a tenant's usage is stable between calls and restarts.
 * Choice: generated usage stays within the soft quota; storage is whole MiB, counted in bytes.
 */
export function generatedUsage(
  tenantId: string,
  definition: OfferingItemDefinition,
  quota: Quota | undefined,
): number {
  const digest = createHash("sha256")
    .update(`${tenantId}|${itemKey(definition)}`)
    .digest();
  const fraction = digest.readUInt32BE(0) / 2 ** 32;
  const ceiling = quota?.value ?? UNQUOTED_CEILING[definition.measurement_unit];
  if (definition.measurement_unit === "quantity") return Math.floor(fraction * (ceiling + 1));
  return Math.floor((fraction * ceiling) / MIB) * MIB;
}

// Choice: range_start is the first day of the current month at 00:00 UTC, written with `Z` as the newer docs' sample.
export const rangeStart = (now: Date): string =>
  `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}-01T00:00:00Z`;

/** One usage item per enabled offering item, plus any usage set for an item that is off now. */
export function tenantUsages(
  state: AcronisState,
  tenant: TenantRecord,
  now: Date,
): Record<string, unknown>[] {
  const enabled = new Map(
    state.offeringItems.filter((i) => i.tenant_id === tenant.id).map((i) => [itemKey(i), i.quota]),
  );
  const set = new Map(state.usages.filter((u) => u.tenant_id === tenant.id).map((u) => [itemKey(u), u]));
  return OFFERING_ITEM_CATALOG.filter((d) => enabled.has(itemKey(d)) || set.has(itemKey(d))).map((d) => {
    const quota = enabled.get(itemKey(d));
    const value = set.get(itemKey(d)) ?? {
      value: generatedUsage(tenant.id, d, quota),
      absolute_value: undefined,
    };
    return {
      tenant_uuid: tenant.id,
      tenant_id: V1_ID_BASE + tenant.seq,
      application_id: d.application_id,
      name: d.name,
      edition: d.edition,
      usage_name: d.usage_name,
      type: d.type,
      measurement_unit: d.measurement_unit,
      ...(d.infra_id ? { infra_id: d.infra_id } : {}),
      range_start: rangeStart(now),
      value: value.value,
      // Choice: the accumulated value equals the current one unless the control API set another.
      absolute_value: value.absolute_value ?? value.value,
      offering_item: quota ? { status: 1, quota: { ...quota } } : { status: 0 },
    };
  });
}

/** The `usage_names` and `editions` filters (comma-separated); usages without an edition pass any edition filter. */
function filtered(items: Record<string, unknown>[], query: URLSearchParams): Record<string, unknown>[] {
  const names = query.get("usage_names");
  const wanted = names === null ? undefined : new Set(queryList(names));
  const editions = query.get("editions");
  return items.filter(
    (u) =>
      (wanted === undefined || wanted.has(u.usage_name as string)) &&
      (editions === null || inEditions(u as { edition: string | null }, editions)),
  );
}

export const getTenantUsages: ApiHandler = ({ state, caller, params, query, now }) =>
  ok({ items: filtered(tenantUsages(state, visibleTenant(state, caller, params.id), now), query) });

/** GET /tenants/usages?tenants=a,b → `{items:[{tenant, usages}]}`. */
export const getTenantsUsages: ApiHandler = ({ state, caller, query, now }) => {
  const ids = query.get("tenants");
  if (ids === null || queryList(ids).length === 0) throw invalid(`the "tenants" parameter is required`);
  // Choice: unknown tenants, and tenants out of reach, are left out (as in GET /tenants?uuids=).
  const tenants = queryList(ids)
    .map((id) => findTenant(state, id))
    .filter((t): t is TenantRecord => t !== undefined && isWithin(state, caller.tenantId, t.id));
  return ok({
    items: tenants.map((t) => ({ tenant: t.id, usages: filtered(tenantUsages(state, t, now), query) })),
  });
};

/** PUT /_emulator/tenants/{id}/usages {items:[{name, application_id?, infra_id?, value, absolute_value?}]}. */
export function setUsages(state: AcronisState, tenantId: string, body: unknown): UsageRecord[] {
  if (!findTenant(state, tenantId)) throw notFound(`tenant ${tenantId} does not exist`);
  const list = asObject(body, "request body").items;
  if (!Array.isArray(list)) throw invalid(`"items" must be an array`);
  const records = list.map((raw, i) => readUsage(tenantId, raw, `items[${i}]`));
  const keys = new Set(records.map(itemKey));
  state.usages = [
    ...state.usages.filter((u) => u.tenant_id !== tenantId || !keys.has(itemKey(u))),
    ...records,
  ];
  return records;
}

function readUsage(tenantId: string, raw: unknown, where: string): UsageRecord {
  const input = asObject(raw, where);
  const name = optString(input, "name");
  const app = optString(input, "application_id");
  const infra = optNullableString(input, "infra_id");
  const matches = OFFERING_ITEM_CATALOG.filter(
    (d) =>
      d.name === name &&
      (app === undefined || d.application_id === app) &&
      (infra === undefined || d.infra_id === infra),
  );
  if (matches.length !== 1)
    throw invalid(
      `"${where}" must name one catalog item (name, and application_id or infra_id where needed)`,
    );
  const value = toInt(input.value, `${where}.value`);
  const absolute =
    input.absolute_value === undefined ? value : toInt(input.absolute_value, `${where}.absolute_value`);
  if (value < 0 || absolute < 0) throw invalid(`"${where}" values must not be negative`);
  const { application_id, name: itemName, infra_id } = matches[0];
  return { tenant_id: tenantId, application_id, name: itemName, infra_id, value, absolute_value: absolute };
}
