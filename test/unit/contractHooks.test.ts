import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { expect } from "chai";
import { repoRoot } from "../support/engine";

/** The test command's own machinery, run on a file with one broken emulator answer. */
describe("a contract violation fails the test run", function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "contract-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (command: string, args: string[]) =>
    spawnSync(command, args, {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, TENANT_ESTATES_CONTRACT_CHECK: "1", TENANT_ESTATES_CONTRACT_DIR: dir },
    });

  it("fails the test that saw it, runs the rest, and the verdict fails the run", () => {
    const ran = run(path.join(repoRoot, "node_modules/.bin/mocha"), [
      "--no-config",
      "--no-parallel",
      "--require",
      "dist/test/support/contractHooks.js",
      "--reporter",
      "dist/test/support/reporter.js",
      "dist/test/support/contractViolationSpec.js",
    ]);
    // Mocha colours its marks when the environment forces colour (CI does); the words are what count.
    const mocha = { status: ran.status, stdout: stripVTControlCharacters(ran.stdout) };
    expect(mocha.stdout).to.match(/20 contract violation\(s\) during this test:/);
    expect(mocha.stdout).to.match(
      /emulator answered: GET \/tenants\/\{tenant_id\} answer 200 body: must have required property 'version'/,
    );
    // Mocha counts a test a hook fails after it passed both ways; the next test still ran.
    expect(mocha.stdout).to.match(/✔ goes on with the next test/);
    expect(mocha.stdout).to.match(
      /contract: 1 exchanges checked \(Acronis 1, HCP 0\), 20 violations\n\n2 passed, 1 failed\n$/,
    );
    expect(mocha.status).to.equal(1);
    const verdict = run("node", ["dist/test/support/contractVerdict.js"]);
    expect(verdict.status).to.equal(1);
    expect(verdict.stderr).to.match(/^contract violations in this run:\n {2}- acronis emulator answered/);
  });
});
