import { expect } from "chai";
import { customerTenantSpec } from "../../provider/acronis/specs/customerTenant";
import { compositeId, everyHeldInput, readByIdAlone } from "../../provider/core/importing";
import { hcpUserAccountSpec } from "../../provider/hcp/specs/hcpUserAccount";
import { importedInputs, importedOutputs } from "../../provider/plugin/values";

describe("import: a read by id alone", () => {
  it("is a read with no stored outputs", () => {
    expect(readByIdAlone({})).to.equal(true);
    expect(readByIdAlone(undefined)).to.equal(true);
    expect(readByIdAlone({ name: "A" })).to.equal(false);
  });

  it("asks for every input the object holds: no create-only value, credential, or key left out", () => {
    expect(everyHeldInput(customerTenantSpec, ["deletionPolicy"])).to.deep.equal({
      name: true,
      parentId: true,
      customerId: true,
      internalTag: true,
      language: true,
      enabled: true,
      contact: {
        email: true,
        firstname: true,
        lastname: true,
        phone: true,
        address1: true,
        address2: true,
        city: true,
        state: true,
        zipcode: true,
        country: true,
      },
      ancestralAccess: true,
      pricingMode: true,
      updateLock: true,
    });
    expect(
      Object.keys(everyHeldInput(hcpUserAccountSpec, ["tenant", "deletionPolicy"])).sort(),
    ).to.deep.equal(["description", "enabled", "fullName", "localAuthentication", "roles", "username"]);
  });

  it("takes a composite import id apart, or says the form it must have", () => {
    expect(compositeId("HcpNamespace", "finance/invoices", ["tenant", "name"])).to.deep.equal([
      "finance",
      "invoices",
    ]);
    for (const id of ["invoices", "/invoices", "finance/", "finance/invoices/2024"])
      expect(() => compositeId("HcpNamespace", id, ["tenant", "name"])).to.throw(
        `HcpNamespace is imported by the id \`<tenant>/<name>\` (e.g. \`finance/invoices\`), got "${id}"`,
      );
  });

  it("gives as inputs what the object holds, empty texts left out; an object input's outputs lose them too", () => {
    const outputs = {
      tenantId: "t",
      name: "A",
      parentId: "p",
      customerId: "",
      enabled: false,
      contact: { email: "a@x.example", phone: "", lastname: "" },
    };
    expect(importedInputs(customerTenantSpec, outputs)).to.deep.equal({
      name: "A",
      parentId: "p",
      enabled: false,
      contact: { email: "a@x.example" },
    });
    expect(importedOutputs(customerTenantSpec, outputs)).to.deep.equal({
      ...outputs,
      contact: { email: "a@x.example" },
    });
    expect(importedOutputs(customerTenantSpec, { name: "A", contact: { email: "" } })).to.deep.equal({
      name: "A",
    });
  });
});
