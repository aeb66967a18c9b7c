import { expect } from "chai";
import { enabledStatus } from "../../provider/acronis/codecs";

describe("Acronis codecs", () => {
  it("enabled as status: true and false go as enabled and disabled; only enabled reads as true", () => {
    expect(enabledStatus.toWire(true)).to.equal("enabled");
    expect(enabledStatus.toWire(false)).to.equal("disabled");
    expect(enabledStatus.toWire(undefined)).to.equal(undefined);
    expect(enabledStatus.fromWire("enabled")).to.equal(true);
    expect(enabledStatus.fromWire("disabled")).to.equal(false);
    expect(enabledStatus.fromWire(undefined)).to.equal(false);
  });
});
