import type { AcronisClient } from "./client";
import { getApiClient, listApiClients } from "./clientsApi";
import type { ApiClientObject } from "./types";

/** How long one listing answers reads: a refresh reads everything within seconds. */
const listingTtlMs = 30_000;

/**
 * The API clients one provider process knows, so a refresh of N ApiClient resources costs one listing, not N
 * reads. Clients this process wrote, and any the listing lacks, are read directly. A failed listing is not kept.
 */
export class ApiClientDirectory {
  private listing?: { at: number; clients: Promise<Map<string, ApiClientObject>> };
  private readonly written = new Set<string>();

  constructor(
    private readonly client: AcronisClient,
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string): Promise<ApiClientObject | undefined> {
    if (this.written.has(id)) return getApiClient(this.client, id);
    const listed = (await this.list()).get(id);
    return listed ?? getApiClient(this.client, id);
  }

  /** After a write: later reads of this client ask the API. */
  wrote(id: string): void {
    this.written.add(id);
  }

  /** The clients of a tenant with this name (names need not be unique), freshly listed. */
  async named(tenantId: string, name: string): Promise<ApiClientObject[]> {
    const clients = await listApiClients(this.client);
    return clients.filter((c) => c.tenant_id === tenantId && c.data?.client_name === name);
  }

  private list(): Promise<Map<string, ApiClientObject>> {
    if (!this.listing || this.now() - this.listing.at >= listingTtlMs) {
      const clients = listApiClients(this.client).then((all) => new Map(all.map((c) => [c.client_id, c])));
      const listing = { at: this.now(), clients };
      this.listing = listing;
      clients.catch(() => {
        if (this.listing === listing) this.listing = undefined;
      });
    }
    return this.listing.clients;
  }
}

const directories = new WeakMap<AcronisClient, ApiClientDirectory>();

/** One directory per client of the API (so per provider process and configuration). */
export function apiClientDirectory(client: AcronisClient): ApiClientDirectory {
  let directory = directories.get(client);
  if (!directory) {
    directory = new ApiClientDirectory(client);
    directories.set(client, directory);
  }
  return directory;
}
