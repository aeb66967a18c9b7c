import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { guarded } from "../../provider/core/guard";
import { hcpUserAccountSpec } from "../../provider/hcp/specs/hcpUserAccount";
import { repoRoot } from "../support/engine";

/** Every module a TypeScript file imports, as written (`../acronis/client`, `node:fs`). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|^import\s+"([^"]+)"/gms)].map(
    (m) => m[1] ?? m[2],
  );
}

/** The imports of the .ts files of a folder of the repository, by file. */
function folderImports(folder: string): Record<string, string[]> {
  const dir = path.join(repoRoot, folder);
  const files = readdirSync(dir).filter((file) => file.endsWith(".ts"));
  return Object.fromEntries(
    files.map((file) => [file, importsOf(readFileSync(path.join(dir, file), "utf8"))]),
  );
}

describe("layers", () => {
  it("reads the imports of a module, type-only and side-effect imports included", () => {
    const text = 'import type { A } from "../acronis/client";\nimport "./heap";\nexport { b } from "./b";\n';
    expect(importsOf(text)).to.deep.equal(["../acronis/client", "./heap", "./b"]);
  });

  it("provider/core imports no vendor module: each vendor's config, client and limits live with it", () => {
    const vendorImports = Object.entries(folderImports("provider/core")).flatMap(([file, imports]) =>
      imports.filter((name) => /^\.\.\/(acronis|hcp)\//.test(name)).map((name) => `${file}: ${name}`),
    );
    expect(vendorImports).to.deep.equal([]);
  });

  it("provider/core imports only itself and packages: each provider brings its spec to the guard", () => {
    const outside = Object.entries(folderImports("provider/core")).flatMap(([file, imports]) =>
      imports.filter((name) => name.startsWith("../")).map((name) => `${file}: ${name}`),
    );
    expect(outside).to.deep.equal([]);
  });

  it("the guard names a failure by the type and subject of the spec its provider carries", async () => {
    const provider = guarded({
      spec: hcpUserAccountSpec,
      create: async () => {
        throw new Error("refused");
      },
    });
    const failure = await provider
      .create({ tenant: "t", username: "ada" })
      .catch((err: Error) => err.message);
    expect(failure).to.equal('HcpUserAccount "ada": create: refused');
  });

  it("the CLI and the lookups make their clients through the public API, as a user's own tool would", () => {
    const imports = { ...prefixed("cli", folderImports("cli")), ...prefixed("sdk", folderImports("sdk")) };
    const settingsImports = Object.entries(imports).flatMap(([file, names]) =>
      names
        .filter((name) => /provider\/(core|acronis|hcp)\/config$/.test(name))
        .map((name) => `${file}: ${name}`),
    );
    expect([...new Set(settingsImports)]).to.deep.equal([
      "sdk/clients.ts: ../provider/acronis/config",
      "sdk/clients.ts: ../provider/hcp/config",
    ]);
  });
});

function prefixed(folder: string, byFile: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(byFile).map(([file, names]) => [`${folder}/${file}`, names]));
}
