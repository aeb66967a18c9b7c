/** Tenants: create, read, list, update (partial, versioned), delete (disabled only, cascading). */
import { randomUUID } from "node:crypto";
import { type ApiHandler, created, noContent, ok } from "./call";
import { ALLOWED_CHILD_KINDS } from "./catalog";
import { emptyContact, mergeContact } from "./contact";
import { accessDenied, fail, invalid, versionMismatch } from "./errors";
import {
  asObject,
  definedOnly,
  type Json,
  optBool,
  optNullableString,
  optString,
  queryFlag,
  queryList,
  requiredString,
  requiredVersion,
  toBool,
  toInt,
} from "./input";
import type { AcronisState, Caller, TenantKind, TenantRecord } from "./model";
import { TENANT_KINDS } from "./model";
import { page, pagedBody, readListing, readLod } from "./paging";
import { newTenantRecord } from "./state";
import { tenantListItem, tenantView } from "./tenantViews";
import {
  childrenOf,
  isWithin,
  referencedTenant,
  removeTenantSubtree,
  subtree,
  usersOf,
  visibleTenant,
} from "./tree";

const MAX_INTERNAL_TAG = 256;

function readKind(body: Json): TenantKind {
  const kind = requiredString(body, "kind");
  if (!TENANT_KINDS.includes(kind as TenantKind))
    throw invalid(`"kind" must be one of ${TENANT_KINDS.join(", ")}`);
  return kind as TenantKind;
}

function checkChildKind(parent: TenantRecord, kind: TenantKind): void {
  if (!ALLOWED_CHILD_KINDS[parent.kind].includes(kind)) {
    throw invalid(`a ${kind} tenant cannot be placed in a ${parent.kind} tenant`);
  }
}

// Choice: parent disabled is HTTP 400 with code 1003.
function checkParentEnabled(parent: TenantRecord): void {
  if (!parent.enabled) throw fail(400, 1003, `parent tenant ${parent.id} is disabled`);
}

// Choice: names are unique case-insensitively in the API client's whole subtree (personal tenants aside); HTTP 409.
function checkNameFree(state: AcronisState, caller: Caller, name: string, selfId?: string): void {
  const wanted = name.trim().toLowerCase();
  const clash = subtree(state, caller.tenantId).find(
    (t) => t.id !== selfId && t.owner_id === null && t.name.trim().toLowerCase() === wanted,
  );
  if (clash) throw fail(409, 1004, `the name "${name}" is already used by tenant ${clash.id}`);
}

/** Optional settings shared by POST and PUT; only the ones sent are returned. */
function readSettings(body: Json, caller: Caller): Partial<TenantRecord> {
  const internalTag = optNullableString(body, "internal_tag");
  if (internalTag && internalTag.length > MAX_INTERNAL_TAG) {
    throw invalid(`"internal_tag" must be at most ${MAX_INTERNAL_TAG} characters`);
  }
  const customerType = optString(body, "customer_type");
  const language = optString(body, "language");
  const defaultIdpId = optString(body, "default_idp_id");
  if (language === "" || customerType === "" || defaultIdpId === "") {
    throw invalid(`"language", "customer_type" and "default_idp_id" must not be empty`);
  }
  return definedOnly({
    enabled: optBool(body, "enabled"),
    // Choice: customer_id is stored and echoed as sent (the seed's sample `None` is a doc slip).
    customer_id: optNullableString(body, "customer_id"),
    customer_type: customerType,
    internal_tag: internalTag,
    language,
    default_idp_id: defaultIdpId,
    ancestral_access: optBool(body, "ancestral_access"),
    update_lock: body.update_lock === undefined ? undefined : readUpdateLock(body.update_lock, caller),
  });
}

// Choice: a lock is always owned by the API client's tenant, whatever owner_id was sent.
function readUpdateLock(raw: unknown, caller: Caller): TenantRecord["update_lock"] {
  const lock = asObject(raw, "update_lock");
  const enabled = lock.enabled === undefined ? false : toBool(lock.enabled, "update_lock.enabled");
  return { enabled, owner_id: enabled ? caller.tenantId : null };
}

// Choice: enhanced_security comes top-level (the seed tutorial) or in settings (OAS tenantPost); if both, they agree.
function readEnhancedSecurity(input: Json): boolean {
  const top = optBool(input, "enhanced_security");
  const settings = input.settings === undefined ? undefined : asObject(input.settings, "settings");
  const nested = settings && optBool(settings, "enhanced_security");
  if (top !== undefined && nested !== undefined && top !== nested)
    throw invalid(`"enhanced_security" and "settings.enhanced_security" disagree`);
  return top ?? nested ?? false;
}

export const createTenant: ApiHandler = ({ state, caller, body, now }) => {
  const input = asObject(body, "request body");
  const name = requiredString(input, "name");
  const kind = readKind(input);
  const parent = referencedTenant(state, caller, requiredString(input, "parent_id"), "parent_id");
  checkChildKind(parent, kind);
  checkParentEnabled(parent);
  checkNameFree(state, caller, name);
  const settings = readSettings(input, caller);
  const tenant = newTenantRecord(
    state,
    {
      id: randomUUID(),
      name,
      kind,
      parent_id: parent.id,
      brand_id: parent.brand_id,
      brand_uuid: parent.brand_uuid,
      ...settings,
      enhanced_security: readEnhancedSecurity(input),
      ...(input.contact === undefined ? {} : { contact: mergeContact(emptyContact(), input.contact) }),
    },
    now,
  );
  state.tenants.push(tenant);
  return created(tenantView(state, tenant));
};

export const getTenant: ApiHandler = ({ state, caller, params }) =>
  ok(tenantView(state, visibleTenant(state, caller, params.id)));

/** GET /tenants?uuids=a,b | parent_id= | subtree_root_id=, paged; items as `lod`, with_contacts, with_offering_items ask. */
export const listTenants: ApiHandler = ({ state, caller, query, now }) => {
  const listing = readListing(query, ["uuids", "parent_id", "subtree_root_id"]);
  const matches = tenantsListed(state, caller, listing.key, listing.value);
  const { items, after } = page(matches, listing, query);
  const shape = {
    lod: readLod(listing),
    withContacts: queryFlag(listing.filters, "with_contacts"),
    withOfferingItems: queryFlag(listing.filters, "with_offering_items"),
  };
  return ok(
    pagedBody(
      items.map((t) => tenantListItem(state, t, shape)),
      after,
      now,
    ),
  );
};

function tenantsListed(state: AcronisState, caller: Caller, key: string, value: string): TenantRecord[] {
  if (key === "uuids") {
    // Unknown ids, and ids out of the client's reach, are simply absent.
    const wanted = new Set(queryList(value));
    return state.tenants.filter((t) => wanted.has(t.id) && isWithin(state, caller.tenantId, t.id));
  }
  const root = visibleTenant(state, caller, value);
  // Choice: subtree_root_id lists the root tenant itself too.
  return key === "parent_id" ? childrenOf(state, root.id) : subtree(state, root.id);
}

export const listChildren: ApiHandler = ({ state, caller, params, query }) => {
  const children = childrenOf(state, visibleTenant(state, caller, params.id).id);
  const details = queryFlag(query, "include_details");
  return ok({ items: children.map((t) => (details ? tenantView(state, t) : t.id)) });
};

export const listTenantUsers: ApiHandler = ({ state, caller, params }) =>
  ok({ items: usersOf(state, visibleTenant(state, caller, params.id).id).map((u) => u.id) });

/** PUT /tenants/{id}: partial merge of the sent fields; `version` must be the stored one; version + 1. */
export const updateTenant: ApiHandler = ({ state, caller, params, body, now }) => {
  const tenant = visibleTenant(state, caller, params.id);
  const input = asObject(body, "request body");
  const version = requiredVersion(input);
  if (version !== tenant.version) throw versionMismatch("tenant", tenant.version, version);
  const changes: Partial<TenantRecord> = {
    ...readSettings(input, caller),
    ...readRename(state, caller, tenant, input),
    ...readKindChange(tenant, input),
    ...readMove(state, caller, tenant, input),
    ...(input.contact === undefined ? {} : { contact: mergeContact(tenant.contact, input.contact) }),
  };
  checkSettingChanges(tenant, changes);
  Object.assign(tenant, changes, { version: tenant.version + 1, updated_at: now.toISOString() });
  return ok(tenantView(state, tenant));
};

function readRename(
  state: AcronisState,
  caller: Caller,
  tenant: TenantRecord,
  input: Json,
): Partial<TenantRecord> {
  if (input.name === undefined) return {};
  const name = requiredString(input, "name");
  if (name.trim().toLowerCase() !== tenant.name.trim().toLowerCase())
    checkNameFree(state, caller, name, tenant.id);
  return { name };
}

/** Only partner <-> folder may change kind (DOC:tenants/modifying-tenant). */
function readKindChange(tenant: TenantRecord, input: Json): Partial<TenantRecord> {
  if (input.kind === undefined) return {};
  const kind = readKind(input);
  if (kind === tenant.kind) return {};
  const switchable: TenantKind[] = ["partner", "folder"];
  if (!switchable.includes(kind) || !switchable.includes(tenant.kind)) {
    throw invalid(
      `a ${tenant.kind} tenant cannot become a ${kind} tenant; only partner and folder can be switched`,
    );
  }
  return { kind };
}

/** A changed parent_id moves the tenant (DOC:tenants/moving-tenant). */
function readMove(
  state: AcronisState,
  caller: Caller,
  tenant: TenantRecord,
  input: Json,
): Partial<TenantRecord> {
  if (input.parent_id === undefined) return {};
  const parentId = requiredString(input, "parent_id");
  if (parentId === tenant.parent_id) return {};
  if (tenant.id === caller.tenantId) throw accessDenied("the API client's own tenant cannot be moved");
  if (tenant.kind === "unit") throw invalid("unit tenants cannot be moved");
  const parent = referencedTenant(state, caller, parentId, "parent_id");
  if (isWithin(state, tenant.id, parent.id))
    throw fail(400, 1007, "a tenant cannot be moved under itself or its child");
  if (!parent.enabled) throw fail(400, 1013, `target tenant ${parent.id} is disabled`);
  checkChildKind(parent, readKindChange(tenant, input).kind ?? tenant.kind);
  return { parent_id: parent.id };
}

function checkSettingChanges(tenant: TenantRecord, changes: Partial<TenantRecord>): void {
  if (
    tenant.kind === "unit" &&
    changes.ancestral_access !== undefined &&
    changes.ancestral_access !== tenant.ancestral_access
  ) {
    throw invalid("ancestral_access cannot be changed on unit tenants");
  }
}

/** DELETE /tenants/{id}?version=N: only disabled tenants; removes the subtree with its users and items. */
export const deleteTenant: ApiHandler = ({ state, caller, params, query }) => {
  const tenant = visibleTenant(state, caller, params.id);
  const version = queryVersion(query);
  if (tenant.id === caller.tenantId) throw accessDenied("the API client's own tenant cannot be deleted");
  if (version !== tenant.version) throw versionMismatch("tenant", tenant.version, version);
  if (tenant.enabled) throw fail(400, 1006, "disable the tenant before deleting it");
  removeTenantSubtree(state, tenant.id);
  return noContent();
};

/** The required `?version=` of DELETE requests. */
export function queryVersion(query: URLSearchParams): number {
  const raw = query.get("version");
  if (raw === null || raw === "") throw invalid(`the "version" parameter is required`);
  return toInt(raw, "version");
}
