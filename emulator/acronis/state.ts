/** The starting state, record factories, counters and the state file (atomic save after every change). */
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { APPLICATIONS } from "./applicationCatalog";
import {
  API_CLIENT,
  API_CLIENT_SECRET,
  DEFAULT_IDP_ID,
  ITEMS_DISABLED_AT_PARTNER,
  itemKey,
  OFFERING_ITEM_CATALOG,
  type OfferingItemDefinition,
  PARTNER_BRAND,
  PARTNER_TENANT_ID,
  PLATFORM_APPLICATION_ID,
  ROOT_TENANT_ID,
  ZERO_UUID,
} from "./catalog";
import { emptyContact } from "./contact";
import type { AcronisState, ClientRecord, EnabledItemRecord, TenantKind, TenantRecord } from "./model";

export const nextSeq = (state: AcronisState): number => ++state.counters.seq;

/** Quota versions look like ms timestamps in the docs; they also strictly increase here. */
export function nextQuotaVersion(state: AcronisState, now: Date): number {
  state.counters.quotaVersion = Math.max(now.getTime(), state.counters.quotaVersion + 1);
  return state.counters.quotaVersion;
}

export type NewTenant = Pick<TenantRecord, "id" | "name" | "kind" | "parent_id" | "brand_id" | "brand_uuid"> &
  Partial<TenantRecord>;

/** A tenant with the documented defaults for everything not given. */
export function newTenantRecord(state: AcronisState, init: NewTenant, now: Date): TenantRecord {
  const at = now.toISOString();
  return {
    seq: nextSeq(state),
    version: 1,
    enabled: true,
    customer_type: "default",
    customer_id: null,
    internal_tag: null,
    language: "en",
    contact: emptyContact(),
    default_idp_id: DEFAULT_IDP_ID,
    owner_id: null,
    ancestral_access: true,
    update_lock: { enabled: false, owner_id: null },
    mfa_status: "disabled",
    pricing_mode: pricingModeFor(init.kind),
    enhanced_security: false,
    application_ids: [PLATFORM_APPLICATION_ID],
    created_at: at,
    updated_at: at,
    ...init,
  };
}

// Choice: only customers have a trial; every other kind reports "production".
const pricingModeFor = (kind: TenantKind): TenantRecord["pricing_mode"] =>
  kind === "customer" ? "trial" : "production";

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The emulator's own API client, the one announced in the ready line. */
function seedClient(now: Date): ClientRecord {
  return {
    seq: 0,
    client_id: API_CLIENT.clientId,
    tenant_id: API_CLIENT.tenantId,
    type: "api_client",
    token_endpoint_auth_method: "client_secret_basic",
    data: { client_name: API_CLIENT.clientName },
    redirect_uris: [],
    origin_id: null,
    status: "enabled",
    secret_sha256: sha256(API_CLIENT_SECRET),
    created_at: now.toISOString(),
    // Choice: the seed client was made above the emulated tree, so its creator is the zero UUID.
    created_by: ZERO_UUID,
    last_access_at: null,
    last_access_from_ip: null,
  };
}

export const unlimited = (tenantId: string, item: OfferingItemDefinition): EnabledItemRecord => ({
  tenant_id: tenantId,
  application_id: item.application_id,
  name: item.name,
  infra_id: item.infra_id,
  quota: { value: null, overage: null, version: 0 },
});

/** The partner (whose parent lies above the emulated tree) with all catalog items but a few. */
export function initialState(now: Date): AcronisState {
  const state: AcronisState = {
    format: 1,
    tenants: [],
    users: [],
    offeringItems: [],
    accessPolicies: [],
    outbox: [],
    clients: [seedClient(now)],
    usages: [],
    counters: { seq: 0, quotaVersion: 0 },
  };
  const applicationIds = APPLICATIONS.map((a) => a.id);
  state.tenants.push(
    newTenantRecord(
      state,
      {
        id: PARTNER_TENANT_ID,
        name: "Partner",
        kind: "partner",
        parent_id: ROOT_TENANT_ID,
        brand_id: PARTNER_BRAND.id,
        brand_uuid: PARTNER_BRAND.uuid,
        application_ids: applicationIds,
      },
      now,
    ),
  );
  for (const item of OFFERING_ITEM_CATALOG) {
    if (!ITEMS_DISABLED_AT_PARTNER.includes(itemKey(item)))
      state.offeringItems.push(unlimited(PARTNER_TENANT_ID, item));
  }
  return state;
}

/** Holds the live state and mirrors it to the state file, if any. */
export class Store {
  state: AcronisState;

  constructor(private readonly file: string | undefined) {
    this.state = file && existsSync(file) ? loadState(file) : initialState(new Date());
  }

  save(): void {
    if (this.file) writeAtomically(this.file, JSON.stringify(this.state, null, 2));
  }

  reset(): void {
    this.state = initialState(new Date());
    this.save();
  }
}

function loadState(file: string): AcronisState {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<AcronisState>;
  const lists = [parsed.tenants, parsed.users, parsed.offeringItems, parsed.accessPolicies, parsed.outbox];
  if (parsed.format !== 1 || !lists.every(Array.isArray) || typeof parsed.counters !== "object") {
    throw new Error(`${file} is not an Acronis emulator state file`);
  }
  // State files written before API clients and usages existed get the seed client and no usages.
  return {
    ...parsed,
    clients: parsed.clients ?? [seedClient(new Date())],
    usages: parsed.usages ?? [],
  } as AcronisState;
}

/** Write to a temporary file, then rename: a crash never leaves a half-written state file. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // Private to its owner: it holds the users' and API clients' credentials.
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
