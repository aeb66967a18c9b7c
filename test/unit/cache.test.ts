import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { AcronisClient } from "../../provider/acronis/client";
import { AcronisDirectory } from "../../provider/acronis/directory";
import type { OfferingItem, Tenant } from "../../provider/acronis/types";
import { cachedUntilRejected } from "../../provider/core/cache";

type Answer = [status: number, body: unknown];

/**
 * A loopback Acronis answering each `METHOD /path` (query left out) with the next answer queued for it,
 * and 599 when none is left; it records every request it gets.
 */
async function scriptedAcronis(answers: Record<string, Answer[]>) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const key = `${req.method} ${new URL(req.url ?? "/", "http://x").pathname}`;
    seen.push(key);
    const [status, body] = answers[key]?.shift() ?? [599, {}];
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/2`;
  const client = new AcronisClient({
    baseUrl,
    clientId: "client-1",
    clientSecret: "secret-1",
    // One attempt: a failure reaches the caches at once.
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
  return { client, seen, server };
}

const token: Answer = [200, { access_token: "tok", expires_in: 7200 }];
const tokenRefused: Answer = [500, { error: { code: 500, message: "Internal Server Error" } }];
const ownTenant: Answer = [200, { tenant_id: "root" }];
const tenantT1 = { id: "t1", name: "Customer", kind: "customer", parent_id: "root", version: 1 };
const listing: Answer = [200, { items: [tenantT1], paging: { cursors: {} } }];
const broken: Answer = [503, { error: { code: 503, message: "Service Unavailable" } }];

describe("caches keep successes, never failures", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  describe("cachedUntilRejected", () => {
    it("drops a rejected promise, so the next call makes a new one, and keeps a fulfilled one", async () => {
      const cache: Record<string, Promise<string>> = {};
      let made = 0;
      const make = async () => {
        made++;
        if (made === 1) throw new Error("first attempt fails");
        return `answer ${made}`;
      };
      const first = await cachedUntilRejected(cache, "k", make).catch((e: Error) => e.message);
      expect(first).to.equal("first attempt fails");
      expect(await cachedUntilRejected(cache, "k", make)).to.equal("answer 2");
      expect(await cachedUntilRejected(cache, "k", make)).to.equal("answer 2");
      expect(made).to.equal(2);
    });

    it("shares one promise among concurrent callers", async () => {
      const cache: Record<string, Promise<number>> = {};
      let made = 0;
      const make = async () => ++made;
      const answers = await Promise.all([1, 2, 3].map(() => cachedUntilRejected(cache, "k", make)));
      expect(answers).to.deep.equal([1, 1, 1]);
    });
  });

  describe("the Acronis client", () => {
    it("fetches a token again after a failed token request, then keeps it", async () => {
      const acronis = await scriptedAcronis({
        "POST /api/2/idp/token": [tokenRefused, token],
        "GET /api/2/clients/client-1": [ownTenant],
      });
      server = acronis.server;
      const err = await acronis.client.ownTenantId().catch((e: Error) => e);
      expect((err as Error).message).to.match(/POST \/idp\/token failed: HTTP 500/);
      expect(await acronis.client.ownTenantId()).to.equal("root");
      expect(acronis.seen).to.deep.equal([
        "POST /api/2/idp/token",
        "POST /api/2/idp/token",
        "GET /api/2/clients/client-1",
      ]);
    });

    it("looks its own tenant up again after a failed lookup, then keeps it", async () => {
      const acronis = await scriptedAcronis({
        "POST /api/2/idp/token": [token],
        "GET /api/2/clients/client-1": [broken, ownTenant],
      });
      server = acronis.server;
      const err = await acronis.client.ownTenantId().catch((e: Error) => e);
      expect((err as Error).message).to.match(/GET \/clients\/\{id\} failed: HTTP 503/);
      expect(await acronis.client.ownTenantId()).to.equal("root");
      expect(await acronis.client.ownTenantId()).to.equal("root");
      const lookups = acronis.seen.filter((s) => s === "GET /api/2/clients/client-1");
      expect(lookups).to.have.length(2);
      expect(acronis.seen.filter((s) => s.endsWith("/idp/token"))).to.have.length(1);
    });
  });

  describe("the Acronis directory", () => {
    it("lists again after a failed listing, serves the read from it, and keeps it", async () => {
      const acronis = await scriptedAcronis({
        "POST /api/2/idp/token": [token],
        "GET /api/2/clients/client-1": [ownTenant],
        "GET /api/2/tenants": [broken, listing],
      });
      server = acronis.server;
      const directory = new AcronisDirectory(acronis.client);
      const err = await directory.tenant("t1").catch((e: Error) => e);
      expect((err as Error).message).to.match(/GET \/tenants\?subtree_root_id= failed: HTTP 503/);
      expect(await directory.tenant("t1")).to.deep.include({ id: "t1", name: "Customer" });
      expect(await directory.tenant("t1")).to.deep.include({ id: "t1" });
      expect(acronis.seen.filter((s) => s === "GET /api/2/tenants")).to.have.length(2);
      // Answered from the listing: never fetched one by one.
      expect(acronis.seen.filter((s) => s.startsWith("GET /api/2/tenants/"))).to.be.empty;
    });

    it("recovers from a failed token at the first read of a process", async () => {
      const acronis = await scriptedAcronis({
        "POST /api/2/idp/token": [tokenRefused, token],
        "GET /api/2/clients/client-1": [ownTenant],
        "GET /api/2/tenants": [listing],
      });
      server = acronis.server;
      const directory = new AcronisDirectory(acronis.client);
      expect(await directory.tenant("t1").catch(() => "failed")).to.equal("failed");
      expect(await directory.tenant("t1")).to.deep.include({ id: "t1" });
      expect(acronis.seen).to.deep.equal([
        "POST /api/2/idp/token",
        "POST /api/2/idp/token",
        "GET /api/2/clients/client-1",
        "GET /api/2/tenants",
      ]);
    });

    it("asks for a parent's offer again after a failure, then keeps it", async () => {
      const offer: OfferingItem[] = [{ name: "storage", application_id: "app", status: 1 } as OfferingItem];
      let asked = 0;
      const client = {
        availableForChild: async () => {
          if (++asked === 1) throw new Error("cut off");
          return offer;
        },
      } as unknown as AcronisClient;
      const directory = new AcronisDirectory(client);
      expect(await directory.availableForChild("root", "customer").catch(() => "failed")).to.equal("failed");
      expect(await directory.availableForChild("root", "customer")).to.equal(offer);
      expect(await directory.availableForChild("root", "customer")).to.equal(offer);
      expect(asked).to.equal(2);
    });

    it("keeps a listing through a burst of reads longer than 30 s, and lists again after 30 s without one", async () => {
      let now = 0;
      let listed = 0;
      const client = {
        ownTenantId: async () => "root",
        listSubtreeTenants: async () => {
          listed++;
          return [tenantT1 as unknown as Tenant];
        },
      } as unknown as AcronisClient;
      const directory = new AcronisDirectory(client, () => now);
      await directory.tenant("t1");
      for (now = 20_000; now <= 80_000; now += 20_000) await directory.tenant("t1");
      expect(listed).to.equal(1);
      now += 29_999 - 20_000;
      await directory.tenant("t1");
      expect(listed).to.equal(1);
      now += 30_000;
      await directory.tenant("t1");
      expect(listed).to.equal(2);
    });
  });
});
