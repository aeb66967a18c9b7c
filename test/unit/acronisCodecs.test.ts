import { expect } from "chai";
import {
  enabledOfferingItems,
  enabledStatus,
  mfaStatusEnabled,
  offeringItemWrite,
  userRolePolicies,
} from "../../provider/acronis/codecs";
import type { OfferingItem } from "../../provider/acronis/types";

const app = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb";
const infra = "019097a6-114f-4418-bd54-e01ef049f209";

describe("Acronis codecs", () => {
  it("enabled as status: true and false go as enabled and disabled; only enabled reads as true", () => {
    expect(enabledStatus.toWire(true)).to.equal("enabled");
    expect(enabledStatus.toWire(false)).to.equal("disabled");
    expect(enabledStatus.toWire(undefined)).to.equal(undefined);
    expect(enabledStatus.fromWire("enabled")).to.equal(true);
    expect(enabledStatus.fromWire("disabled")).to.equal(false);
    expect(enabledStatus.fromWire(undefined)).to.equal(false);
  });

  it("MFA: written as the flag, read from the status: on unless disabled; no status reads as none", () => {
    expect(mfaStatusEnabled.toWire(false)).to.equal(false);
    expect(mfaStatusEnabled.fromWire("enabled")).to.equal(true);
    expect(mfaStatusEnabled.fromWire("disable_in_progress")).to.equal(true);
    expect(mfaStatusEnabled.fromWire("disabled")).to.equal(false);
    expect(mfaStatusEnabled.fromWire(undefined)).to.equal(undefined);
    expect(mfaStatusEnabled.answered?.(true)).to.equal("enabled");
    expect(mfaStatusEnabled.answered?.(false)).to.equal("disabled");
  });

  it("roles as policies: one per distinct role, naming the user and tenant of the context; read: the user's roles", () => {
    const context = { userId: "u1", tenantId: "t1" };
    const items = userRolePolicies.toWire(["company_admin", "backup_user", "company_admin"], context);
    expect(items).to.deep.equal(
      ["backup_user", "company_admin"].map((role_id) => ({
        id: "00000000-0000-0000-0000-000000000000",
        issuer_id: "00000000-0000-0000-0000-000000000000",
        tenant_id: "t1",
        trustee_id: "u1",
        trustee_type: "user",
        role_id,
        version: 0,
      })),
    );
    expect(userRolePolicies.toWire(undefined, context)).to.equal(undefined);
    const others = [{ trustee_id: "u2", role_id: "partner_admin" }];
    expect(userRolePolicies.fromWire([...(items as object[]), ...others], undefined, context)).to.deep.equal([
      "backup_user",
      "company_admin",
    ]);
    expect(userRolePolicies.fromWire(undefined, undefined, context)).to.deep.equal([]);
  });

  it("offering items: written enabled with the quota given; read, the given ones enabled, or every enabled one", () => {
    const held = [
      { name: "storage", applicationId: app, infraId: infra, quota: { value: 5, overage: null } },
    ];
    expect(enabledOfferingItems.toWire(held)).to.deep.equal([
      {
        application_id: app,
        name: "storage",
        infra_id: infra,
        status: 1,
        quota: { value: 5, overage: null },
      },
    ]);
    expect(enabledOfferingItems.toWire([{ name: "seats", applicationId: app }])).to.deep.equal([
      { application_id: app, name: "seats", status: 1 },
    ]);
    expect(offeringItemWrite({ name: "seats", applicationId: app }, 0)).to.deep.equal({
      application_id: app,
      name: "seats",
      status: 0,
    });
    const current: OfferingItem[] = [
      {
        application_id: app,
        name: "storage",
        infra_id: infra,
        status: 1,
        quota: { value: 7, overage: 9, version: 3 },
      },
      { application_id: app, name: "seats", status: 1 },
      { application_id: app, name: "servers", status: 0 },
    ];
    expect(
      enabledOfferingItems.fromWire(current, [{ name: "storage", applicationId: app, quota: {} }]),
    ).to.deep.equal([
      { name: "storage", applicationId: app, infraId: infra, quota: { value: 7, overage: 9 } },
    ]);
    expect(enabledOfferingItems.fromWire(current)).to.deep.equal([
      { name: "seats", applicationId: app, quota: { value: null, overage: null } },
      { name: "storage", applicationId: app, infraId: infra, quota: { value: 7, overage: 9 } },
    ]);
    expect(enabledOfferingItems.fromWire(current, [{ name: "servers", applicationId: app }])).to.deep.equal(
      [],
    );
  });
});
