import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import {
  CustomerTenantProvider,
  validateCustomerTenant,
} from "../../provider/acronis/resources/customerTenant";
import {
  FolderTenantProvider,
  PartnerTenantProvider,
} from "../../provider/acronis/resources/resellerTenants";
import type { TenantOutputs } from "../../provider/acronis/resources/tenant";
import { SafetyRefusal } from "../../provider/core/errors";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import { acronisStackConfig, configureRequest } from "../support/stackConfig";

describe("the reseller hierarchy and billing mode against the Acronis emulator", function () {
  this.timeout(30_000);
  let emulators: RunningEmulators;
  let api: AcronisApi;
  const partners = new PartnerTenantProvider();
  const folders = new FolderTenantProvider();
  const customers = new CustomerTenantProvider();
  const writesSince = async (before: number) => (await apiWrites(emulators)).acronis.slice(before);
  const writeCount = async () => (await apiWrites(emulators)).acronis.length;

  before(async () => {
    emulators = await startEmulators();
    api = new AcronisApi(emulators.acronis);
    for (const provider of [partners, folders, customers])
      await provider.configure(configureRequest(acronisStackConfig(emulators.acronis)));
  });

  after(async () => emulators.close());

  it("makes a partner, a folder in it and a production customer in the folder; reads give create's shape", async () => {
    const partner = await partners.create({ name: "Reseller", parentId: emulators.acronis.partnerTenantId });
    expect(partner.outs).to.deep.include({ kind: "partner", name: "Reseller", tenantId: partner.id });
    const folder = await folders.create({ name: "Dental", parentId: partner.id });
    const before = await writeCount();
    const customer = await customers.create({
      name: "Smiles",
      parentId: folder.id,
      pricingMode: "production",
    });
    expect(await writesSince(before)).to.deep.equal([
      "POST /api/2/tenants",
      `PUT /api/2/tenants/${customer.id}/pricing`,
    ]);
    expect(customer.outs).to.deep.include({ pricingMode: "production", parentId: folder.id });
    expect((await api.get(`/tenants/${customer.id}/pricing`)).body.mode).to.equal("production");
    for (const [provider, made] of [
      [partners, partner],
      [folders, folder],
      [customers, customer],
    ] as const) {
      const read = await provider.read(made.id, made.outs as TenantOutputs);
      expect(read.props).to.deep.equal(made.outs);
    }
  });

  it("switches an existing customer to production with the pricing calls only; refuses going back at check", async () => {
    const made = await customers.create({ name: "Trial Co", parentId: emulators.acronis.partnerTenantId });
    expect(made.outs).to.not.have.property("pricingMode");
    const wanted = {
      name: "Trial Co",
      parentId: emulators.acronis.partnerTenantId,
      pricingMode: "production" as const,
    };
    expect((await customers.diff(made.id, made.outs as TenantOutputs, wanted)).changes).to.equal(true);
    const before = await writeCount();
    const updated = await customers.update(made.id, made.outs as TenantOutputs, wanted);
    expect(await writesSince(before)).to.deep.equal([`PUT /api/2/tenants/${made.id}/pricing`]);
    expect(updated.outs).to.include({ pricingMode: "production" });
    expect(validateCustomerTenant(wanted, { ...wanted, pricingMode: "trial" })).to.deep.equal([
      {
        property: "pricingMode",
        reason:
          "pricingMode cannot go back from production to trial (Acronis switches to production once, for good)",
      },
    ]);
  });

  it("a change of the deletion policy alone writes nothing", async () => {
    const made = await partners.create({
      name: "Policy Partner",
      parentId: emulators.acronis.partnerTenantId,
    });
    const before = await writeCount();
    const wanted = {
      name: "Policy Partner",
      parentId: emulators.acronis.partnerTenantId,
      deletionPolicy: "delete" as const,
    };
    const updated = await partners.update(made.id, made.outs as TenantOutputs, wanted);
    expect(await writesSince(before)).to.deep.equal([]);
    expect(updated.outs).to.include({ deletionPolicy: "delete" });
  });

  it("never deletes a partner that still has child tenants: Acronis would delete them with it", async () => {
    const partner = await partners.create({
      name: "Parent Partner",
      parentId: emulators.acronis.partnerTenantId,
      deletionPolicy: "delete",
    });
    const child = await customers.create({
      name: "Child Co",
      parentId: partner.id,
      deletionPolicy: "disable",
    });
    const before = await writeCount();
    const err = await partners.delete(partner.id, partner.outs as TenantOutputs).catch((e) => e);
    expect(err).to.be.instanceOf(SafetyRefusal);
    expect(err.message).to.equal(
      'partner tenant "Parent Partner" still has 1 child tenant(s), which Acronis would delete with it, ' +
        "irreversibly: move or delete them first, or set deletionPolicy to disable or retain",
    );
    expect(await writesSince(before)).to.deep.equal([]);
    await customers.delete(child.id, { ...(child.outs as TenantOutputs), deletionPolicy: "delete" });
    await partners.delete(partner.id, partner.outs as TenantOutputs);
    expect((await api.get(`/tenants/${partner.id}`)).status).to.equal(404);
  });
});
