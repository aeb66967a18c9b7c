import { expect } from "chai";
import fc from "fast-check";
import { customerTenantSpec } from "../../provider/acronis/specs/customerTenant";
import { userSpec } from "../../provider/acronis/specs/user";
import { diffProperties } from "../../provider/core/resource";
import { propertyRules, type ResourceSpec, validateInputs } from "../../provider/core/spec";
import { resourceSpecs } from "../../provider/specs";

const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const spec: ResourceSpec = {
  type: "Example",
  module: "acronis",
  entry: "example",
  doc: "An example.",
  id: "Its key.",
  properties: {
    key: { value: { type: "string", minLength: 1 }, required: true, replaces: "deleteFirst", doc: "Key." },
    owner: { value: { type: "string", format: "uuid" }, replaces: "createFirst", doc: "Owner." },
    size: { value: { type: "integer", min: 1, max: 10 }, doc: "Size." },
    once: { value: { type: "boolean" }, createOnly: true, doc: "Once." },
    secret: { value: { type: "string" }, secret: true, notCompared: true, doc: "Secret." },
    items: {
      value: {
        type: "array",
        items: {
          type: "object",
          typeName: "Item",
          doc: "An item.",
          fields: { name: { value: { type: "string", enum: ["a", "b"] }, required: true, doc: "Name." } },
        },
      },
      doc: "Items.",
    },
    state: { role: "output", value: { type: "string" }, doc: "Output only." },
  },
  check(v, news) {
    if (news.size === 7) v.fail("size", "size must not be 7");
  },
};

describe("resource specs", () => {
  it("validate every input, nested ones by path, and refuse unknown keys and outputs given as inputs", () => {
    const failures = validateInputs(
      spec,
      {},
      {
        size: 11,
        items: [{ name: "a" }, { name: "c", extra: 1 }],
        state: "x",
      },
    );
    expect(failures.map((f) => f.reason)).to.deep.equal([
      "state is not a known property (known: key, owner, size, once, secret, items, account)",
      "key is required",
      "size must be at most 10, got 11",
      "items[1].extra is not a known property (known: name)",
      'items[1].name must be one of a, b, got "c"',
    ]);
    expect(validateInputs(spec, {}, { key: "k", size: 7 }).map((f) => f.property)).to.deep.equal(["size"]);
  });

  it("let values unknown at preview pass", () => {
    expect(
      validateInputs(spec, {}, { key: unknown, owner: unknown, size: unknown, items: unknown }),
    ).to.deep.equal([]);
  });

  it("derive diff rules: replace semantics, create-only and credentials never compared", () => {
    const rules = propertyRules(spec);
    const olds = { key: "k", owner: "o", size: 1, once: true, secret: "s" };
    expect(diffProperties(olds, { ...olds, once: false, secret: "t" }, rules)).to.deep.equal({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffProperties(olds, { ...olds, owner: "p" }, rules)).to.deep.equal({
      changes: true,
      replaces: ["owner"],
      deleteBeforeReplace: false,
    });
    expect(diffProperties(olds, { ...olds, key: "l", size: 2 }, rules)).to.deep.equal({
      changes: true,
      replaces: ["key"],
      deleteBeforeReplace: true,
    });
  });

  it("compare only what the program sets (property)", () => {
    const rules = propertyRules(spec);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (held, wanted) => {
        const diff = diffProperties({ key: "k", size: held }, { key: "k", size: wanted }, rules);
        const unmanaged = diffProperties({ key: "k", size: held }, { key: "k" }, rules);
        return diff.changes === (held !== wanted) && unmanaged.changes === false;
      }),
    );
  });

  it("compare a deletion policy left out of the program as its default, so dropping `delete` is planned", () => {
    const rules = propertyRules(customerTenantSpec);
    const base = { name: "A", parentId: "p" };
    expect(diffProperties({ ...base, deletionPolicy: "delete" }, base, rules).changes).to.equal(true);
    expect(diffProperties(base, base, rules).changes).to.equal(false);
    expect(diffProperties(base, { ...base, deletionPolicy: "disable" }, rules).changes).to.equal(false);
    expect(diffProperties(base, { ...base, deletionPolicy: "delete" }, rules).changes).to.equal(true);
  });

  it("compare logins case-insensitively, as the platform does: no replacement for a change of case", () => {
    const rules = propertyRules(userSpec);
    const held = { tenantId: "t", login: "Bob", contact: { email: "b@example.com" } };
    expect(diffProperties(held, { ...held, login: "bob" }, rules)).to.deep.include({
      changes: false,
      replaces: [],
    });
    expect(diffProperties(held, { ...held, login: "rob" }, rules)).to.deep.include({ replaces: ["login"] });
  });

  it("name each resource once, and every replaced property says how it is replaced", () => {
    const types = resourceSpecs.map((s) => s.type);
    expect(new Set(types).size).to.equal(types.length);
    for (const s of resourceSpecs) {
      for (const [name, p] of Object.entries(s.properties)) {
        expect(p.doc, `${s.type}.${name} has documentation`).to.not.equal("");
        if (p.role === "output") expect(p.replaces, `${s.type}.${name}`).to.equal(undefined);
      }
    }
  });
});
