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
  /** Set at creation only; answers never show it (the OAS tenant object has no such field). */
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
  /** Given at creation (OAS userPost); absent in older state files. */
  origin_id?: string | null;
  origin_external_id?: string | null;
  /** When the account switches itself off (OAS userPost, userPut). */
  disable_after?: string | null;
  /** Whether a password was set (activation, POST /users/{id}/password, or the control endpoint). */
  password_set: boolean;
  /** `scrypt$<salt>$<hash>` of the password: the password itself is never kept. */
  password_hash?: string;
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
  /** Absent in older state files (the user's creation time stands in). */
  created_at?: string;
  updated_at?: string;
}

export interface OutboxMail {
  userId: string;
  login: string;
  email: string;
  at: string;
  /** The one-time token of the e-mail's activation link (POST /_emulator/activate takes it with a password). */
  activationToken?: string;
}

export type ClientType = "api_client" | "managed_client";
export type ClientAuthMethod = "client_secret_basic" | "client_secret_post" | "none";

/** An API client of a tenant (POST /clients); its secret is kept only as a SHA-256 hash. */
export interface ClientRecord {
  seq: number;
  client_id: string;
  tenant_id: string;
  type: ClientType;
  token_endpoint_auth_method: ClientAuthMethod;
  data: Record<string, unknown>;
  redirect_uris: string[];
  origin_id: string | null;
  status: "enabled" | "disabled";
  secret_sha256: string | null;
  created_at: string;
  created_by: string;
  last_access_at: string | null;
  last_access_from_ip: string | null;
}

/** A usage value set through POST /_emulator/…/usages; items without one get a generated value. */
export interface UsageRecord {
  tenant_id: string;
  application_id: string;
  name: string;
  infra_id: string | null;
  value: number;
  absolute_value: number;
}

export interface AcronisState {
  format: 1;
  tenants: TenantRecord[];
  users: UserRecord[];
  offeringItems: EnabledItemRecord[];
  accessPolicies: AccessPolicyRecord[];
  outbox: OutboxMail[];
  clients: ClientRecord[];
  usages: UsageRecord[];
  counters: { seq: number; quotaVersion: number };
}

/** Who a request authenticated as: an API client (its tokens, scoped ones too) or a user. */
export interface Caller {
  /** The tenant whose subtree the caller reaches (a customer-scoped token: that customer). */
  tenantId: string;
  /** Set for API clients. */
  clientId?: string;
  /** Set for users (password grant, Basic credentials, a one-time-token session). */
  userId?: string;
}

/** Switches settable through POST /_emulator/config. */
export interface EmulatorConfig {
  tokenTtlSeconds: number;
  requireDisabledUserDelete: boolean;
  /** Lifetime of one-time tokens (POST /idp/ott); "about 30 s" in the docs. */
  ottTtlSeconds: number;
}

export const DEFAULT_CONFIG: EmulatorConfig = {
  tokenTtlSeconds: 7200,
  requireDisabledUserDelete: true,
  ottTtlSeconds: 30,
};
