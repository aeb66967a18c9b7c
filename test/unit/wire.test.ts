import { expect } from "chai";
import fc from "fast-check";
import type { ResourceSpec, ValueSpec } from "../../provider/core/spec";
import {
  type Codec,
  fromWire,
  getPath,
  givenKeys,
  identity,
  listOrEmpty,
  mappedProperties,
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

  it("reads a property where answers hold it (readPath), written at its path", () => {
    const flag: Codec = {
      name: "flag answered as status",
      toWire: (value) => value,
      fromWire: (value) => (typeof value === "string" ? value === "on" : undefined),
      answered: (written) => (written ? "on" : "off"),
    };
    const switched: ResourceSpec = {
      ...spec,
      properties: {
        on: {
          value: { type: "boolean" },
          doc: "On.",
          wire: { path: "on", readPath: "state.now", codec: flag },
        },
      },
    };
    expect(toWire(switched, { on: false })).to.deep.equal({ on: false });
    expect(fromWire(switched, { on: false, state: { now: "on" } })).to.deep.equal({ on: true });
    expect(fromWire(switched, { on: true })).to.deep.equal({ on: undefined });
    expect(mappedProperties(spec).map(([, wire]) => wire.readPath)).to.deep.equal(
      mappedProperties(spec).map(([, wire]) => wire.path),
    );
  });

  it("codecs see the resource's other values: the inputs written, the given values read", () => {
    const tagged: Codec = {
      name: "tags naming their owner",
      toWire: (value, context) => (value as string[]).map((tag) => ({ tag, owner: context?.owner })),
      fromWire: (value, _given, context) =>
        (value as { tag: string; owner: string }[])
          .filter((t) => t.owner === context?.owner)
          .map((t) => t.tag),
    };
    const owned: ResourceSpec = {
      ...spec,
      properties: {
        owner: { value: { type: "string" }, doc: "Owner." },
        tags: {
          value: { type: "array", items: { type: "string" } },
          doc: "Tags.",
          wire: { path: "tags", codec: tagged },
        },
      },
    };
    expect(toWire(owned, { owner: "u1", tags: ["a", "b"] })).to.deep.equal({
      tags: [
        { tag: "a", owner: "u1" },
        { tag: "b", owner: "u1" },
      ],
    });
    const answer = {
      tags: [
        { tag: "a", owner: "u1" },
        { tag: "z", owner: "u2" },
      ],
    };
    expect(fromWire(owned, answer, { owner: "u1" })).to.deep.equal({ tags: ["a"] });
    expect(fromWire(owned, answer, { owner: "u2" })).to.deep.equal({ tags: ["z"] });
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
        // Every value of the resource: a codec may read the others (a user's roles name the user and its tenant).
        const values = fc.record(
          Object.fromEntries(
            Object.entries(resource.properties).map(([key, p]) => [key, arbitrary(p.value)]),
          ),
        );
        fc.assert(
          fc.property(values, (x) => {
            // A value the spec's own comparison does not hold equal to itself (an item named twice) is no input.
            fc.pre(keys.every((k) => resource.properties[k].equals?.(x[k], x[k]) ?? true));
            const back = fromWire(resource, answerTo(resource, toWire(resource, x, stage)), x);
            for (const k of keys) {
              const { equals, normalise = same } = resource.properties[k];
              // Compared as the plan compares them: a quota sent in HCP's form is the same quota.
              if (equals) expect(equals(back[k], x[k]), `${resource.type}.${k}`).to.equal(true);
              else expect(normalise(back[k]), `${resource.type}.${k}`).to.deep.equal(normalise(x[k]));
            }
          }),
          { numRuns: 50 },
        );
      }
    }
  });
});

/**
 * The API's answer to a body: what was written, and where a property is answered elsewhere (`readPath`),
 * the value its codec says answers hold there.
 */
function answerTo(resource: ResourceSpec, body: Record<string, unknown>): Record<string, unknown> {
  const answer = structuredClone(body);
  for (const [key, wire] of mappedProperties(resource)) {
    if (wire.readPath === wire.path) continue;
    if (!wire.codec.answered)
      throw new Error(`${resource.type}.${key}: a readPath needs its codec's answered`);
    setPath(answer, wire.readPath, wire.codec.answered(getPath(body, wire.path)));
  }
  return answer;
}

const same = (value: unknown) => value;

/** Values of a value spec (bounds aside: the mapping does not look at them). */
function arbitrary(value: ValueSpec): fc.Arbitrary<unknown> {
  switch (value.type) {
    case "string":
      return value.enum ? fc.constantFrom(...value.enum) : fc.string({ minLength: 1 });
    case "boolean":
      return fc.boolean();
    case "integer":
      return value.nullable ? fc.option(fc.integer({ min: 0 }), { nil: null }) : fc.integer({ min: 0 });
    case "array":
      return fc.array(arbitrary(value.items));
    case "object":
      return fc.record(
        Object.fromEntries(Object.entries(value.fields).map(([k, f]) => [k, arbitrary(f.value)])),
        { requiredKeys: Object.keys(value.fields).filter((k) => value.fields[k].required) },
      );
    case "custom":
      return fc.constant("custom");
  }
}
