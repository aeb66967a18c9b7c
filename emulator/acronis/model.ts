/** The emulator's in-memory model: plain JSON-serialisable records, persisted as one state file. */

export type TenantKind = "root" | "partner" | "folder" | "customer" | "unit";

export const TENANT_KINDS: readonly TenantKind[] = ["root", "partner", "folder", "customer", "unit"];

export interface Contact {
  email: string | null;
  address1: string | null;
  address2: string | null;
  country: string | null;
  state: string | null;
  zipcode: string | null;
  city: string | null;
  phone: string | null;
  firstname: string;
  lastname: string;
  title: string | null;
  website: string | null;
  industry: string | null;
  organization_size: string | null;
  email_confirmed: boolean | null;
  aan: string | null;
  types: string[] | null;
}

export interface UpdateLock {
  enabled: boolean;
  owner_id: string | null;
}

export interface TenantRecord {
  /** Creation order, used by paging cursors. */
  seq: number;
  id: string;
  version: number;
  name: string;
  kind: TenantKind;
  parent_id: string | null;
  enabled: boolean;
  customer_type: string;
  customer_id: string | null;
  internal_tag: string | null;
  language: string;
  contact: Contact;
  brand_id: number;
  brand_uuid: string;
  default_idp_id: string;
  owner_id: string | null;
  ancestral_access: boolean;
  update_lock: UpdateLock;
  mfa_status: "enabled" | "disabled";
  pricing_mode: "trial" | "production";
  /** GET/PUT /tenants/{id}/pricing; absent until the first change (older state files too). */
  pricing_version?: number;
  pricing_currency?: string | null;
  production_start_date?: string | null;
  enhanced_security: boolean;
  /** Applications bound to the tenant (GET /tenants/{id}/applications). */
  application_ids: string[];
  created_at: string;
  updated_at: string;
}

export interface UserRecord {
  seq: number;
  id: string;
  version: number;
  tenant_id: string;
  login: string;
  contact: Contact;
  activated: boolean;
  enabled: boolean;
  terms_accepted: boolean;
  language: string;
  idp_id: string;
  external_id: string | null;
  personal_tenant_id: string | null;
  business_types: string[];
  notifications: string[];
  mfa_status: "disabled";
  /** Only whether a password was set: the password itself is never kept. */
  password_set: boolean;
  created_at: string;
  updated_at: string;
}

export interface Quota {
  value: number | null;
  overage: number | null;
  version: number;
}

/** An offering item switched on at a tenant; items not listed are off. */
export interface EnabledItemRecord {
  tenant_id: string;
  application_id: string;
  name: string;
  infra_id: string | null;
  quota: Quota;
}

export interface AccessPolicyRecord {
  id: string;
  issuer_id: string;
  tenant_id: string;
  trustee_id: string;
  trustee_type: "user";
  role_id: string;
  version: number;
}

export interface OutboxMail {
  userId: string;
  login: string;
  email: string;
  at: string;
}

export interface AcronisState {
  format: 1;
  tenants: TenantRecord[];
  users: UserRecord[];
  offeringItems: EnabledItemRecord[];
  accessPolicies: AccessPolicyRecord[];
  outbox: OutboxMail[];
  counters: { seq: number; quotaVersion: number };
}

/** The API client a request authenticated as. */
export interface Caller {
  clientId: string;
  tenantId: string;
}

/** Switches settable through POST /_emulator/config. */
export interface EmulatorConfig {
  tokenTtlSeconds: number;
  requireDisabledUserDelete: boolean;
}

export const DEFAULT_CONFIG: EmulatorConfig = { tokenTtlSeconds: 7200, requireDisabledUserDelete: true };
