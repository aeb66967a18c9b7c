import { expect } from "chai";
import * as fc from "fast-check";
import { type GuardedTenant, tenantsLeaving } from "../../provider/acronis/resources/tenantRemovalGuard";
import { guardNamesIn } from "../../sdk/guardMemory";

const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const a: GuardedTenant = { tenantId: "a", deletionPolicy: "disable" };
const b: GuardedTenant = { tenantId: "b", deletionPolicy: "delete" };
const c: GuardedTenant = { tenantId: "c", deletionPolicy: "retain" };
const d: GuardedTenant = { tenantId: "d" };

describe("TenantRemovalGuard: the tenants whose removal it checks", () => {
  it("names the tenants that leave the list, except those only forgotten (retain)", () => {
    expect(tenantsLeaving([a, b, c, d], [a])).to.deep.equal([b, d]);
  });

  it("names none while the list stays, in any order, or while it is still unknown", () => {
    expect(tenantsLeaving([a, b], [b, a])).to.deep.equal([]);
    expect(tenantsLeaving([a, b], unknown)).to.deep.equal([]);
    expect(tenantsLeaving([a], [{ tenantId: unknown }, a])).to.deep.equal([]);
  });

  it("a tenant that leaves is named exactly when it is not listed anew and its policy is not retain", () => {
    const tenant = fc.record({
      tenantId: fc.constantFrom("a", "b", "c", "d", "e"),
      deletionPolicy: fc.option(fc.constantFrom("delete" as const, "disable" as const, "retain" as const), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(fc.array(tenant), fc.array(tenant), (olds, news) => {
        const leaving = tenantsLeaving(olds, news);
        const listed = new Set(news.map((t) => t.tenantId));
        expect(leaving).to.deep.equal(
          olds.filter((t) => !listed.has(t.tenantId) && t.deletionPolicy !== "retain"),
        );
      }),
    );
  });
});

describe("TenantRemovalGuard: the guards the last deployment's output names", () => {
  it("reads the names from the output, and none from an absent or foreign one", () => {
    expect(guardNamesIn(["acronis-tenant-removal-guard", "eu-acronis-tenant-removal-guard"])).to.deep.equal([
      "acronis-tenant-removal-guard",
      "eu-acronis-tenant-removal-guard",
    ]);
    // An invoke leaves a nested secret wrapped in the engine's secret signature.
    expect(
      guardNamesIn({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: ["g"] }),
    ).to.deep.equal(["g"]);
    for (const none of [undefined, null, "acronis-tenant-removal-guard", { names: [] }, 7])
      expect(guardNamesIn(none)).to.deep.equal([]);
  });

  it("keeps exactly the strings of any list", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))), (items) => {
        expect(guardNamesIn(items)).to.deep.equal(items.filter((i) => typeof i === "string"));
      }),
    );
  });
});
