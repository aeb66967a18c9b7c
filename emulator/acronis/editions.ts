/** A service's edition at a tenant: the switch check (GET) and the switch (PUT) of /tenants/{id}/edition. */
import { findApplication } from "./applicationCatalog";
import { type ApiHandler, ok, type Reply } from "./call";
import {
  BACKUP_APPLICATION_ID,
  FILES_CLOUD_APPLICATION_ID,
  itemKey,
  OFFERING_ITEM_CATALOG,
  type OfferingItemDefinition,
} from "./catalog";
import { accessDenied, errorBody, fail, invalid } from "./errors";
import { asObject, isUuid, type Json } from "./input";
import type { AcronisState, Caller, Quota, TenantRecord } from "./model";
import { itemList, itemView, tenantOfferingItems } from "./offeringItems";
import { subtree, visibleTenant } from "./tree";

/** Edition names of DOC:offering-items/obj-structures; only Cyber Protection and File Sync & Share have editions. */
const DOCUMENTED_EDITIONS: Readonly<Record<string, readonly string[]>> = {
  [BACKUP_APPLICATION_ID]: [
    "pck_per_gigabyte",
    "pck_per_workload",
    "standard",
    "advanced",
    "disaster_recovery",
    "cyber_protect_std",
    "cyber_protect_adv",
    "cyber_protect_dre",
    "per_workload",
    "per_gigabyte",
  ],
  [FILES_CLOUD_APPLICATION_ID]: ["fss_legacy", "fss_per_gigabyte", "fss_per_user"],
};

/** The editions a service knows: the documented names and those of the emulated catalog's items. */
export function editionsOf(applicationId: string): Set<string> {
  const fromCatalog = OFFERING_ITEM_CATALOG.filter((d) => d.application_id === applicationId).map(
    (d) => d.edition,
  );
  const names = [...(DOCUMENTED_EDITIONS[applicationId] ?? []), ...fromCatalog];
  return new Set(names.filter((e): e is string => e !== null));
}

/** An item the tenant may use; `quota` is set when it is switched on. */
export interface TenantItem {
  definition: OfferingItemDefinition;
  quota?: Quota;
}

export interface SwitchPlan {
  /** Items switched off: the service's items of other editions (every item of the service when the edition is unavailable). */
  off: TenantItem[];
  /** Items of the target edition switched on, each with the quota of the item it replaces. */
  on: TenantItem[];
  /** Switched-on items with no counterpart the tenant may use in the target edition: the switch is refused. */
  unavailable: OfferingItemDefinition[];
  /** No item of the target edition is available to the tenant. */
  editionUnavailable: boolean;
}

const sameUsage = (a: OfferingItemDefinition, b: OfferingItemDefinition): boolean =>
  a.usage_name === b.usage_name && a.infra_id === b.infra_id;

/**
 * What switching the service to `target` does to the tenant's items.
 * Choice: an item of another edition maps to the target edition's item with the same usage and infra (prefixes differ,
 * DOC:offering-items/obj-structures) and hands it its quota; the docs and the OAS do not say how items are matched.
 * Choice: "switching to an unavailable edition switches all offering items off" (DOC:offering-items/switching-edition)
 * applies when none of the edition's items is available to the tenant; the OAS 400 ("unavailable offering items")
 * applies when the edition is available but some switched-on items have no counterpart in it.
 */
export function planSwitch(items: readonly TenantItem[], applicationId: string, target: string): SwitchPlan {
  const ofService = items.filter((i) => i.definition.application_id === applicationId);
  const enabled = ofService.filter((i) => i.quota !== undefined);
  const targetItems = ofService.filter((i) => i.definition.edition === target);
  if (targetItems.length === 0) return { off: enabled, on: [], unavailable: [], editionUnavailable: true };
  const off = enabled.filter((i) => i.definition.edition !== null && i.definition.edition !== target);
  const on: TenantItem[] = [];
  const unavailable: OfferingItemDefinition[] = [];
  for (const old of off) {
    const next = targetItems.find((t) => sameUsage(t.definition, old.definition));
    if (!next) unavailable.push(old.definition);
    else if (next.quota === undefined && !on.some((o) => o.definition === next.definition))
      on.push({ definition: next.definition, quota: old.quota });
  }
  return { off, on, unavailable, editionUnavailable: false };
}

/**
 * Warning codes of a switch that can be made.
 * Choice: the OAS lists the codes (editionSwitchWarnings example) without saying when each is raised; the emulator
 * raises OldFeaturesBecomeUnavailable when items go off, NewFeaturesBecomeAvailable and UsageStatisticsWillMigrate when
 * items of the target edition take over, SomePlansWillStopWorking when everything goes off.
 */
export function switchWarnings(plan: SwitchPlan): string[] {
  const warnings: string[] = [];
  if (plan.off.length > 0) warnings.push("OldFeaturesBecomeUnavailable");
  if (plan.on.length > 0) warnings.push("NewFeaturesBecomeAvailable", "UsageStatisticsWillMigrate");
  if (plan.editionUnavailable && plan.off.length > 0) warnings.push("SomePlansWillStopWorking");
  return warnings;
}

/** Every item the tenant may use (those enabled at its parent), with the quota of those switched on. */
function tenantItems(state: AcronisState, tenant: TenantRecord): TenantItem[] {
  const byKey = new Map(OFFERING_ITEM_CATALOG.map((d) => [itemKey(d), d]));
  return tenantOfferingItems(state, tenant, "*").flatMap((view) => {
    const definition = byKey.get(
      itemKey(view as { application_id: string; name: string; infra_id?: string }),
    );
    if (!definition) return [];
    return [{ definition, ...(view.status === 1 ? { quota: view.quota as Quota } : {}) }];
  });
}

interface SwitchRequest {
  tenant: TenantRecord;
  plan: SwitchPlan;
}

/** Checks one request (parameters, tenant, service, edition) and plans its switch. */
function prepare(
  state: AcronisState,
  caller: Caller,
  tenantId: string,
  applicationId: string | undefined,
  target: string | undefined,
): SwitchRequest {
  if (!target) throw invalid(`"target_edition" is required`);
  if (!applicationId) throw invalid(`"application_id" is required`);
  const tenant = visibleTenant(state, caller, tenantId);
  if (!isUuid(applicationId)) throw invalid(`"application_id" must be a UUID`);
  if (!findApplication(applicationId)) throw invalid(`unknown application ${applicationId}`);
  const editions = editionsOf(applicationId);
  if (editions.size === 0) throw invalid(`application ${applicationId} has no editions`);
  if (!editions.has(target))
    throw invalid(`"target_edition" must be one of ${[...editions].join(", ")} for this application`);
  if (tenant.kind === "unit") throw invalid("offering items cannot be managed on unit tenants");
  // Choice: as for PUT offering_items, the client's own tenant gets its items from its parent: 403 (1002).
  if (tenant.id === caller.tenantId)
    throw accessDenied("the API client's own offering items are set by its parent");
  return { tenant, plan: planSwitch(tenantItems(state, tenant), applicationId, target) };
}

// Choice: the unavailable items go in error.context.offering_items, named like offering items (the OAS gives no shape).
function unavailableReply(items: OfferingItemDefinition[], target: string): Reply {
  const names = items.map((d) => d.name).join(", ");
  const body = errorBody(fail(400, 1021, `no item of edition ${target} can replace ${names}`)) as {
    error: Json;
  };
  body.error.context = {
    offering_items: items.map((d) => ({
      application_id: d.application_id,
      name: d.name,
      edition: d.edition,
      usage_name: d.usage_name,
      ...(d.infra_id ? { infra_id: d.infra_id } : {}),
    })),
  };
  return { status: 400, body };
}

/** Stores the switch: items off at the tenant and below it, the target edition's items on at the tenant. */
function applySwitch(state: AcronisState, tenant: TenantRecord, plan: SwitchPlan): void {
  const offKeys = new Set(plan.off.map((i) => itemKey(i.definition)));
  const reach = new Set(subtree(state, tenant.id).map((t) => t.id));
  state.offeringItems = state.offeringItems.filter(
    (i) => !(reach.has(i.tenant_id) && offKeys.has(itemKey(i))),
  );
  for (const { definition, quota } of plan.on) {
    const { application_id, name, infra_id } = definition;
    state.offeringItems.push({ tenant_id: tenant.id, application_id, name, infra_id, quota: { ...quota! } });
    if (!tenant.application_ids.includes(application_id)) tenant.application_ids.push(application_id);
  }
}

/** GET ?target_edition=&application_id= (both required): `{"warnings":[…]}`, or 400 naming the unavailable items. */
export const checkEditionSwitch: ApiHandler = ({ state, caller, params, query }) => {
  const target = query.get("target_edition") ?? undefined;
  const { plan } = prepare(state, caller, params.id, query.get("application_id") ?? undefined, target);
  if (plan.unavailable.length > 0) return unavailableReply(plan.unavailable, target!);
  return ok({ warnings: switchWarnings(plan) });
};

/**
 * PUT `{"target_edition","application_id"}`: switches the service's items to the edition.
 * Choice: the answer is the OAS `offeringItemList` (`{"timestamp","items"}`, as the third-party PHP SDK reads it) with
 * the items switched off and on, not the `{"warnings":[…]}` of DOC:offering-items/switching-edition.
 */
export const switchEdition: ApiHandler = ({ state, caller, params, body, now }) => {
  const input = asObject(body, "request body");
  const read = (key: string): string | undefined => {
    if (input[key] !== undefined && typeof input[key] !== "string")
      throw invalid(`"${key}" must be a string`);
    return input[key] as string | undefined;
  };
  const target = read("target_edition");
  const { tenant, plan } = prepare(state, caller, params.id, read("application_id"), target);
  if (plan.unavailable.length > 0) return unavailableReply(plan.unavailable, target!);
  applySwitch(state, tenant, plan);
  const items = [
    ...plan.off.map((i) => itemView(tenant.id, i.definition, undefined)),
    ...plan.on.map((i) => itemView(tenant.id, i.definition, i.quota)),
  ];
  return ok(itemList(items, now));
};
