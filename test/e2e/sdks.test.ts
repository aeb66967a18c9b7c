import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { repoRoot } from "../support/engine";

const run = promisify(execFile);
const languages = ["python", "go", "dotnet"];

/** Every file under a directory, by its path from there, with its text. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = readFileSync(full, "latin1");
  }
  return files;
}

/** The paths whose text differs between two trees, or that only one has. */
function differences(committed: Record<string, string>, generated: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(committed), ...Object.keys(generated)]);
  return [...paths].filter((p) => committed[p] !== generated[p]).sort();
}

describe("the Python, Go and .NET SDKs, generated from schema.json by the engine's own code generators", function () {
  this.timeout(1_200_000);
  let scratch: string;

  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), "tenant-estates-sdks-"));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("sdk/python, sdk/go and sdk/dotnet are what scripts/generate-sdks.sh makes of schema.json", async () => {
    const fresh = path.join(scratch, "generated");
    await run("bash", [path.join(repoRoot, "scripts", "generate-sdks.sh"), fresh]);
    const stale = languages.flatMap((language) =>
      differences(tree(path.join(repoRoot, "sdk", language)), tree(path.join(fresh, language))).map(
        (p) => `sdk/${language}/${p}`,
      ),
    );
    expect(stale, "run scripts/generate-sdks.sh").to.deep.equal([]);
  });

  it("the Go SDK requires the engine's Go SDK (v3.276.0) and compiles against it", async () => {
    expect(readFileSync(path.join(repoRoot, "sdk", "go", "go.mod"), "utf8")).to.include(
      "require github.com/pulumi/pulumi/sdk/v3 v3.276.0\n",
    );
    const copy = path.join(scratch, "go");
    cpSync(path.join(repoRoot, "sdk", "go"), copy, { recursive: true });
    // The flags of the engine's own build, so the Pulumi SDK's packages come from the build cache.
    const env = { ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local", CGO_ENABLED: "0" };
    await run("go", ["mod", "tidy"], { cwd: copy, env });
    const built = await run("go", ["build", "-trimpath", "-tags", "osusergo,grpcnotrace", "./..."], {
      cwd: copy,
      env,
    });
    expect(built.stderr).to.equal("");
  });

  it("the Python SDK compiles", async () => {
    const copy = path.join(scratch, "python");
    cpSync(path.join(repoRoot, "sdk", "python"), copy, { recursive: true });
    const compiled = await run("python3", ["-m", "compileall", "-q", copy]);
    expect(compiled.stdout + compiled.stderr).to.equal("");
    expect(existsSync(path.join(copy, "pulumi_tenant_estates", "acronis", "customer_tenant.py"))).to.equal(
      true,
    );
  });
});
