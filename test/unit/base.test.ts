import { expect } from "chai";
import { unknownValue } from "../../provider/core/normalise";
import {
  diffProperties,
  PartialCreateError,
  type PropertyRules,
  readResult,
} from "../../provider/core/resource";
import { Validator } from "../../provider/core/validate";

const rules: PropertyRules = {
  name: {},
  parentId: { replaces: true },
  roles: { normalise: (v) => [...(v as string[])].sort() },
  password: { createOnly: true },
};

describe("diffProperties", () => {
  it("reports no change when every managed key is equal after normalising", () => {
    const olds = { name: "a", parentId: "p", roles: ["y", "x"], password: "old", tenantId: "computed" };
    expect(
      diffProperties(olds, { name: "a", parentId: "p", roles: ["x", "y"], password: "new" }, rules),
    ).to.deep.equal({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("asks for replacement only for keys that cannot change in place", () => {
    const result = diffProperties({ name: "a", parentId: "p" }, { name: "b", parentId: "q" }, rules);
    expect(result.changes).to.equal(true);
    expect(result.replaces).to.deep.equal(["parentId"]);
  });

  it("deletes before replacing only when a replaced key says so", () => {
    const unique: PropertyRules = { ...rules, login: { replaces: true, deleteBeforeReplace: true } };
    const olds = { name: "a", parentId: "p", login: "jd" };
    expect(diffProperties(olds, { name: "a", parentId: "p", login: "jd2" }, unique)).to.deep.equal({
      changes: true,
      replaces: ["login"],
      deleteBeforeReplace: true,
    });
    expect(diffProperties(olds, { name: "a", parentId: "q", login: "jd" }, unique)).to.deep.equal({
      changes: true,
      replaces: ["parentId"],
      deleteBeforeReplace: false,
    });
    const inPlace: PropertyRules = { name: { deleteBeforeReplace: true } };
    expect(diffProperties({ name: "a" }, { name: "b" }, inPlace).deleteBeforeReplace).to.equal(false);
  });

  it("treats an unknown value as a change", () => {
    expect(diffProperties({ name: "a" }, { name: unknownValue }, rules).changes).to.equal(true);
  });

  it("leaves keys absent from the program unmanaged", () => {
    expect(diffProperties({ name: "a", parentId: "p" }, { name: "a" }, rules).changes).to.equal(false);
  });
});

describe("readResult", () => {
  it("returns refreshed inputs only for keys the resource had, keeping create-only ones", () => {
    const result = readResult("id1", { name: "drifted", parentId: "p", tenantId: "t" }, rules, {
      name: "a",
      password: "s",
      tenantId: "t",
    });
    expect(result).to.deep.equal({
      id: "id1",
      props: { name: "drifted", parentId: "p", tenantId: "t" },
      inputs: { name: "drifted", password: "s" },
    });
  });
});

describe("PartialCreateError", () => {
  it("carries the id and the outputs with the provider reference, so the engine keeps tracking the object", () => {
    const err = new PartialCreateError(
      "t1",
      { name: "a", gone: undefined },
      { __provider: "code" },
      new Error("step 2 failed"),
    );
    expect(err.id).to.equal("t1");
    expect(err.properties).to.deep.equal({ name: "a", __provider: "code" });
    expect(err.reasons).to.deep.equal(["step 2 failed"]);
  });
});

describe("Validator", () => {
  it("names the property and the rule", () => {
    const failures = new Validator({ n: 5, e: "nope", u: "x", k: 3 })
      .string("n")
      .email("e")
      .uuid("u")
      .integer("k", { min: 10 })
      .string("missing", { required: true }).failures;
    expect(failures).to.deep.equal([
      { property: "n", reason: "n must be a string, got number 5" },
      { property: "e", reason: 'e must be an e-mail address, got "nope"' },
      { property: "u", reason: 'u must be a UUID, got "x"' },
      { property: "k", reason: "k must be at least 10, got 3" },
      { property: "missing", reason: "missing is required" },
    ]);
  });

  it("lets values unknown at preview pass", () => {
    expect(new Validator({ u: unknownValue }).uuid("u", { required: true }).failures).to.deep.equal([]);
  });

  it("rejects unknown keys, naming them", () => {
    expect(new Validator({ nmae: "x", __provider: "p" }).knownKeys(["name"]).failures[0].property).to.equal(
      "nmae",
    );
  });
});
