import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { repoRoot } from "../support/engine";

const cli = path.join(repoRoot, "dist", "cli", "main.js");
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: "utf8" });

describe("the tenant-estates command", function () {
  this.timeout(60_000);

  it("validates the sample estate file and exits 0", () => {
    const result = run("validate", "estate.yaml");
    expect(result.status).to.equal(0);
    expect(result.stdout).to.equal(
      "estate.yaml: valid (4 Acronis customer(s), 1 partner(s), 1 folder(s), 2 HCP tenant(s))\n",
    );
  });

  it("names file, line, column, property and rule of every problem, and exits 1", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "estate-"));
    const file = path.join(dir, "bad.yaml");
    writeFileSync(
      file,
      "acronis:\n  partnerTenantId: ede9f834-70b3-476c-83d9-736f9f8c7dae\n  customers:\n    - key: a\n      name: A\n      users:\n        - { login: jd1, email: not-an-email }\n",
    );
    const result = run("validate", file);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.equal(
      `${file}:7:32: acronis.customers[0].users[0].email must match format "email"\n`,
    );
  });

  it("exits 2 for an unreadable file, an unknown command, or no command", () => {
    expect(run("validate", "no-such-file.yaml").status).to.equal(2);
    const unknown = run("frobnicate");
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.contain('unknown command "frobnicate"');
    expect(run().status).to.equal(2);
  });

  it("has --help for each command and --version", () => {
    for (const command of ["validate", "emulator", "export", "report"]) {
      const result = run(command, "--help");
      expect(result.status, command).to.equal(0);
      expect(result.stdout).to.contain(`usage: tenant-estates ${command}`);
    }
    expect(run("--version").stdout.trim()).to.match(/^\d+\.\d+\.\d+/);
  });

  it("takes -h as --help, and names an unknown option before the usage", () => {
    expect(run("-h").status).to.equal(0);
    expect(run("-h").stdout).to.contain("usage: tenant-estates <command>");
    expect(run("export", "-h").stdout).to.contain("usage: tenant-estates export");
    const bogus = run("export", "--bogus");
    expect(bogus.status).to.equal(2);
    expect(bogus.stderr.split("\n")[0]).to.equal('tenant-estates export: unknown option "--bogus"');
    const noFile = run("export", "--out");
    expect(noFile.stderr.split("\n")[0]).to.equal("tenant-estates export: --out needs a file name");
    const validateBogus = run("validate", "--writekeys", "estate.yaml");
    expect(validateBogus.status).to.equal(2);
    expect(validateBogus.stderr.split("\n")[0]).to.equal(
      'tenant-estates validate: unknown option "--writekeys"',
    );
    expect(run("validate", "a.yaml", "b.yaml").stderr.split("\n")[0]).to.equal(
      "tenant-estates validate: one file at most, got 2",
    );
  });

  it("report: names a usage problem (2), an unreadable file (2), an invalid file (1) and unset settings (1)", () => {
    expect(run("report", "--format", "pdf").stderr.split("\n")[0]).to.equal(
      'tenant-estates report: --format must be html, csv or json, got "pdf"',
    );
    // A name every object inherits is no format either.
    const inherited = run("report", "--format", "toString");
    expect([inherited.status, inherited.stderr.split("\n")[0]]).to.deep.equal([
      2,
      'tenant-estates report: --format must be html, csv or json, got "toString"',
    ]);
    const noOut = run("report", "--out");
    expect([noOut.status, noOut.stderr.split("\n")[0]]).to.deep.equal([
      2,
      "tenant-estates report: --out needs a value",
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), "report-"));
    const missing = run("report", path.join(dir, "none.yaml"));
    expect([missing.status, missing.stderr.startsWith("tenant-estates: cannot read ")]).to.deep.equal([
      2,
      true,
    ]);
    const bad = path.join(dir, "bad.yaml");
    writeFileSync(bad, "acronis:\n  customers:\n    - { key: a, name: A, package: gold }\n");
    const invalid = run("report", bad);
    expect([invalid.status, invalid.stderr]).to.deep.equal([
      1,
      `${bad}:3:35: acronis.customers[0].package names no package "gold": must be declared under packages\n`,
    ]);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(ACRONIS|HCP)_/.test(k)));
    const unset = spawnSync(process.execPath, [cli, "report", "--acronis"], { env, encoding: "utf8" });
    expect([unset.status, unset.stderr]).to.deep.equal([
      1,
      "tenant-estates report: Acronis is not configured: set ACRONIS_BASE_URL, ACRONIS_CLIENT_ID, ACRONIS_CLIENT_SECRET " +
        "in the environment (report reads no stack config), e.g. `export ACRONIS_CLIENT_SECRET=…`\n",
    ]);
  });

  it("runs the emulators until SIGTERM, printing their addresses", async () => {
    const child = spawn(process.execPath, [cli, "emulator", "--latency-ms", "0"], { cwd: repoRoot });
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0]);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code} before it was ready`)));
    });
    const ready = JSON.parse(line) as { acronis: { baseUrl: string }; hcp: { url: string } };
    expect(ready.acronis.baseUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/api\/2$/);
    expect(ready.hcp.url).to.match(/^https:\/\//);
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", resolve);
      child.kill("SIGTERM");
    });
    expect(code).to.equal(0);
  });
});

describe("the npm package", function () {
  this.timeout(60_000);

  it("holds only what users need, with the CLI and the provider plugin as its bins", () => {
    const packed = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
        cwd: repoRoot,
        encoding: "utf8",
      }),
    ) as { files: { path: string }[] }[];
    const files = packed[0].files.map((f) => f.path);
    const tops = [...new Set(files.map((f) => f.split("/").slice(0, 2).join("/")))].sort();
    // The pages the README links to travel with it.
    const userDocs = readdirSync(path.join(repoRoot, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`)
      .sort();
    expect(tops).to.deep.equal([
      "LICENSE",
      "README.md",
      "bin/pulumi-resource-tenant-estates",
      "dist/cli",
      "dist/contract",
      "dist/emulator",
      "dist/estate.schema.json",
      "dist/provider",
      "dist/sdk",
      ...userDocs,
      "estate.schema.json",
      "package.json",
      "schema.json",
    ]);
    expect(files).to.include.members([
      "dist/cli/main.js",
      "dist/sdk/index.d.ts",
      "dist/provider/entry/user.js",
      "dist/provider/plugin/main.js",
      // The emulators shipped in the package check requests against the contract.
      "dist/contract/acronis/tenants.json",
    ]);
    const manifest = JSON.parse(
      execFileSync("npm", ["pkg", "get", "bin"], { cwd: repoRoot, encoding: "utf8" }),
    );
    expect(manifest).to.deep.equal({
      "tenant-estates": "dist/cli/main.js",
      // The engine starts the provider plugin from the installed package's bin/ (Pulumi.yaml `plugins.providers`).
      "pulumi-resource-tenant-estates": "bin/pulumi-resource-tenant-estates",
    });
  });
});
