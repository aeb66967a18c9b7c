/** Offering items: what a tenant may use (enabled at its parent), what it has enabled, quotas. */

import { type ApiHandler, ok } from "./call";
import {
  ALLOWED_CHILD_KINDS,
  inEditions,
  itemKey,
  OFFERING_ITEM_CATALOG,
  type OfferingItemDefinition,
} from "./catalog";
import { type ApiError, accessDenied, fail, invalid } from "./errors";
import { asObject, type Json, optNullableString, requiredString, toInt, toNumber } from "./input";
import { type AcronisState, type Quota, TENANT_KINDS, type TenantKind, type TenantRecord } from "./model";
import { nextQuotaVersion } from "./state";
import { findTenant, subtree, visibleTenant } from "./tree";

const UNLIMITED: Quota = { value: null, overage: null, version: 0 };

/** Quotas of the items enabled at a tenant, by item key. */
function enabledQuotas(state: AcronisState, tenantId: string): Map<string, Quota> {
  return new Map(
    state.offeringItems.filter((i) => i.tenant_id === tenantId).map((i) => [itemKey(i), i.quota]),
  );
}

/** The items a tenant may use: those enabled at its parent; the whole catalog below the unstored root. */
function availableDefinitions(state: AcronisState, tenant: TenantRecord): OfferingItemDefinition[] {
  if (!tenant.parent_id || !findTenant(state, tenant.parent_id)) return [...OFFERING_ITEM_CATALOG];
  const atParent = enabledQuotas(state, tenant.parent_id);
  return OFFERING_ITEM_CATALOG.filter((d) => atParent.has(itemKey(d)));
}

/** The item of a tenant as the API shows it (OAS `items_3`): status 1 with a quota, or status 0 without one. */
export function itemView(
  tenantId: string,
  definition: OfferingItemDefinition,
  quota: Quota | undefined,
): Json {
  return {
    application_id: definition.application_id,
    name: definition.name,
    edition: definition.edition,
    usage_name: definition.usage_name,
    tenant_id: tenantId,
    ...(definition.infra_id ? { infra_id: definition.infra_id } : {}),
    status: quota ? 1 : 0,
    locked: false,
    type: definition.type,
    measurement_unit: definition.measurement_unit,
    ...(quota ? { quota: { ...quota } } : {}),
  };
}

/** The OAS `offeringItemList`: the items and when they were read. */
export const itemList = (items: Json[], now: Date): Json => ({ timestamp: now.toISOString(), items });

/**
 * Every item the tenant may use, enabled or not, of the editions asked for.
 * Choice: `with_offering_items` of tenant listings embeds the items of every edition (no `edition` parameter there).
 */
export function tenantOfferingItems(
  state: AcronisState,
  tenant: TenantRecord,
  edition: string | null = "*",
): Json[] {
  const enabled = enabledQuotas(state, tenant.id);
  return availableDefinitions(state, tenant)
    .filter((d) => inEditions(d, edition))
    .map((d) => itemView(tenant.id, d, enabled.get(itemKey(d))));
}

/** GET offering_items: `edition` (default standard, `*` all), and the docs' `status` and `type` filters. */
export const getOfferingItems: ApiHandler = ({ state, caller, params, query, now }) => {
  const tenant = visibleTenant(state, caller, params.id);
  const status = query.get("status");
  const type = query.get("type");
  const items = tenantOfferingItems(state, tenant, query.get("edition")).filter(
    (i) => (status === null || String(i.status) === status) && (type === null || i.type === type),
  );
  return ok(itemList(items, now));
};

/**
 * Items enabled at the parent, offered to a new child of `kind` with an unlimited quota.
 * Choice: their tenant_id is the parent's, as the child does not exist yet.
 */
export const availableForChild: ApiHandler = ({ state, caller, params, query, now }) => {
  const parent = visibleTenant(state, caller, params.id);
  const kind = query.get("kind");
  if (kind === null) throw invalid(`the "kind" parameter is required`);
  if (!TENANT_KINDS.includes(kind as TenantKind))
    throw invalid(`"kind" must be one of ${TENANT_KINDS.join(", ")}`);
  if (!ALLOWED_CHILD_KINDS[parent.kind].includes(kind as TenantKind)) {
    throw invalid(`a ${parent.kind} tenant cannot have ${kind} children`);
  }
  const enabled = enabledQuotas(state, parent.id);
  const edition = query.get("edition");
  const items = OFFERING_ITEM_CATALOG.filter((d) => enabled.has(itemKey(d)) && inEditions(d, edition)).map(
    (d) => itemView(parent.id, d, UNLIMITED),
  );
  return ok(itemList(items, now));
};

interface SentQuota {
  value: number | null;
  overage: number | null;
  version?: number;
}

interface ItemChange {
  definition: OfferingItemDefinition;
  enable: boolean;
  quota?: SentQuota;
}

/** PUT body `{"offering_items":[…]}`: merges by (application_id, name, infra_id); unlisted items stay as they are. */
export const putOfferingItems: ApiHandler = ({ state, caller, params, body, now }) => {
  const tenant = visibleTenant(state, caller, params.id);
  const list = asObject(body, "request body").offering_items;
  if (!Array.isArray(list)) throw invalid(`"offering_items" must be an array`);
  if (tenant.kind === "unit") throw invalid("offering items cannot be managed on unit tenants");
  // Choice: the client's own tenant gets its items from its parent, so changing them is 403 (1002).
  if (tenant.id === caller.tenantId)
    throw accessDenied("the API client's own offering items are set by its parent");
  const available = new Map(availableDefinitions(state, tenant).map((d) => [itemKey(d), d]));
  const changes = list.map((raw, i) => readItemChange(raw, `offering_items[${i}]`, available));
  const current = enabledQuotas(state, tenant.id);
  const next = new Map(current);
  for (const change of changes) {
    const key = itemKey(change.definition);
    if (change.enable) next.set(key, nextQuota(change, current.get(key), state, now));
    else next.delete(key);
  }
  if (tenant.kind === "customer") checkSingleStorage(next, available);
  storeEnabledItems(state, tenant, next, available);
  const items = changes.map((c) => itemView(tenant.id, c.definition, next.get(itemKey(c.definition))));
  return ok(itemList(items, now));
};

function readItemChange(
  raw: unknown,
  where: string,
  available: Map<string, OfferingItemDefinition>,
): ItemChange {
  const item = asObject(raw, where);
  const id = {
    application_id: requiredString(item, "application_id"),
    name: requiredString(item, "name"),
    infra_id: optNullableString(item, "infra_id") ?? null,
  };
  // Choice: a missing status means "enable" (WHMCS relies on it).
  const status = item.status === undefined ? 1 : toInt(item.status, `${where}.status`);
  if (status !== 0 && status !== 1) throw invalid(`"${where}.status" must be 0 or 1`);
  const definition = available.get(itemKey(id));
  if (!definition) {
    const infra = id.infra_id ? ` on infra ${id.infra_id}` : "";
    throw fail(400, 1021, `offering item "${id.name}"${infra} is not enabled at the parent tenant`);
  }
  const quota = status === 1 && item.quota != null ? readQuota(item.quota, `${where}.quota`) : undefined;
  return { definition, enable: status === 1, quota };
}

function readQuota(raw: unknown, where: string): SentQuota {
  const quota = asObject(raw, where);
  return {
    // Choice: a quota without `value` means unlimited, like `value: null`.
    value: quota.value == null ? null : nonNegative(quota.value, `${where}.value`),
    overage: quota.overage == null ? null : nonNegative(quota.overage, `${where}.overage`),
    version: quota.version == null ? undefined : toInt(quota.version, `${where}.version`),
  };
}

// Choice: a quota written without its current version is refused 426, as is a stale one (KB 71376: since
// C22.10, "426 Upgrade Required" for a missing or outdated quota version; the OAS requires quota.version).
function staleQuota(name: string, stored: number, sent: number | undefined): ApiError {
  const said = sent === undefined ? "no quota version" : `quota version ${sent}`;
  return fail(426, 426, `quota of "${name}" is at version ${stored}, the request sent ${said}`);
}

function nonNegative(value: unknown, name: string): number {
  const n = toNumber(value, name);
  if (n < 0) throw invalid(`"${name}" must not be negative`);
  return n;
}

/** The stored quota after a change: unlimited resets to version 0; a real change gets a new version. */
function nextQuota(change: ItemChange, stored: Quota | undefined, state: AcronisState, now: Date): Quota {
  const sent = change.quota;
  if (!sent) return stored ?? UNLIMITED;
  const storedVersion = stored?.version ?? 0;
  if (sent.version !== storedVersion) throw staleQuota(change.definition.name, storedVersion, sent.version);
  if (sent.value === null) return UNLIMITED;
  if (stored && stored.value === sent.value && stored.overage === sent.overage) return stored;
  return { value: sent.value, overage: sent.overage, version: nextQuotaVersion(state, now) };
}

// Choice: "one storage per customer" = each infra usage (storage, dr_storage) of a customer on one infra_id, else 400/1027.
function checkSingleStorage(
  enabled: Map<string, Quota>,
  definitions: Map<string, OfferingItemDefinition>,
): void {
  const infrasByUsage = new Map<string, Set<string>>();
  for (const key of enabled.keys()) {
    const definition = definitions.get(key);
    if (!definition?.infra_id) continue;
    const infras = infrasByUsage.get(definition.usage_name) ?? new Set<string>();
    infrasByUsage.set(definition.usage_name, infras.add(definition.infra_id));
  }
  for (const [usage, infras] of infrasByUsage) {
    if (infras.size > 1) {
      throw fail(
        400,
        1027,
        `a customer tenant may use one ${usage} location only, the request would enable ${[...infras].join(", ")}`,
      );
    }
  }
}

/** Saves the tenant's enabled set, binds their applications, and switches removed items off in the subtree. */
function storeEnabledItems(
  state: AcronisState,
  tenant: TenantRecord,
  enabled: Map<string, Quota>,
  definitions: Map<string, OfferingItemDefinition>,
): void {
  const removed = new Set([...enabledQuotas(state, tenant.id).keys()].filter((key) => !enabled.has(key)));
  const below = new Set(subtree(state, tenant.id).map((t) => t.id));
  state.offeringItems = state.offeringItems.filter(
    (i) => i.tenant_id !== tenant.id && !(below.has(i.tenant_id) && removed.has(itemKey(i))),
  );
  for (const [key, quota] of enabled) {
    const { application_id, name, infra_id } = definitions.get(key)!;
    state.offeringItems.push({ tenant_id: tenant.id, application_id, name, infra_id, quota });
    if (!tenant.application_ids.includes(application_id)) tenant.application_ids.push(application_id);
  }
}
