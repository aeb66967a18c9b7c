import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import fc from "fast-check";
import { stringify } from "yaml";
import { type Estate, EstateError, loadEstate, slug, withKeys } from "../../sdk/estate";
import { repoRoot } from "../support/engine";

const cli = path.join(repoRoot, "dist", "cli", "main.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
const tempFile = (name: string, content: string | Uint8Array) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "estate-")), name);
  writeFileSync(file, content);
  return file;
};

/** The sample estate without its keys: `- key: x\n  name: y` becomes `- name: y`. */
const keylessSample = () =>
  readFileSync(path.join(repoRoot, "estate.yaml"), "utf8").replace(/key: [a-z0-9-]+\n\s*/g, "");

/** An estate of keyless tenants at every level, with names that slug alike only where they are the same. */
const keylessEstate = fc
  .uniqueArray(fc.stringMatching(/^[A-Z][a-z]{1,6}( [A-Z][a-z]{1,6})?$/), {
    minLength: 3,
    maxLength: 8,
    selector: slug,
  })
  .map(
    ([partner, folder, ...customers]): Estate => ({
      acronis: {
        partners: [{ name: partner, folders: [{ name: folder }] }],
        customers: customers.map((name) => ({ name, twoFactor: true })),
      },
      hcp: { tenants: [{ name: "finance", hardQuota: "10 GB" }] },
    }),
  );

describe("keys: every tenant's identity is in the file", () => {
  it("a keyless rename plans no replacement: it is refused with the line to add", () => {
    const renamed = "acronis:\n  customers:\n    - name: Alpha Dental Group\n      twoFactor: true\n";
    expect(() => loadEstate("estate.yaml", renamed))
      .to.throw(EstateError)
      .with.property("problems")
      .that.deep.equals([
        'estate.yaml:3:7: acronis.customers[0].key is required: add the line "key: alpha-dental-group", the slug of its name, which its resources are named by (renamed since its last up: the slug of the name it had); `tenant-estates validate --write-keys` adds it',
      ]);
  });

  it("write-keys adds only the key lines to the sample: every comment, quote and space stays", () => {
    const keyless = keylessSample();
    const { text, added } = withKeys(keyless);
    expect(added).to.equal(8);
    expect(text.replace(/key: [a-z0-9-]+\n\s*/g, "")).to.equal(keyless);
    expect(text).to.include(
      "    # A reseller with its own folder of customers.\n    - key: reseller-north\n",
    );
    expect(withKeys(text)).to.deep.equal({ text, added: 0 });
  });

  it("write-keys output loads as the keyless estate with each key the slug of its name: the same resources", () => {
    fc.assert(
      fc.property(keylessEstate, (estate) => {
        const { text, added } = withKeys(stringify(estate));
        expect(added).to.equal((estate.acronis?.customers?.length ?? 0) + 3);
        const loaded = loadEstate("estate.yaml", text);
        const withSlugs = JSON.parse(JSON.stringify(estate), (k, v) =>
          k !== "" && v && typeof v === "object" && typeof v.name === "string" && !("quota" in v)
            ? { key: slug(v.name), ...v }
            : v,
        );
        expect(loaded).to.deep.equal(withSlugs);
      }),
    );
  });

  it("tenant-estates validate --write-keys adds the keys in place, then validates", () => {
    const file = tempFile("estate.yaml", keylessSample());
    const refused = run("validate", file);
    expect(refused.status).to.equal(1);
    expect(refused.stderr.split("\n")).to.include(
      `${file}:43:7: acronis.customers[0].key is required: add the line "key: customer-inc", the slug of its name, which its resources are named by (renamed since its last up: the slug of the name it had); \`tenant-estates validate --write-keys\` adds it`,
    );
    const written = run("validate", "--write-keys", file);
    expect(written.status, written.stderr).to.equal(0);
    expect(written.stdout).to.equal(
      `${file}: added 8 key(s)\n${file}: valid (4 Acronis customer(s), 1 partner(s), 1 folder(s), 2 HCP tenant(s))\n`,
    );
    expect(readFileSync(file, "utf8")).to.equal(withKeys(keylessSample()).text);
  });
});

describe("tenant-estates validate: a file that cannot be an estate exits 1 naming it", () => {
  it("invalid UTF-8, with line and column", () => {
    const file = tempFile(
      "latin1.yaml",
      Buffer.from("acronis:\n  customers:\n    - key: a\n      name: Caf\xe9\n", "latin1"),
    );
    const result = run("validate", file);
    expect([result.status, result.stderr]).to.deep.equal([
      1,
      `${file}:4:16: the file is not valid UTF-8 (byte 0xE9 at offset 50)\n`,
    ]);
  });

  it("an alias bomb, at its first alias", () => {
    const levels = ["&a [x,x,x,x,x,x,x,x,x]"];
    for (const [anchor, alias] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
    ])
      levels.push(`&${anchor} [${Array(9).fill(`*${alias}`).join(",")}]`);
    const file = tempFile("bomb.yaml", `lol: [${levels.join(", ")}]\n`);
    const result = run("validate", file);
    expect([result.status, result.stderr]).to.deep.equal([
      1,
      `${file}:1:35: the file's aliases expand too far (over the limit of 100 that guards against YAML alias bombs): write the values out\n`,
    ]);
  });

  it("a file over 16 MiB, unread", () => {
    const file = tempFile("huge.yaml", Buffer.alloc(16 * 1024 * 1024 + 1, 0x20));
    const result = run("validate", file);
    expect([result.status, result.stderr]).to.deep.equal([
      1,
      `${file}: the file has 16777217 bytes; an estate file may have at most 16777216 (16 MiB)\n`,
    ]);
  });
});
