/** Wire shapes of the Acronis Account Management API v2, as far as this project reads and writes them. */

export type TenantKind = "root" | "partner" | "folder" | "customer" | "unit";

export interface TenantContact {
  email?: string | null;
  address1?: string | null;
  address2?: string | null;
  country?: string | null;
  state?: string | null;
  zipcode?: string | null;
  city?: string | null;
  phone?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  [key: string]: unknown;
}

export interface Tenant {
  id: string;
  version: number;
  name: string;
  kind: TenantKind;
  parent_id: string;
  enabled: boolean;
  customer_id?: string | null;
  internal_tag?: string | null;
  language?: string;
  ancestral_access?: boolean;
  contact?: TenantContact;
  mfa_status?: string;
  pricing_mode?: string;
  /** Listings at lod=full: in trial, when the tenant will switch to production; else when it switched. */
  production_start_date?: string | null;
  offering_items?: OfferingItem[];
  [key: string]: unknown;
}

export interface TenantCreate {
  name: string;
  kind: TenantKind;
  parent_id: string;
  customer_id?: string;
  internal_tag?: string;
  language?: string;
  ancestral_access?: boolean;
  settings?: { enhanced_security?: boolean };
  contact?: TenantContact;
}

export type TenantUpdate = Partial<Omit<TenantCreate, "kind" | "settings">> & {
  enabled?: boolean;
  version: number;
};

export interface MfaStatus {
  mfa_status: string;
  users_count?: number;
  users_with_totp_enabled_count?: number;
  update_allowed?: boolean;
}

export interface Quota {
  value: number | null;
  overage: number | null;
  version: number;
}

export interface OfferingItem {
  application_id: string;
  name: string;
  infra_id?: string | null;
  status: number;
  quota?: Quota;
  type?: string;
  measurement_unit?: string;
  locked?: boolean;
  edition?: string | null;
  [key: string]: unknown;
}

/** What a PUT of offering items sends per item. */
export interface OfferingItemWrite {
  application_id: string;
  name: string;
  infra_id?: string;
  status: 0 | 1;
  quota?: { value: number | null; overage: number | null; version: number };
}

export interface UserContact {
  email: string;
  firstname?: string;
  lastname?: string;
  [key: string]: unknown;
}

export interface User {
  id: string;
  version: number;
  tenant_id: string;
  login: string;
  contact: UserContact;
  activated: boolean;
  enabled: boolean;
  language?: string;
  personal_tenant_id?: string | null;
  /** The provider's ownership mark on users it creates. */
  external_id?: string | null;
  access_policies?: AccessPolicyItem[];
  [key: string]: unknown;
}

export interface UserCreate {
  tenant_id: string;
  login: string;
  contact: UserContact;
  language?: string;
  enabled?: boolean;
  external_id?: string;
}

export type UserUpdate = Partial<Omit<UserCreate, "tenant_id" | "login">> & {
  version: number;
};

export interface AccessPolicyItem {
  id: string;
  issuer_id: string;
  tenant_id: string;
  trustee_id: string;
  trustee_type: "user";
  role_id: string;
  version: number;
  [key: string]: unknown;
}

export type ApiClientAuthMethod = "client_secret_basic" | "client_secret_post";

/** An API client as GET /clients/{id} answers (never its secret). */
export interface ApiClientObject {
  client_id: string;
  tenant_id: string;
  type: string;
  token_endpoint_auth_method: string;
  data?: Record<string, unknown> | null;
  redirect_uris?: string[] | null;
  origin_id?: string | null;
  status: "enabled" | "disabled";
  created_at?: string;
  [key: string]: unknown;
}

/** POST /clients answers the secret, this once. */
export interface CreatedApiClient extends ApiClientObject {
  client_secret: string;
}

export interface ApiClientCreate {
  type: "api_client";
  tenant_id: string;
  token_endpoint_auth_method: ApiClientAuthMethod;
  data: Record<string, unknown>;
  redirect_uris?: string[];
}

export type ApiClientUpdate = Partial<Pick<ApiClientObject, "data" | "redirect_uris" | "status">>;

/** One usage of a tenant's offering item (GET /tenants/{id}/usages). */
export interface UsageItem {
  application_id: string;
  name: string;
  edition: string | null;
  usage_name: string;
  type: string;
  measurement_unit: string;
  range_start: string;
  value: number;
  absolute_value?: number;
  infra_id?: string;
  tenant_uuid?: string;
  offering_item?: { status: number; quota?: Quota };
  [key: string]: unknown;
}

export interface ItemList<T> {
  items: T[];
  paging?: { cursors?: { after?: string } };
}

/** GET /tenants/{id}/pricing: the billing mode. */
export interface TenantPricing {
  mode: PricingMode | "suspended";
  currency: string | null;
  version: number;
  production_start_date: string | null;
}

export type PricingMode = "trial" | "production";

export interface TenantPricingUpdate {
  mode?: PricingMode;
  version: number;
}
