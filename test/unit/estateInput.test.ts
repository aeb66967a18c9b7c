import { expect } from "chai";
import fc from "fast-check";
import { LineCounter, parseDocument, stringify } from "yaml";
import { type Estate, maxEstateBytes, propertyName, slug } from "../../sdk/estate";
import { estateProblems } from "../support/estateProblems";

type Path = (string | number)[];

/** A valid estate: customers (some with users and quotas), a partner with customers, HCP tenants. */
const validEstate: fc.Arbitrary<Estate> = fc
  .record({
    customers: fc.array(
      fc.record({
        users: fc.integer({ min: 0, max: 2 }),
        quota: fc.option(fc.nat({ max: 1_000_000 }), { nil: undefined }),
        twoFactor: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    partnerCustomers: fc.integer({ min: 0, max: 2 }),
    hcpTenants: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ customers, partnerCustomers, hcpTenants }) => ({
    acronis: {
      customers: customers.map((c, i) => ({
        key: `c${i}`,
        name: `Customer ${i}`,
        twoFactor: c.twoFactor,
        offeringItems: [{ name: "workstations", quota: { value: c.quota ?? 5, overage: null } }],
        users: Array.from({ length: c.users }, (_, j) => ({
          login: `user${i}x${j}`,
          email: `user${i}x${j}@example.com`,
          firstname: "Ada",
        })),
      })),
      partners: [
        {
          key: "p0",
          name: "Partner 0",
          customers: Array.from({ length: partnerCustomers }, (_, i) => ({
            key: `pc${i}`,
            name: `Inner ${i}`,
          })),
        },
      ],
    },
    hcp: {
      tenants: Array.from({ length: hcpTenants }, (_, j) => ({
        key: `t${j}`,
        name: `tenant${j}`,
        hardQuota: "10 GB",
        softQuota: 80,
      })),
    },
  }));

/** Paths of every value of the estate the predicate picks. */
function paths(value: unknown, pick: (key: string | number, v: unknown) => boolean, at: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const key = Array.isArray(value) ? Number(k) : k;
    return [...(pick(key, v) ? [[...at, key]] : []), ...paths(v, pick, [...at, key])];
  });
}

const textual = new Set(["name", "login", "email", "firstname"]);
const stringSlots = (e: Estate) => paths(e, (k, v) => typeof v === "string" && textual.has(String(k)));
const numberSlots = (e: Estate) => paths(e, (_, v) => typeof v === "number");
const tenantSlots = (e: Estate) => paths(e, (_, v) => typeof v === "object" && v !== null && "key" in v);

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = path.slice(0, -1).reduce((v, k) => (v as Record<string | number, unknown>)[k], root);
  (parent as Record<string | number, unknown>)[path[path.length - 1]] = value;
}
const getAt = (root: unknown, path: Path) =>
  path.reduce((v, k) => (v as Record<string | number, unknown>)[k], root);

/** `estate.yaml:LINE:COL` of the value at `path` in `text`. */
function positionOf(text: string, path: Path): string {
  const lineCounter = new LineCounter();
  const node = parseDocument(text, { lineCounter }).getIn(path, true) as { range: [number] };
  const { line, col } = lineCounter.linePos(node.range[0]);
  return `estate.yaml:${line}:${col}`;
}

/** `estate.yaml:LINE:COL` of the first occurrence of `marker` in `text`, counting columns in characters. */
function positionOfText(text: string, marker: string): string {
  const offset = text.indexOf(marker);
  const lines = text.slice(0, offset).split("\n");
  return `estate.yaml:${lines.length}:${[...lines[lines.length - 1]].length + 1}`;
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the estate loader refuses what the API cannot mean", () => {
  it("random valid estates load", () => {
    fc.assert(
      fc.property(validEstate, (estate) => {
        expect(estateProblems(stringify(estate))).to.deep.equal([]);
      }),
    );
  });

  it("a control character anywhere in a name, login, e-mail or first name: exactly one error, at the value", () => {
    const controls = fc.constantFrom("\u0000", "\u001b", "\u0007", "\u007f", "\u0085", "\u009b", "\n", "\t");
    fc.assert(
      fc.property(validEstate, fc.nat(), controls, (estate, at, control) => {
        const slots = stringSlots(estate);
        const path = slots[at % slots.length];
        const value = getAt(estate, path) as string;
        setAt(estate, path, `${value[0]}${control}${value.slice(1)}`);
        const text = stringify(estate);
        const code = control.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
        expect(estateProblems(text)).to.deep.equal([
          `${positionOf(text, path)}: ${propertyName(path)} must not contain control characters (U+${code} at character 2)`,
        ]);
      }),
    );
  });

  it("a number that is not finite anywhere: exactly one error, at the value", () => {
    const spellings = fc.constantFrom("1e400", "-1e400", ".inf", "-.Inf", ".nan");
    fc.assert(
      fc.property(validEstate, fc.nat(), spellings, (estate, at, spelling) => {
        const slots = numberSlots(estate);
        const path = slots[at % slots.length];
        setAt(estate, path, "NUMBER_HERE");
        const text = stringify(estate).replace("NUMBER_HERE", spelling);
        expect(estateProblems(text)).to.deep.equal([
          `${positionOf(text, path)}: ${propertyName(path)} must be a finite number, got ${spelling}`,
        ]);
      }),
    );
  });

  it("invalid UTF-8 anywhere: exactly one error, with the line and column of the first bad byte", () => {
    const sequences = fc.constantFrom(
      [0xff],
      [0xc3, 0x28], // a lead byte without its continuation
      [0xc0, 0xaf], // an overlong "/"
      [0xed, 0xa0, 0x80], // a surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xe2, 0x82], // cut short
    );
    fc.assert(
      fc.property(validEstate, fc.nat(), sequences, (estate, at, bad) => {
        const slots = stringSlots(estate);
        const path = slots[at % slots.length];
        setAt(estate, path, `${getAt(estate, path)}BADBYTES`);
        const text = stringify(estate);
        const marker = Buffer.from("BADBYTES");
        const bytes = Buffer.from(text);
        const offset = bytes.indexOf(marker);
        const broken = Buffer.concat([
          bytes.subarray(0, offset),
          Buffer.from(bad),
          bytes.subarray(offset + 1),
        ]);
        const byte = bad[0].toString(16).toUpperCase();
        expect(estateProblems(broken)).to.deep.equal([
          `${positionOfText(text, "BADBYTES")}: the file is not valid UTF-8 (byte 0x${byte} at offset ${offset})`,
        ]);
      }),
    );
  });

  it("a tenant without a key anywhere: exactly one error, with the line that keeps its resources' names", () => {
    fc.assert(
      fc.property(validEstate, fc.nat(), (estate, at) => {
        const slots = tenantSlots(estate);
        const path = slots[at % slots.length];
        const entry = getAt(estate, path) as { key?: string; name: string };
        delete entry.key;
        const text = stringify(estate);
        const problems = estateProblems(text);
        expect(problems).to.have.length(1);
        expect(problems[0]).to.match(
          new RegExp(
            `^${escaped(positionOf(text, path))}: ${escaped(propertyName([...path, "key"]))} is required: add the line "key: ${slug(entry.name)}"`,
          ),
        );
      }),
    );
  });

  it("an alias bomb anywhere: exactly one error, at its first alias, and the loader stops", () => {
    const bomb = `[&a [x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b], &d [*c,*c,*c,*c,*c,*c,*c,*c,*c], &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]]`;
    fc.assert(
      fc.property(validEstate, fc.nat(), (estate, at) => {
        const slots = stringSlots(estate);
        const path = slots[at % slots.length];
        setAt(estate, path, "BOMB_HERE");
        const text = stringify(estate).replace("BOMB_HERE", bomb);
        expect(estateProblems(text)).to.deep.equal([
          `${positionOfText(text, "*a")}: the file's aliases expand too far (over the limit of 100 that guards against YAML alias bombs): write the values out`,
        ]);
      }),
      { numRuns: 20 },
    );
  });

  it("refuses a file over 16 MiB, naming the limit, before parsing it", () => {
    const text = `# ${"x".repeat(maxEstateBytes - 2)}\n`;
    expect(estateProblems(text)).to.deep.equal([
      `estate.yaml: the file has ${maxEstateBytes + 1} bytes; an estate file may have at most ${maxEstateBytes} (16 MiB)`,
    ]);
  });
});
