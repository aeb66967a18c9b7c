import { expect } from "chai";
import { enabledStatus, listOrEmpty } from "../../provider/acronis/codecs";

describe("Acronis codecs", () => {
  it("enabled as status: true and false go as enabled and disabled; only enabled reads as true", () => {
    expect(enabledStatus.toWire(true)).to.equal("enabled");
    expect(enabledStatus.toWire(false)).to.equal("disabled");
    expect(enabledStatus.toWire(undefined)).to.equal(undefined);
    expect(enabledStatus.fromWire("enabled")).to.equal(true);
    expect(enabledStatus.fromWire("disabled")).to.equal(false);
    expect(enabledStatus.fromWire(undefined)).to.equal(false);
  });

  it("list, none as empty: a list goes as it is; null or none reads as []", () => {
    expect(listOrEmpty.toWire(["https://a.example"])).to.deep.equal(["https://a.example"]);
    expect(listOrEmpty.toWire(undefined)).to.equal(undefined);
    expect(listOrEmpty.fromWire(["https://a.example"])).to.deep.equal(["https://a.example"]);
    expect(listOrEmpty.fromWire(null)).to.deep.equal([]);
    expect(listOrEmpty.fromWire(undefined)).to.deep.equal([]);
  });
});
