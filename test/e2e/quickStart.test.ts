import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { outputOf, type RunResult, repoRoot } from "../support/engine";
import { markedBlocks } from "../support/markdown";

/** Runs a shell script in `cwd` and collects its output. */
function shell(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return outputOf(spawn("bash", ["-euo", "pipefail", "-c", script], { cwd, env }));
}

/** `npm run --silent emulator -- --state-file … > emulator.json`, as the quick start runs it, until it is ready. */
async function startEmulatorLikeTheReadme(dir: string): Promise<ChildProcess> {
  const readyFile = path.join(dir, "emulator.json");
  const child = spawn(
    "npm",
    ["run", "--silent", "emulator", "--", "--state-file", path.join(dir, "emulator-state")],
    {
      cwd: repoRoot,
      stdio: ["ignore", openSync(readyFile, "w"), "inherit"],
      detached: true,
    },
  );
  for (let i = 0; i < 300; i++) {
    if (readFileSync(readyFile, "utf8").endsWith("\n")) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the emulator printed no ready line");
}

describe("the README's quick start, run as a newcomer would: a fresh directory, the packed package, the emulators", function () {
  this.timeout(900_000);
  const blocks = markedBlocks(readFileSync(path.join(repoRoot, "README.md"), "utf8"), "quick-start");
  let dir: string;
  let program: string;
  let emulator: ChildProcess;
  let env: NodeJS.ProcessEnv;
  let up: RunResult;
  const pulumi = (args: string) => shell(`pulumi --non-interactive ${args}`, program, env);

  before(async () => {
    expect(Object.keys(blocks).sort()).to.deep.equal(["Pulumi.yaml", "index.ts", "package.json", "stack"]);
    // Beside each other, as the README lays them out: the checkout (here only its tarball), the ready line, the program.
    dir = mkdtempSync(path.join(tmpdir(), "tenant-estates-quick-start-"));
    mkdirSync(path.join(dir, "tenant-estates"));
    execFileSync(
      "npm",
      ["pack", "--ignore-scripts", "--silent", "--pack-destination", path.join(dir, "tenant-estates")],
      {
        cwd: repoRoot,
      },
    );
    emulator = await startEmulatorLikeTheReadme(dir);
    program = path.join(dir, "my-estate");
    mkdirSync(program);
    for (const file of ["Pulumi.yaml", "package.json", "index.ts"])
      writeFileSync(path.join(program, file), blocks[file]);
    const engineDir = process.env.PULUMI_ENGINE_DIR;
    if (!engineDir)
      throw new Error("PULUMI_ENGINE_DIR is not set: run the tests with `npm test` (scripts/test.sh)");
    const { PULUMI_BACKEND_URL: _b, PULUMI_CONFIG_PASSPHRASE: _p, ...inherited } = process.env;
    env = {
      ...inherited,
      // The engine and Node.js 22 first, as the README's `export PATH=…` and `npm ci` give them.
      PATH: [engineDir, path.join(repoRoot, "node_modules", ".bin"), process.env.PATH].join(path.delimiter),
      PULUMI_HOME: path.join(dir, "pulumi-home"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
    };
    up = await shell(blocks.stack, program, env);
    // The passphrase the block exported, for the commands after it.
    env.PULUMI_CONFIG_PASSPHRASE = /export PULUMI_CONFIG_PASSPHRASE=(\S+)/.exec(blocks.stack)?.[1];
  });

  after(() => {
    if (emulator?.pid) process.kill(-emulator.pid, "SIGTERM");
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("deploys the program with the README's commands: seven resources, both APIs", async () => {
    expect(up.code, `${up.stdout}\n${up.stderr}`).to.equal(0);
    expect(up.stdout).to.match(/Resources:\n\s+\+ 7 created\n/);
    const outputs = JSON.parse((await pulumi("stack output --json")).stdout) as Record<string, string>;
    expect(outputs.customerId).to.match(/^[0-9a-f-]{36}$/);
    expect(outputs.namespaceHost).to.equal("invoices.archive.hcp.example.com");
  });

  for (const refresh of [false, true]) {
    const command = `preview${refresh ? " --refresh" : ""}`;
    it(`plans nothing at \`pulumi ${command}\`, in text and in --json`, async () => {
      const text = await pulumi(command);
      expect(text.code, text.stderr).to.equal(0);
      expect(text.stdout).to.match(/Resources:\n\s+7 unchanged\n/);
      expect(text.stdout).to.not.match(/to create|to update|to delete|to replace/);
      const json = await pulumi(`${command} --json`);
      expect(json.code, json.stderr).to.equal(0);
      const plan = JSON.parse(json.stdout) as { steps: { op: string; urn: string }[]; changeSummary: object };
      expect(plan.changeSummary).to.deep.equal({ same: 7 });
      // `--refresh` adds a refresh step per resource; drift it found would show as an update step.
      const changes = plan.steps.filter((s) => s.op !== "same" && s.op !== "refresh");
      expect(changes.map((s) => `${s.op} ${s.urn}`)).to.deep.equal([]);
    });
  }
});
