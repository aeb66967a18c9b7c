/** Tenants as answers show them: one tenant (OAS `tenant`) and the items of tenant listings by `lod` (OAS `tenantBatch`). */
import { contactView, isEmptyContact } from "./contact";
import type { Json } from "./input";
import { effectiveMfaStatus } from "./mfa";
import type { AcronisState, TenantRecord } from "./model";
import { tenantOfferingItems } from "./offeringItems";
import type { Lod } from "./paging";
import { productionStartDate } from "./pricing";
import { childrenOf } from "./tree";

export interface TenantListing {
  lod: Lod;
  withContacts: boolean;
  withOfferingItems: boolean;
}

// Choice: a tenant's `contacts` lists its one contact once anything of it was given, else nothing.
function contactsOf(t: TenantRecord): Json[] {
  return isEmptyContact(t.contact) ? [] : [contactView(t.contact, t)];
}

/** One tenant (GET, POST, PUT /tenants…); enhanced_security is kept but never shown (the OAS tenant has none). */
export function tenantView(state: AcronisState, t: TenantRecord): Json {
  return {
    id: t.id,
    version: t.version,
    created_at: t.created_at,
    updated_at: t.updated_at,
    // Deleted tenants are removed at once, so no answer shows one.
    deleted_at: null,
    name: t.name,
    customer_type: t.customer_type,
    parent_id: t.parent_id,
    kind: t.kind,
    contact: contactView(t.contact, t),
    contacts: contactsOf(t),
    enabled: t.enabled,
    customer_id: t.customer_id,
    brand_id: t.brand_id,
    brand_uuid: t.brand_uuid,
    // Choice: brand_enabled (a brand of the tenant's own) is false: the emulator has no branding.
    brand_enabled: false,
    internal_tag: t.internal_tag,
    language: t.language,
    owner_id: t.owner_id,
    has_children: childrenOf(state, t.id).length > 0,
    default_idp_id: t.default_idp_id,
    update_lock: { ...t.update_lock },
    ancestral_access: t.ancestral_access,
    mfa_status: effectiveMfaStatus(state, t),
    pricing_mode: t.pricing_mode,
  };
}

/**
 * A tenant as GET /tenants lists it: `stamps` (ids, version, times), `basic` (+ name, kind, enabled) or `full`
 * (the tenant). `contacts` and `offering_items` are filled only when with_contacts / with_offering_items ask.
 * Choice: `barrier` (required at lod=full; the OAS says nothing of its meaning) is 0.
 * Choice: at lod=full an item mirrors the pricing's `production_start_date` (OAS `tenantBatch` lists it; the docs'
 * "Fetching the production start date" reads it from the pricing): the same instant GET /tenants/{id}/pricing shows.
 */
export function tenantListItem(state: AcronisState, t: TenantRecord, listing: TenantListing): Json {
  const stamps = {
    id: t.id,
    parent_id: t.parent_id,
    version: t.version,
    created_at: t.created_at,
    updated_at: t.updated_at,
    deleted_at: null,
    contacts: listing.withContacts ? contactsOf(t) : [],
    offering_items: listing.withOfferingItems ? tenantOfferingItems(state, t) : [],
  };
  if (listing.lod === "stamps") return stamps;
  if (listing.lod === "basic") return { ...stamps, name: t.name, kind: t.kind, enabled: t.enabled };
  return { ...tenantView(state, t), ...stamps, barrier: 0, production_start_date: productionStartDate(t) };
}
