import { expect } from "chai";
import fc from "fast-check";
import type { ResourceSpec, ValueSpec } from "../../provider/core/spec";
import {
  fromWire,
  getPath,
  givenKeys,
  identity,
  listOrEmpty,
  setPath,
  text,
  toWire,
  zeroOne,
} from "../../provider/core/wire";
import { resourceSpecs } from "../../provider/specs";

const spec: ResourceSpec = {
  type: "Example",
  module: "acronis",
  entry: "example",
  doc: "An example.",
  id: "Its id.",
  properties: {
    name: { value: { type: "string" }, doc: "Name.", wire: { path: "name" } },
    email: { value: { type: "string" }, doc: "E-mail.", wire: { path: "contact.email" } },
    active: { value: { type: "boolean" }, doc: "Active.", wire: { path: "is_active", codec: zeroOne } },
    once: {
      value: { type: "boolean" },
      doc: "Once.",
      wire: { path: "settings.once", write: "create", read: false },
    },
    paused: { value: { type: "boolean" }, doc: "Paused.", wire: { path: "paused", write: "update" } },
    mode: { value: { type: "string" }, doc: "Mode.", wire: { path: "mode", write: "never" } },
    policy: { value: { type: "string" }, doc: "Not an API field." },
  },
};

describe("wire mapping", () => {
  it("writes the mapped inputs at their paths, through their codecs, per stage", () => {
    const inputs = {
      name: "a",
      email: "a@example.com",
      active: true,
      once: true,
      paused: false,
      mode: "x",
      policy: "p",
    };
    expect(toWire(spec, inputs, "create")).to.deep.equal({
      name: "a",
      contact: { email: "a@example.com" },
      is_active: 1,
      settings: { once: true },
    });
    expect(toWire(spec, inputs, "update")).to.deep.equal({
      name: "a",
      contact: { email: "a@example.com" },
      is_active: 1,
      paused: false,
    });
    expect(toWire(spec, inputs, "update", ["name"])).to.deep.equal({ name: "a" });
    expect(toWire(spec, {}, "create")).to.deep.equal({});
  });

  it("reads every mapped property from the API object; one no answer holds keeps the given value", () => {
    const api = {
      name: "a",
      contact: { email: null },
      is_active: 0,
      paused: true,
      mode: "m",
      settings: { once: false },
    };
    expect(fromWire(spec, api, { once: true })).to.deep.equal({
      name: "a",
      email: undefined,
      active: false,
      once: true,
      paused: true,
      mode: "m",
    });
  });

  it("codecs: text reads a missing field as empty; given keys reads only the keys the program gives", () => {
    expect(text.fromWire(undefined)).to.equal("");
    const contact = givenKeys(["email", "city"]);
    expect(contact.fromWire({ email: "e@x.org", city: "Oslo" }, { email: "" })).to.deep.equal({
      email: "e@x.org",
    });
    expect(contact.fromWire({}, { city: "Rome" })).to.deep.equal({ city: "" });
    expect(contact.fromWire({ city: "Oslo", fax: "1" })).to.deep.equal({ city: "Oslo" });
    expect(contact.fromWire(undefined)).to.equal(undefined);
    expect(identity.fromWire(null)).to.equal(undefined);
    expect(zeroOne.fromWire("1")).to.equal(true);
  });

  it("codecs: a list answered as null or left out (Acronis redirect URIs, HCP recipients) reads as []", () => {
    expect(listOrEmpty.toWire(["https://a.example"])).to.deep.equal(["https://a.example"]);
    expect(listOrEmpty.toWire(undefined)).to.equal(undefined);
    expect(listOrEmpty.fromWire(["https://a.example"])).to.deep.equal(["https://a.example"]);
    expect(listOrEmpty.fromWire([{ address: "a@b.org" }])).to.deep.equal([{ address: "a@b.org" }]);
    expect(listOrEmpty.fromWire(null)).to.deep.equal([]);
    expect(listOrEmpty.fromWire(undefined)).to.deep.equal([]);
  });

  it("a value set at a dotted path is the value got from it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z_]{1,8}$/), { minLength: 1, maxLength: 4 }),
        fc.jsonValue(),
        (steps, value) => {
          const object: Record<string, unknown> = {};
          setPath(object, steps.join("."), value);
          expect(getPath(object, steps.join("."))).to.deep.equal(value);
        },
      ),
    );
  });

  it("every spec's mapped properties come back as they went: fromWire(toWire(x)) = x", () => {
    for (const resource of resourceSpecs) {
      const mapped = Object.entries(resource.properties).filter(([, p]) => p.wire && p.wire.read !== false);
      const written = (stage: string) =>
        mapped.filter(([, p]) => (p.wire?.write ?? "always") === "always" || p.wire?.write === stage);
      for (const stage of ["create", "update"] as const) {
        const keys = written(stage).map(([key]) => key);
        if (keys.length === 0) continue;
        const inputs = fc.record(
          Object.fromEntries(written(stage).map(([key, p]) => [key, arbitrary(p.value)])),
        );
        fc.assert(
          fc.property(inputs, (x) => {
            const back = fromWire(resource, toWire(resource, x, stage), x);
            // Compared as the plan compares them: a quota sent in HCP's form is the same quota.
            const asPlanned = (values: Record<string, unknown>) =>
              Object.fromEntries(keys.map((k) => [k, (resource.properties[k].normalise ?? same)(values[k])]));
            expect(asPlanned(back), resource.type).to.deep.equal(asPlanned(x));
          }),
          { numRuns: 50 },
        );
      }
    }
  });
});

const same = (value: unknown) => value;

/** Values of a value spec (bounds aside: the mapping does not look at them). */
function arbitrary(value: ValueSpec): fc.Arbitrary<unknown> {
  switch (value.type) {
    case "string":
      return value.enum ? fc.constantFrom(...value.enum) : fc.string({ minLength: 1 });
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: 0 });
    case "array":
      return fc.array(arbitrary(value.items));
    case "object":
      return fc.record(
        Object.fromEntries(Object.entries(value.fields).map(([k, f]) => [k, arbitrary(f.value)])),
        {
          requiredKeys: [],
        },
      );
    case "custom":
      return fc.constant("custom");
  }
}
