import { expect } from "chai";
import fc from "fast-check";
import { namespaceQuotaText } from "../../provider/hcp/codecs";
import { hcpTenantBody, hcpTenantOutputs } from "../../provider/hcp/resources/hcpTenant";
import type { Tenant } from "../../provider/hcp/types";

describe("HCP tenant codecs", () => {
  it("namespaceQuotaText: a count or None is sent as text and read back as the program gives it", () => {
    expect(namespaceQuotaText.toWire(5)).to.equal("5");
    expect(namespaceQuotaText.toWire("None")).to.equal("None");
    expect(namespaceQuotaText.toWire(undefined)).to.equal(undefined);
    expect(namespaceQuotaText.fromWire("5")).to.equal(5);
    expect(namespaceQuotaText.fromWire("none")).to.equal("None");
    expect(namespaceQuotaText.fromWire(undefined)).to.equal(undefined);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constant("None")), (quota) => {
        expect(namespaceQuotaText.fromWire(namespaceQuotaText.toWire(quota))).to.equal(quota);
      }),
    );
  });

  it("the PUT body holds every setting in HCP's form; the outputs read them back without the mark", () => {
    const inputs = {
      name: "Finance",
      hardQuota: "1.5 tb",
      namespaceQuota: 12,
      tags: ["Gold"],
      servicePlanSelectionEnabled: false,
      initialUserName: "lgreen",
      initialUserPassword: "start123",
    };
    expect(hcpTenantBody(inputs, Object.keys(inputs))).to.deep.equal({
      name: "Finance",
      hardQuota: "1.50 TB",
      namespaceQuota: "12",
      tags: ["Gold"],
      servicePlanSelectionEnabled: false,
    });
    const tenant = {
      id: "t-1",
      fullyQualifiedName: "finance.hcp",
      ...hcpTenantBody(inputs, Object.keys(inputs)),
    };
    const outputs = hcpTenantOutputs({ ...tenant, tags: ["Gold", "tenant-estates:p/s@t"] } as Tenant, inputs);
    expect(outputs).to.deep.equal({
      tenantId: "t-1",
      fullyQualifiedName: "finance.hcp",
      name: "Finance",
      hardQuota: "1.50 TB",
      namespaceQuota: 12,
      tags: ["Gold"],
      servicePlanSelectionEnabled: false,
      initialUserName: "lgreen",
    });
  });
});
