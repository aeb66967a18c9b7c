import { unlessGone } from "../core/resource";
import type { AcronisClient } from "./client";
import type { OfferingItem, Tenant, TenantKind, User } from "./types";

/** How long one listing answers reads: a refresh reads everything within seconds. */
const snapshotTtlMs = 30_000;

interface Snapshot<T> {
  at: number;
  byId: Promise<Record<string, T>>;
}

/**
 * What one provider process knows of the Acronis estate, so that a refresh of N resources costs a few
 * listings instead of N requests: the client's whole subtree of tenants (with offering items) and users
 * (with access policies), each listed at most every 30 s. Objects this process wrote, and anything a
 * listing lacks, are fetched directly, so a read never answers from a list older than a write.
 */
export class AcronisDirectory {
  private tenants?: Snapshot<Tenant>;
  private users?: Snapshot<User>;
  private readonly written: Record<string, Tenant | User> = {};
  private readonly createdHere: Record<string, true> = {};
  private readonly stale: Record<string, true> = {};
  private readonly offered: Record<string, Promise<OfferingItem[]>> = {};

  constructor(
    private readonly client: AcronisClient,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A tenant for a read: from the listing, unless this process wrote it since (then, and for anything the
   * listing lacks, fetched directly); undefined when gone.
   */
  async tenant(id: string): Promise<Tenant | undefined> {
    if (this.written[id] || this.stale[id]) return this.client.getTenant(id);
    this.tenants = this.fresh(this.tenants, () => this.client.listSubtreeTenants.bind(this.client));
    return (await this.tenants.byId)[id] ?? (await this.client.getTenant(id));
  }

  async user(id: string): Promise<User | undefined> {
    if (this.written[id] || this.stale[id]) return this.client.getUser(id);
    this.users = this.fresh(this.users, () => this.client.listSubtreeUsers.bind(this.client));
    return (await this.users.byId)[id] ?? (await this.client.getUser(id));
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

  /** Whether this process created the tenant, so it has no offering items yet. */
  isNewTenant(id: string): boolean {
    return this.createdHere[id] === true;
  }

  /** Offering items a parent offers to children of a kind; listed once per parent and kind. */
  availableForChild(parentId: string, kind: TenantKind): Promise<OfferingItem[]> {
    const key = `${parentId}/${kind}`;
    this.offered[key] ??= this.client.availableForChild(parentId, kind);
    return this.offered[key];
  }

  /** A tenant's offering items: embedded in the listing when it has them, else fetched. */
  async offeringItems(tenantId: string): Promise<OfferingItem[] | undefined> {
    const tenant = await this.tenant(tenantId);
    if (!tenant) return undefined;
    return tenant.offering_items ?? unlessGone(this.client.getOfferingItems(tenantId));
  }

  private fresh<T extends { id: string }>(
    current: Snapshot<T> | undefined,
    lister: () => (root: string) => Promise<T[]>,
  ): Snapshot<T> {
    if (current && this.now() - current.at < snapshotTtlMs) return current;
    const list = lister();
    const byId = this.client.ownTenantId().then(async (root) => {
      const index: Record<string, T> = {};
      for (const item of await list(root)) index[item.id] = item;
      return index;
    });
    return { at: this.now(), byId };
  }
}
