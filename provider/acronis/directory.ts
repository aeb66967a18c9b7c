import { cachedUntilRejected, IdleListings } from "../core/cache";
import { unlessGone } from "../core/resource";
import type { AcronisClient } from "./client";
import type { OfferingItem, Tenant, TenantKind, User } from "./types";

type Listed = Tenant | User;
type ListingKind = "tenants" | "users";

/**
 * What one provider process knows of the Acronis estate, so that a refresh of N resources costs a few
 * listings instead of N requests: the client's whole subtree of tenants (with offering items) and users
 * (with access policies). A listing answers every read of a burst, however long (a refresh of 5,000 resources
 * takes a minute), and is listed again once no read has used it for 30 s. Objects this process wrote, and anything a
 * listing lacks, are fetched directly, so a read never answers from a list older than a write. A listing or
 * offer that failed is not kept: the next read asks again.
 */
export class AcronisDirectory {
  private readonly listings: IdleListings<Record<string, Listed>>;
  private readonly written: Record<string, Tenant | User> = {};
  private readonly createdHere: Record<string, true> = {};
  private readonly stale: Record<string, true> = {};
  private readonly offered: Record<string, Promise<OfferingItem[]>> = {};

  constructor(
    private readonly client: AcronisClient,
    now: () => number = Date.now,
  ) {
    this.listings = new IdleListings(now);
  }

  /**
   * A tenant for a read: from the listing, unless this process wrote it since (then, and for anything the
   * listing lacks, fetched directly); undefined when gone.
   */
  async tenant(id: string): Promise<Tenant | undefined> {
    if (this.written[id] || this.stale[id]) return this.client.getTenant(id);
    const listed = await this.listing("tenants", (root) => this.client.listSubtreeTenants(root));
    return (listed[id] as Tenant | undefined) ?? (await this.client.getTenant(id));
  }

  async user(id: string): Promise<User | undefined> {
    if (this.written[id] || this.stale[id]) return this.client.getUser(id);
    const listed = await this.listing("users", (root) => this.client.listSubtreeUsers(root));
    return (listed[id] as User | undefined) ?? (await this.client.getUser(id));
  }

  /** A tenant as this process last wrote it, else as for a read: for creates that need its parent or kind. */
  async knownTenant(id: string): Promise<Tenant | undefined> {
    return (this.written[id] as Tenant | undefined) ?? this.tenant(id);
  }

  /** A user as this process last wrote it, else as for a read: for creates that need its tenant. */
  async knownUser(id: string): Promise<User | undefined> {
    return (this.written[id] as User | undefined) ?? this.user(id);
  }

  /** Keeps an object this process just wrote, as the API answered it. */
  remember(object: Tenant | User, created = false): void {
    this.written[object.id] = object;
    delete this.stale[object.id];
    if (created) this.createdHere[object.id] = true;
  }

  /** After a write whose answer is not the whole object (MFA, offering items, roles): read it afresh. */
  forget(id: string): void {
    this.stale[id] = true;
  }

  /** After the tenant's offering items were written: read afresh, and no longer without items. */
  forgetItems(id: string): void {
    this.forget(id);
    delete this.createdHere[id];
  }

  /** Whether this process created the tenant and has not written its offering items, so it has none yet. */
  isNewTenant(id: string): boolean {
    return this.createdHere[id] === true;
  }

  /** Offering items a parent offers to children of a kind; listed once per parent and kind. */
  availableForChild(parentId: string, kind: TenantKind): Promise<OfferingItem[]> {
    return cachedUntilRejected(this.offered, `${parentId}/${kind}`, () =>
      this.client.availableForChild(parentId, kind),
    );
  }

  /** A tenant's offering items: embedded in the listing when it has them, else fetched. */
  async offeringItems(tenantId: string): Promise<OfferingItem[] | undefined> {
    const tenant = await this.tenant(tenantId);
    if (!tenant) return undefined;
    return tenant.offering_items ?? unlessGone(this.client.getOfferingItems(tenantId));
  }

  /** The client's subtree of one kind by id; listed again after 30 s without a read. */
  private listing(
    kind: ListingKind,
    list: (root: string) => Promise<Listed[]>,
  ): Promise<Record<string, Listed>> {
    return this.listings.get(kind, () =>
      this.client.ownTenantId().then(async (root) => indexById(await list(root))),
    );
  }
}

function indexById(items: readonly Listed[]): Record<string, Listed> {
  const index: Record<string, Listed> = {};
  for (const item of items) index[item.id] = item;
  return index;
}
