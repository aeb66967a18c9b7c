import { expect } from "chai";
import * as fc from "fast-check";
import {
  claimOf,
  isMark,
  markedOwner,
  markedResource,
  markPrefix,
  ownershipMark,
  resourceMarks,
} from "../../provider/core/ownership";

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

  it("claims: this resource's mark, another resource's of this stack, another stack's, or none at all", () => {
    const marks = resourceMarks({ __owner: "estate/prod", __resourceName: "alpha" }, { maxLength: 256 });
    const other = resourceMarks({ __owner: "estate/prod", __resourceName: "beta" }, { maxLength: 256 });
    expect(marks?.ours).to.equal("tenant-estates:estate/prod@alpha");
    expect(claimOf(marks?.ours, marks)).to.equal("ours");
    expect(claimOf(other?.ours, marks)).to.equal("another resource");
    expect(markedResource(other?.ours as string)).to.equal("beta");
    expect(claimOf(ownershipMark("estate/dev", 256), marks)).to.equal("another stack");
    expect(claimOf("crm-7", marks)).to.equal("unmarked");
    expect(claimOf(null, marks)).to.equal("unmarked");
    expect(claimOf(marks?.ours, undefined)).to.equal("another stack");
  });

  it("recognise the stack-only mark earlier releases wrote as this resource's, for stored stacks", () => {
    const marks = resourceMarks({ __owner: "estate/prod", __resourceName: "u" }, { maxLength: 255 }, "bob");
    expect(claimOf("tenant-estates:estate/prod#bob", marks)).to.equal("ours");
    expect(claimOf("tenant-estates:estate/prod#eve", marks)).to.equal("another resource");
  });

  it("hashed marks still tell this stack's other resources from other stacks", () => {
    const owner = `${"p".repeat(40)}/${"s".repeat(30)}`;
    const field = { maxLength: 64, tag: true };
    const marks = resourceMarks({ __owner: owner, __resourceName: "a" }, field);
    const other = resourceMarks({ __owner: owner, __resourceName: "b" }, field);
    const stranger = resourceMarks({ __owner: `${owner}x`, __resourceName: "a" }, field);
    expect(marks?.ours.length).to.be.at.most(64);
    expect(claimOf(other?.ours, marks)).to.equal("another resource");
    expect(claimOf(stranger?.ours, marks)).to.equal("another stack");
  });
});
