import { expect } from "chai";
import { userCreateBody, userMark, userOutputs, userUpdateBody } from "../../provider/acronis/resources/user";
import type { User } from "../../provider/acronis/types";

const tenantId = "6a4f1c2e-3b5d-4e7f-8a9b-0c1d2e3f4a5b";
const inputs = {
  tenantId,
  login: "JohnDoe",
  contact: { email: "john.doe@example.com", firstname: "John" },
  language: "en",
  enabled: false,
  sendActivationEmail: true,
  adopt: true,
};
const user: User = {
  id: "0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f",
  version: 3,
  tenant_id: tenantId,
  login: "johndoe",
  contact: { email: "john.doe@example.com", lastname: "Doe" },
  activated: false,
  enabled: true,
  language: "de",
  personal_tenant_id: null,
  external_id: null,
};

describe("User mapping (from its spec)", () => {
  it("creates with tenant, login, contact, language and the mark; enabled waits for the update", () => {
    const owned = { ...inputs, __owner: "proj/dev", __resourceName: "john" };
    expect(userCreateBody(owned)).to.deep.equal({
      tenant_id: tenantId,
      login: "JohnDoe",
      contact: { email: "john.doe@example.com", firstname: "John" },
      language: "en",
      external_id: userMark(owned),
    });
    expect(userCreateBody(owned).external_id).to.be.a("string");
  });

  it("updates contact, language and enabled, never the tenant or login", () => {
    expect(userUpdateBody(inputs)).to.deep.equal({
      contact: { email: "john.doe@example.com", firstname: "John" },
      language: "en",
      enabled: false,
    });
    expect(userUpdateBody({ tenantId, login: "JohnDoe", contact: { email: "a@b.org" } })).to.deep.equal({
      contact: { email: "a@b.org" },
    });
  });

  it("outputs the managed inputs as the API holds them, the contact's given keys only, and what it assigns", () => {
    expect(userOutputs(user, inputs, true)).to.deep.equal({
      userId: user.id,
      activated: false,
      activationEmailSent: true,
      tenantId,
      login: "johndoe",
      contact: { email: "john.doe@example.com", firstname: "" },
      language: "de",
      enabled: true,
      sendActivationEmail: true,
    });
    const bare = userOutputs(
      { ...user, personal_tenant_id: tenantId },
      { tenantId, login: "x", contact: { email: "e" } },
      false,
    );
    expect(bare).to.deep.equal({
      userId: user.id,
      personalTenantId: tenantId,
      activated: false,
      activationEmailSent: false,
      tenantId,
      login: "johndoe",
      contact: { email: "john.doe@example.com" },
    });
  });
});
