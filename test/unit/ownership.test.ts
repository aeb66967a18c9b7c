import { expect } from "chai";
import * as fc from "fast-check";
import { claimOf, isMark, markedOwner, markPrefix, ownershipMark } from "../../provider/core/ownership";

describe("ownership marks", () => {
  it("are readable when they fit, and name the stack", () => {
    expect(ownershipMark("estate/prod", 64)).to.equal("tenant-estates:estate/prod");
    expect(ownershipMark("estate/prod", 255, "bob")).to.equal("tenant-estates:estate/prod#bob");
    expect(markedOwner("tenant-estates:estate/prod#bob")).to.equal("stack estate/prod");
  });

  it("always fit the field, stay marks, and tell owners and objects apart", () => {
    const owner = fc.stringMatching(/^[a-z0-9-]{1,80}\/[a-z0-9.-]{1,80}$/);
    fc.assert(
      fc.property(
        owner,
        owner,
        fc.integer({ min: 40, max: 256 }),
        fc.string({ maxLength: 40 }),
        (a, b, max, login) => {
          const mark = ownershipMark(a, max, login);
          expect(mark.length).to.be.at.most(max);
          expect(isMark(mark)).to.equal(true);
          expect(mark.startsWith(markPrefix)).to.equal(true);
          expect(ownershipMark(a, max, login)).to.equal(mark);
          if (a !== b) expect(ownershipMark(b, max, login)).to.not.equal(mark);
        },
      ),
    );
  });

  it("claims: this stack's mark, another's, or none at all", () => {
    const ours = ownershipMark("estate/prod", 256);
    expect(claimOf(ours, ours)).to.equal("ours");
    expect(claimOf(ownershipMark("estate/dev", 256), ours)).to.equal("another stack");
    expect(claimOf("crm-7", ours)).to.equal("unmarked");
    expect(claimOf(null, ours)).to.equal("unmarked");
    expect(claimOf(ours, undefined)).to.equal("another stack");
  });
});
