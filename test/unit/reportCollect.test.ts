import { expect } from "chai";
import { collectHcp, type HcpReportReads, hcpTenantConcurrency } from "../../cli/report/collectHcp";
import type { Tenant } from "../../provider/hcp/types";

/** A client whose reads answer after a delay that differs per tenant, counting the tenants read at once. */
function slowClient(names: string[]) {
  let active = 0;
  const seen = { most: 0, reads: [] as string[] };
  const answer = async <T>(name: string, read: string, value: T): Promise<T> => {
    active += 1;
    seen.most = Math.max(seen.most, active);
    seen.reads.push(`${read} ${name}`);
    // Later names answer sooner, so finishing order is not listing order.
    await new Promise((resolve) => setTimeout(resolve, 2 + ((names.length - names.indexOf(name)) % 5)));
    active -= 1;
    return value;
  };
  const client: HcpReportReads = {
    listTenants: async () => [...names],
    getTenant: (name) =>
      answer(name, "tenant", name === "default" ? ({} as Tenant) : ({ hardQuota: "10 GB" } as Tenant)),
    getStatistics: (name) => answer(name, "statistics", { storageCapacityUsed: name.length }),
  };
  return { client, seen };
}

describe("report: HCP collection", () => {
  const names = ["default", ...Array.from({ length: 20 }, (_, i) => `t${String(20 - i).padStart(2, "0")}`)];

  it("reads several tenants at once, never more than its bound, and answers in name order", async () => {
    const { client, seen } = slowClient(names);
    const tenants = await collectHcp(client);
    expect(tenants.map((t) => t.name)).to.deep.equal(names.filter((n) => n !== "default").sort());
    expect(tenants.map((t) => t.storageCapacityUsed)).to.deep.equal(tenants.map(() => 3));
    expect(seen.most).to.equal(hcpTenantConcurrency);
    expect(seen.reads.filter((r) => r.startsWith("statistics")).length).to.equal(20);
    expect(seen.reads).not.to.include("statistics default");
  });

  it("reads one tenant at a time when bound to one", async () => {
    const { client, seen } = slowClient(names.slice(0, 5));
    expect((await collectHcp(client, 1)).map((t) => t.name)).to.deep.equal(["t17", "t18", "t19", "t20"]);
    expect(seen.most).to.equal(1);
  });
});
