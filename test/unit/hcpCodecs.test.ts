import { expect } from "chai";
import { givenMembers, permissionSet, spelledAs, upperCaseRoles } from "../../provider/hcp/codecs";
import { elementShape } from "../../provider/hcp/elements";
import { hcpConsoleSecuritySpec } from "../../provider/hcp/specs/hcpConsoleSecurity";
import { hcpTenantEmailNotificationSpec } from "../../provider/hcp/specs/hcpTenantEmailNotification";

describe("HCP codecs", () => {
  it("sends roles in upper case and reads them as HCP holds them", () => {
    expect(upperCaseRoles.toWire(["monitor", "Security"])).to.deep.equal(["MONITOR", "SECURITY"]);
    expect(upperCaseRoles.toWire(undefined)).to.equal(undefined);
    expect(upperCaseRoles.fromWire(["MONITOR"])).to.deep.equal(["MONITOR"]);
    expect(upperCaseRoles.fromWire(null)).to.equal(undefined);
  });

  it("reads only the members the program gives, or the whole structure when it gives none", () => {
    const held = { allowAddresses: ["10.0.0.0/8"], denyAddresses: [], allowIfInBothLists: true };
    expect(givenMembers.fromWire(held, { denyAddresses: ["1.2.3.4"] })).to.deep.equal({ denyAddresses: [] });
    expect(givenMembers.fromWire(undefined, { allowIfInBothLists: false })).to.deep.equal({
      allowIfInBothLists: undefined,
    });
    expect(givenMembers.fromWire(held)).to.deep.equal(held);
    expect(givenMembers.toWire({ from: "a" })).to.deep.equal({ from: "a" });
  });

  it("sends an enumeration in the reference's spelling, anything else as given", () => {
    const usage = spelledAs(["Balanced", "Unbalanced", "Default"]);
    expect(usage.toWire("UNBALANCED")).to.equal("Unbalanced");
    expect(usage.toWire("other")).to.equal("other");
    expect(usage.fromWire("Balanced")).to.equal("Balanced");
  });

  it("sends each permission once and reads the mask sorted", () => {
    expect(permissionSet.toWire(["READ", "WRITE", "READ"])).to.deep.equal(["READ", "WRITE"]);
    expect(permissionSet.fromWire(["WRITE", "DELETE", "READ"])).to.deep.equal(["DELETE", "READ", "WRITE"]);
    expect(permissionSet.fromWire(undefined)).to.equal(undefined);
  });

  it("shapes documents from their specs: HCP's misspelt element, structures and lists of structures", () => {
    const console = elementShape(hcpConsoleSecuritySpec);
    expect(console.automaticUserAccoutUnlockDuration).to.equal("integer");
    expect(console).not.to.have.property("automaticUserAccountUnlockDuration");
    expect(console.ipSettings).to.deep.equal({
      allowAddresses: "strings",
      denyAddresses: "strings",
      allowIfInBothLists: "boolean",
    });
    expect(elementShape(hcpTenantEmailNotificationSpec)).to.deep.equal({
      enabled: "boolean",
      emailTemplate: { from: "string", subject: "string", body: "string" },
      recipients: [{ address: "string", importance: "string", severity: "string", type: "string" }],
    });
  });
});
