import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { generatedNotice } from "../../scripts/generate/header";
import { generatedFiles, staleFiles } from "../../scripts/generate/main";
import { repoRoot } from "../support/engine";

describe("generated files", function () {
  this.timeout(60_000);

  it("the SDK classes, schema.json and docs/resources.md are what the resource specs generate", () => {
    // `npm run generate` writes them anew.
    expect(staleFiles()).to.deep.equal([]);
  });

  it("each says on its first line that it is generated, but JSON (no comments), which CONTRIBUTING.md lists", () => {
    const files = Object.keys(generatedFiles());
    const unmarked = files.filter(
      (file) => !file.endsWith(".json") && !firstLine(file).includes(generatedNotice),
    );
    expect(unmarked).to.deep.equal([]);
    const contributing = readFileSync(path.join(repoRoot, "CONTRIBUTING.md"), "utf8");
    const unlisted = files.filter((file) => file.endsWith(".json") && !contributing.includes(`\`${file}\``));
    expect(unlisted).to.deep.equal([]);
  });

  it("generated TypeScript lives in sdk/generated/ and provider/generated/, apart from hand-written code", () => {
    const elsewhere = Object.keys(generatedFiles()).filter(
      (file) => file.endsWith(".ts") && !/^(sdk|provider)\/generated\//.test(file),
    );
    expect(elsewhere).to.deep.equal([]);
  });

  it("the generator compiles alone, from the specs: none of the code it generates or that uses it", () => {
    const tsc = path.join(repoRoot, "node_modules", ".bin", "tsc");
    const listed = execFileSync(tsc, ["-p", "scripts/generate/tsconfig.json", "--listFilesOnly"], {
      cwd: repoRoot,
    }).toString();
    const compiled = listed
      .split("\n")
      .filter((file) => file.startsWith(repoRoot) && !file.includes("/node_modules/"))
      .map((file) => path.relative(repoRoot, file));
    expect(compiled).to.include("scripts/generate/main.ts");
    // provider/plugin/tokens.ts: the plugin's type tokens and property names, pure functions of the specs.
    const beyond = compiled.filter(
      (file) => !/^(scripts\/generate|provider\/(core|specs\.ts|acronis|hcp|plugin\/tokens\.ts))/.test(file),
    );
    const resourcesOrClients = compiled.filter((file) =>
      /^provider\/(acronis|hcp)\/(resources\/|client\.ts|config\.ts|provider\.ts)/.test(file),
    );
    expect({ beyond, resourcesOrClients }).to.deep.equal({ beyond: [], resourcesOrClients: [] });
  });
});

function firstLine(file: string): string {
  return readFileSync(path.join(repoRoot, file), "utf8").split("\n", 1)[0];
}
