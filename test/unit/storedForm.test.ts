import { expect } from "chai";
import fc from "fast-check";
import type { HeldItem, WantedItem } from "../../provider/acronis/offeringItemMatch";
import { offeringItemsSpec } from "../../provider/acronis/specs/offeringItems";
import { itemsByName, wantedFormOf, wantedItems } from "../../provider/acronis/specs/offeringItemsByName";
import { guarded } from "../../provider/core/guard";
import { unknownValue } from "../../provider/core/normalise";
import type { PropertyRules } from "../../provider/core/resource";
import { keepWriteOnlyOutputs, unchangedOutputs, withWriteOnlyInputs } from "../../provider/core/storedForm";

const rules: PropertyRules = {
  name: {},
  adopt: { createOnly: true },
  initialUserPassword: { createOnly: true },
};

describe("stored form: what create and update store is what a refresh finds", () => {
  it("create and update keep the create-only inputs given in the outputs, as given", () => {
    expect(
      withWriteOnlyInputs(rules, { name: "a", adopt: true, initialUserPassword: "pw" }, { name: "a" }),
    ).to.deep.equal({ name: "a", adopt: true, initialUserPassword: "pw" });
    expect(withWriteOnlyInputs(rules, { name: "a", adopt: false }, { name: "a", adopt: true })).to.deep.equal(
      {
        name: "a",
        adopt: false,
      },
    );
    expect(withWriteOnlyInputs(rules, { name: "b" }, { name: "a" })).to.deep.equal({ name: "a" });
    expect(withWriteOnlyInputs(rules, { adopt: true }, undefined)).to.equal(undefined);
  });

  it("a read keeps the create-only values of the previous outputs, which no API answer holds", () => {
    const previous = { __provider: "p", name: "a", adopt: true, initialUserPassword: "pw" };
    expect(keepWriteOnlyOutputs(rules, previous, { name: "b" })).to.deep.equal({
      name: "b",
      adopt: true,
      initialUserPassword: "pw",
    });
  });

  it("outputs are unchanged when equal but for the provider's code and key order", () => {
    expect(unchangedOutputs({ __provider: "p", a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).to.equal(true);
    expect(unchangedOutputs({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).to.equal(false);
    expect(unchangedOutputs({ a: 1 }, { a: 1, c: false })).to.equal(false);
  });
});

describe("stored form: a refresh that finds the object as stored leaves the stored inputs alone", () => {
  const offeringItems = (answer: object) =>
    guarded({
      spec: offeringItemsSpec,
      create: async () => ({ id: "t" }),
      read: async (id) => ({ id, props: answer, inputs: { items: [] } }),
    });
  const stored = { __provider: "p", tenantId: "t", items: [{ name: "a", applicationId: "x" }], adopt: true };

  it("answers no inputs (the engine keeps its own) and the outputs as stored, create-only values included", async () => {
    const read = await offeringItems({ tenantId: "t", items: [{ name: "a", applicationId: "x" }] }).read?.(
      "t",
      stored,
    );
    expect(read).to.deep.equal({
      id: "t",
      props: { tenantId: "t", items: [{ name: "a", applicationId: "x" }], adopt: true },
    });
  });

  it("answers the refreshed inputs when the object drifted", async () => {
    const read = await offeringItems({ tenantId: "t", items: [] }).read?.("t", stored);
    expect(read?.inputs).to.deep.equal({ items: [] });
    expect(read?.props).to.deep.equal({ tenantId: "t", items: [], adopt: true });
  });
});

describe("offering items keyed by name in the stored inputs", () => {
  const item = fc.record(
    {
      name: fc.constantFrom("storage", "workstations", "servers", "mobiles"),
      infraId: fc.constantFrom("i1", "i2"),
      quota: fc.record({ value: fc.nat(), overage: fc.option(fc.nat(), { nil: null }) }),
    },
    { requiredKeys: ["name"] },
  );

  it("keys each item by its name (with application and infrastructure where given), in name order", () => {
    expect(
      itemsByName([
        { name: "workstations", quota: { value: 25 } },
        { name: "storage", infraId: "i2" },
        { name: "servers" },
      ]),
    ).to.deep.equal({
      servers: { name: "servers" },
      "storage/i2": { name: "storage", infraId: "i2" },
      workstations: { name: "workstations", quota: { value: 25 } },
    });
    expect(Object.keys(itemsByName([{ name: "b" }, { name: "a" }]) as object)).to.deep.equal(["a", "b"]);
  });

  it("leaves a list as it is when an item is not known yet or two items share a key", () => {
    const unknownName = [{ name: unknownValue }, { name: "storage" }];
    expect(itemsByName(unknownName)).to.equal(unknownName);
    expect(itemsByName(unknownValue)).to.equal(unknownValue);
    const twice = [{ name: "storage" }, { name: "storage" }];
    expect(itemsByName(twice)).to.equal(twice);
  });

  it("gives back the wanted items from either form, the same set in any listing order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (i) => `${i.name}/${i.infraId}` }),
        (items: WantedItem[]) => {
          const keyed = itemsByName(items);
          const byLabel = (a: WantedItem, b: WantedItem) =>
            JSON.stringify(a).localeCompare(JSON.stringify(b));
          expect([...wantedItems(keyed)].sort(byLabel)).to.deep.equal([...items].sort(byLabel));
          expect(itemsByName([...items].reverse())).to.deep.equal(keyed);
        },
      ),
    );
    expect(wantedItems(unknownValue)).to.deep.equal([]);
  });

  it("says what a tenant holds as a program would list it: infrastructure only where a name is shared", () => {
    const held: HeldItem[] = [
      { name: "workstations", applicationId: "app", quota: { value: 5, overage: null } },
      { name: "storage", applicationId: "app", infraId: "i1" },
      { name: "storage", applicationId: "app", infraId: "i2" },
    ];
    expect(wantedFormOf(held)).to.deep.equal([
      { name: "workstations", quota: { value: 5, overage: null } },
      { name: "storage", applicationId: "app", infraId: "i1" },
      { name: "storage", applicationId: "app", infraId: "i2" },
    ]);
  });
});
