import { expect } from "chai";
import { staleFiles } from "../../scripts/generate/main";

describe("generated files", function () {
  this.timeout(60_000);

  it("the SDK classes, schema.json and docs/resources.md are what the resource specs generate", () => {
    // `npm run generate` writes them anew.
    expect(staleFiles()).to.deep.equal([]);
  });
});
