import type { AccessHints } from "../core/accessHints";
import { cachedUntilRejected } from "../core/cache";
import { AuthenticationError, NotFoundError } from "../core/errors";
import { type ApiLimits, KeyedMutex, Semaphore } from "../core/limits";
import type { RetryPolicy } from "../core/retryTiming";
import { Transport, type TransportRequest, type TransportResponse } from "../core/transport";
import { acronisError } from "./errors";
import { refuseAcronisBaseUrl, refuseInsecureHttp } from "./plainHttp";
import { TokenSource } from "./token";
import type {
  AccessPolicyItem,
  ItemList,
  MfaStatus,
  OfferingItem,
  OfferingItemWrite,
  Tenant,
  TenantCreate,
  TenantKind,
  TenantPricing,
  TenantPricingUpdate,
  TenantUpdate,
  User,
  UserCreate,
  UserUpdate,
} from "./types";

export interface AcronisSettings {
  /** `<datacenter>/api/2` */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The settings to name when the credentials are refused or nothing answers. */
  access?: AccessHints;
  /** Plain http to a host beyond this machine is accepted (the caller has warned). */
  allowInsecureHttp?: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  retry?: RetryPolicy;
  maxConcurrentRequests?: number;
}

export type Call = Omit<TransportRequest, "headers">;

const enc = encodeURIComponent;

/** The listings' default page (the vendor's OAS): a subtree of 5,000 tenants comes in one request. */
const listPageSize = 5000;

/** The Acronis Account Management API v2, one method per documented call. Knows HTTP, nothing of Pulumi. */
export class AcronisClient {
  private readonly transport: Transport;
  private readonly tokens: TokenSource;
  private readonly clientId: string;
  /** The own-tenant lookup, under the client id; a failed one is not kept. */
  private readonly ownTenant: Record<string, Promise<string>> = {};

  constructor(
    settings: AcronisSettings,
    private readonly limits: ApiLimits = { inFlight: new Semaphore(8), writes: new KeyedMutex() },
  ) {
    refuseAcronisBaseUrl(settings.baseUrl);
    refuseInsecureHttp(settings.baseUrl, settings.allowInsecureHttp);
    this.transport = new Transport({
      vendor: "Acronis",
      baseUrl: settings.baseUrl.replace(/\/+$/, ""),
      timeoutMs: settings.timeoutMs ?? 30_000,
      maxResponseBytes: settings.maxResponseBytes,
      retry: settings.retry,
      limiter: limits.inFlight,
      toError: acronisError,
      access: settings.access,
    });
    this.tokens = new TokenSource(this.transport, settings);
    this.clientId = settings.clientId;
  }

  /** Sends an authorised call; a 401 renews the token once and repeats the call. Modules of further endpoints use it too. */
  async call<T>(request: Call): Promise<TransportResponse<T>> {
    const token = await this.tokens.token();
    try {
      return await this.transport.send<T>({ ...request, headers: bearer(token, request.data) });
    } catch (err) {
      if (!(err instanceof AuthenticationError)) throw err;
      const fresh = await this.tokens.renewAfterRejection(token);
      return this.transport.send<T>({ ...request, headers: bearer(fresh, request.data) });
    }
  }

  private async get<T>(path: string, params?: Call["params"]): Promise<T> {
    return (await this.call<T>({ method: "GET", path, params, operation: `GET ${path}` })).data;
  }

  private async put<T>(path: string, data: unknown): Promise<T> {
    return (await this.call<T>({ method: "PUT", path, data, operation: `PUT ${path}` })).data;
  }

  /** DELETE with the object's version; an object already gone counts as deleted. */
  private async deleteVersioned(path: string, version: number): Promise<void> {
    await this.call({
      method: "DELETE",
      path,
      params: { version },
      accept: [404],
      operation: `DELETE ${path}`,
    });
  }

  private async optional<T>(request: Call): Promise<T | undefined> {
    const answer = await this.call<T>({ ...request, accept: [404] });
    return answer.status === 404 ? undefined : answer.data;
  }

  /** Runs a read-modify-write of a list the API replaces whole, one at a time per `key`. */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.limits.writes.run(key, task);
  }

  /** The tenant of this API client: the root of everything it can reach (GET /clients/{id}). */
  ownTenantId(): Promise<string> {
    return cachedUntilRejected(this.ownTenant, this.clientId, () =>
      this.call<{ tenant_id: string }>({
        method: "GET",
        path: `/clients/${enc(this.clientId)}`,
        operation: "GET /clients/{id}",
      }).then((answer) => answer.data.tenant_id),
    );
  }

  /** Every tenant under `rootId` (itself included), in pages of 5000, with their offering items. */
  listSubtreeTenants(rootId: string): Promise<Tenant[]> {
    const params = { subtree_root_id: rootId, with_offering_items: true };
    return this.allPages<Tenant>("/tenants", params, "GET /tenants?subtree_root_id=");
  }

  /** Every user under `rootId`, in pages of 5000, with their access policies. */
  listSubtreeUsers(rootId: string): Promise<User[]> {
    const params = { subtree_root_tenant_id: rootId, with_access_policies: true };
    return this.allPages<User>("/users", params, "GET /users?subtree_root_tenant_id=");
  }

  private async allPages<T>(
    path: string,
    params: Record<string, string | boolean>,
    operation: string,
  ): Promise<T[]> {
    const items: T[] = [];
    // The cursor carries the filter: later pages send only `after`.
    let query: Record<string, string | number | boolean> = { ...params, limit: listPageSize };
    for (;;) {
      const page = (await this.call<ItemList<T>>({ method: "GET", path, params: query, operation })).data;
      items.push(...page.items);
      const after = page.paging?.cursors?.after;
      if (!after || page.items.length === 0) return items;
      query = { after, limit: listPageSize };
    }
  }

  // --- tenants

  async createTenant(body: TenantCreate): Promise<Tenant> {
    return (
      await this.call<Tenant>({ method: "POST", path: "/tenants", data: body, operation: "POST /tenants" })
    ).data;
  }

  /** The tenant, or undefined when it does not exist (any more). */
  getTenant(id: string): Promise<Tenant | undefined> {
    return this.optional<Tenant>({
      method: "GET",
      path: `/tenants/${enc(id)}`,
      operation: `GET /tenants/${id}`,
    });
  }

  async requireTenant(id: string): Promise<Tenant> {
    const tenant = await this.getTenant(id);
    if (!tenant)
      throw new NotFoundError({
        vendor: "Acronis",
        operation: `GET /tenants/${id}`,
        status: 404,
        vendorMessage: "tenant not found",
      });
    return tenant;
  }

  /** Several tenants in one call; unknown ids are simply absent. */
  async getTenants(ids: readonly string[], options: { withOfferingItems?: boolean } = {}): Promise<Tenant[]> {
    if (ids.length === 0) return [];
    const params = {
      uuids: ids.join(","),
      with_offering_items: options.withOfferingItems ? true : undefined,
    };
    return (
      await this.call<ItemList<Tenant>>({
        method: "GET",
        path: "/tenants",
        params,
        operation: "GET /tenants?uuids=",
      })
    ).data.items;
  }

  /** The direct children of a tenant, as objects. */
  async listChildTenants(parentId: string): Promise<Tenant[]> {
    const path = `/tenants/${enc(parentId)}/children`;
    const answer = await this.call<ItemList<Tenant>>({
      method: "GET",
      path,
      params: { include_details: true },
      operation: `GET ${path}`,
    });
    return answer.data.items;
  }

  /** A child of `parentId` with this name (compared case-insensitively, as the platform does) and kind. */
  async findChildTenant(parentId: string, name: string, kind: TenantKind): Promise<Tenant | undefined> {
    const children = await this.listChildTenants(parentId);
    return children.find((t) => t.kind === kind && t.name.toLowerCase() === name.toLowerCase());
  }

  updateTenant(id: string, body: TenantUpdate): Promise<Tenant> {
    return this.put<Tenant>(`/tenants/${enc(id)}`, body);
  }

  /** Deletes a (disabled) tenant; a tenant already gone counts as deleted. */
  deleteTenant(id: string, version: number): Promise<void> {
    return this.deleteVersioned(`/tenants/${enc(id)}`, version);
  }

  // --- two-factor authentication

  async getPricing(tenantId: string): Promise<TenantPricing> {
    return this.get<TenantPricing>(`/tenants/${enc(tenantId)}/pricing`);
  }

  /** PUT /tenants/{id}/pricing: `version` is the pricing object's, not the tenant's. */
  async updatePricing(tenantId: string, body: TenantPricingUpdate): Promise<TenantPricing> {
    return this.put<TenantPricing>(`/tenants/${enc(tenantId)}/pricing`, body);
  }

  async getMfaStatus(tenantId: string): Promise<MfaStatus> {
    const path = `/tenants/${enc(tenantId)}/mfa/status`;
    return this.get<MfaStatus>(path);
  }

  async setMfa(tenantId: string, enabled: boolean): Promise<MfaStatus> {
    const path = `/tenants/${enc(tenantId)}/mfa/status`;
    return this.put<MfaStatus>(path, { enabled });
  }

  // --- offering items

  async availableForChild(parentId: string, kind: TenantKind): Promise<OfferingItem[]> {
    const path = `/tenants/${enc(parentId)}/offering_items/available_for_child`;
    const params = { kind, edition: "*" };
    return (await this.get<ItemList<OfferingItem>>(path, params)).items;
  }

  async getOfferingItems(tenantId: string): Promise<OfferingItem[]> {
    const path = `/tenants/${enc(tenantId)}/offering_items`;
    const params = { edition: "*" };
    return (await this.get<ItemList<OfferingItem>>(path, params)).items;
  }

  /** Merges the listed items into the tenant's (unlisted ones are untouched); answers the listed items. */
  async putOfferingItems(tenantId: string, items: readonly OfferingItemWrite[]): Promise<OfferingItem[]> {
    const path = `/tenants/${enc(tenantId)}/offering_items`;
    return (await this.put<ItemList<OfferingItem>>(path, { offering_items: items })).items;
  }

  // --- users

  /** True when no account in the platform has this login. */
  async isLoginFree(login: string): Promise<boolean> {
    const answer = await this.call({
      method: "GET",
      path: "/users/check_login",
      params: { username: login },
      accept: [409],
      operation: "GET /users/check_login",
    });
    return answer.status === 204;
  }

  async createUser(body: UserCreate): Promise<User> {
    return (await this.call<User>({ method: "POST", path: "/users", data: body, operation: "POST /users" }))
      .data;
  }

  getUser(id: string): Promise<User | undefined> {
    return this.optional<User>({ method: "GET", path: `/users/${enc(id)}`, operation: `GET /users/${id}` });
  }

  async getUsers(ids: readonly string[], options: { withAccessPolicies?: boolean } = {}): Promise<User[]> {
    if (ids.length === 0) return [];
    const params = {
      uuids: ids.join(","),
      with_access_policies: options.withAccessPolicies ? true : undefined,
    };
    return (
      await this.call<ItemList<User>>({
        method: "GET",
        path: "/users",
        params,
        operation: "GET /users?uuids=",
      })
    ).data.items;
  }

  /** Ids of the users registered in a tenant. */
  async listTenantUserIds(tenantId: string): Promise<string[]> {
    const path = `/tenants/${enc(tenantId)}/users`;
    return (await this.get<ItemList<string>>(path)).items;
  }

  /** The user of a tenant with this login (logins are one case-insensitive namespace). */
  async findUserByLogin(tenantId: string, login: string): Promise<User | undefined> {
    const ids = await this.listTenantUserIds(tenantId);
    const users = await this.getUsers(ids);
    return users.find((u) => u.login.toLowerCase() === login.toLowerCase());
  }

  updateUser(id: string, body: UserUpdate): Promise<User> {
    return this.put<User>(`/users/${enc(id)}`, body);
  }

  deleteUser(id: string, version: number): Promise<void> {
    return this.deleteVersioned(`/users/${enc(id)}`, version);
  }

  async sendActivationEmail(userId: string): Promise<void> {
    const path = `/users/${enc(userId)}/send-activation-email`;
    // The call "requires an empty JSON body" (DOC:tutorials/provisioning-customer-tenant).
    // Choice: repeated after a lost answer; a second activation e-mail is harmless, a missing one is not.
    await this.call({ method: "POST", path, data: {}, idempotent: true, operation: `POST ${path}` });
  }

  // --- access policies

  async getAccessPolicies(userId: string): Promise<AccessPolicyItem[]> {
    const path = `/users/${enc(userId)}/access_policies`;
    return (await this.get<ItemList<AccessPolicyItem>>(path)).items;
  }

  /** Replaces the user's whole set of access policies. */
  async putAccessPolicies(userId: string, items: readonly AccessPolicyItem[]): Promise<AccessPolicyItem[]> {
    const path = `/users/${enc(userId)}/access_policies`;
    return (await this.put<ItemList<AccessPolicyItem>>(path, { items })).items;
  }
}

function bearer(token: string, data: unknown): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (data !== undefined) headers["Content-Type"] = "application/json";
  return headers;
}
