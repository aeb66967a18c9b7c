import { IdleListings } from "../core/cache";
import type { AcronisClient } from "./client";
import { getApiClient, listApiClients } from "./clientsApi";
import type { ApiClientObject } from "./types";

/**
 * The API clients one provider process knows, so a refresh of N ApiClient resources costs one listing, not N
 * reads; listed again after 30 s without a read. Clients this process wrote, and any the listing lacks, are read
 * directly. A failed listing is not kept.
 */
export class ApiClientDirectory {
  private readonly listing: IdleListings<Map<string, ApiClientObject>>;
  private readonly written = new Set<string>();

  constructor(
    private readonly client: AcronisClient,
    now: () => number = Date.now,
  ) {
    this.listing = new IdleListings(now);
  }

  async get(id: string): Promise<ApiClientObject | undefined> {
    if (this.written.has(id)) return getApiClient(this.client, id);
    const listed = (await this.list()).get(id);
    return listed ?? getApiClient(this.client, id);
  }

  /** After a write: later reads of this client ask the API. */
  wrote(id: string): void {
    this.written.add(id);
  }

  /** The clients of a tenant, from this process's listing (a killed run's clients were made before it). */
  async inTenant(tenantId: string): Promise<ApiClientObject[]> {
    return [...(await this.list()).values()].filter((c) => c.tenant_id === tenantId);
  }

  /** The clients of a tenant with this name (names need not be unique), freshly listed. */
  async named(tenantId: string, name: string): Promise<ApiClientObject[]> {
    const clients = await listApiClients(this.client);
    return clients.filter((c) => c.tenant_id === tenantId && c.data?.client_name === name);
  }

  private list(): Promise<Map<string, ApiClientObject>> {
    return this.listing.get("clients", () =>
      listApiClients(this.client).then((all) => new Map(all.map((c) => [c.client_id, c]))),
    );
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
