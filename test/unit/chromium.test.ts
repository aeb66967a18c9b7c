import { expect } from "chai";
import { chromiumPath } from "../../scripts/chromium";

describe("the Chromium the browser tests drive", () => {
  it("is TENANT_ESTATES_CHROMIUM when it names an executable", () => {
    expect(chromiumPath({ TENANT_ESTATES_CHROMIUM: process.execPath })).to.equal(process.execPath);
  });

  it("fails saying how to install one when the setting names no executable", () => {
    expect(() => chromiumPath({ TENANT_ESTATES_CHROMIUM: "/nowhere/chrome" })).to.throw(
      "TENANT_ESTATES_CHROMIUM names /nowhere/chrome, not an executable: install Debian's chromium " +
        "(sudo apt-get install -y --no-install-recommends chromium) or set TENANT_ESTATES_CHROMIUM to a Chromium or Chrome executable",
    );
  });
});
