import { expect } from "chai";
import fc from "fast-check";
import type { Estate } from "../../sdk/estateFile";
import { estateShard, shardOf, stackShard } from "../../sdk/estateShard";

const named = (prefix: string) => (key: string) => ({ key: `${prefix}-${key}`, name: `${prefix} ${key}` });
const keys = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), { maxLength: 30 });

/** Every top-level entry of an estate, as kind/key. */
function entries(estate: Estate): string[] {
  const a = estate.acronis ?? {};
  return [
    ...(a.partners ?? []).map((e) => `partner/${e.key}`),
    ...(a.folders ?? []).map((e) => `folder/${e.key}`),
    ...(a.customers ?? []).map((e) => `customer/${e.key}`),
    ...(estate.hcp?.tenants ?? []).map((e) => `hcp/${e.key}`),
  ];
}

function estateOf(customers: string[], partners: string[], hcp: string[]): Estate {
  return {
    acronis: {
      partnerTenantId: "root",
      customers: customers.map(named("c")),
      partners: partners.map((k) => ({ ...named("p")(k), customers: [named("inner")(k)] })),
    },
    hcp: { tenants: hcp.map((k) => ({ ...named("h")(k), hardQuota: "10 GB" })) },
  };
}

describe("estate shards", () => {
  it("puts every top-level entry, with what is under it, in exactly one shard", () => {
    fc.assert(
      fc.property(keys, keys, keys, fc.integer({ min: 1, max: 6 }), (customers, partners, hcp, shards) => {
        const estate = estateOf(customers, partners, hcp);
        const parts = Array.from({ length: shards }, (_, i) => estateShard(estate, i + 1, shards));
        const all = parts.flatMap(entries);
        expect([...all].sort()).to.deep.equal(entries(estate).sort());
        for (const part of parts) {
          expect(part.acronis?.partnerTenantId).to.equal("root");
          for (const p of part.acronis?.partners ?? []) expect(p.customers).to.have.length(1);
        }
      }),
    );
  });

  it("keeps an entry in its shard when others are added or removed", () => {
    fc.assert(
      fc.property(keys, keys, fc.integer({ min: 1, max: 6 }), (before, added, shards) => {
        const shardOfEach = (customers: string[]) =>
          new Map(
            Array.from({ length: shards }, (_, i) => i + 1).flatMap((s) =>
              (estateShard(estateOf(customers, [], []), s, shards).acronis?.customers ?? []).map(
                (c) => [c.key, s] as const,
              ),
            ),
          );
        const first = shardOfEach(before);
        const second = shardOfEach([...new Set([...before, ...added])]);
        for (const [key, s] of first) expect(second.get(key)).to.equal(s);
      }),
    );
  });

  it("hashes an identity to 1 … shards", () => {
    expect(shardOf("customer/acme", 1)).to.equal(1);
    const seen = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`customer/${i}`, 4)));
    expect([...seen].sort()).to.deep.equal([1, 2, 3, 4]);
  });

  it("takes a stack's shard from the end of its name, refusing a name without one in 1 … shards", () => {
    expect(stackShard("prod-2", 4)).to.equal(2);
    expect(stackShard("eu-west-prod-12", 12)).to.equal(12);
    for (const bad of ["prod-0", "prod-5", "prod", "prod-2a", "prod2"])
      expect(() => stackShard(bad, 4)).to.throw(
        `estateShards is 4: the stack's name must end in -<shard>, 1 to 4 (e.g. "prod-4"), not "${bad}"`,
      );
    expect(() => stackShard("prod-1", 0)).to.throw(
      "estateShards must be a whole number of at least 1 (got 0)",
    );
    expect(() => estateShard({}, 3, 2)).to.throw("the shard must be a whole number from 1 to 2 (got 3)");
  });
});
