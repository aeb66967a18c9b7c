import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/** The repository root (this file is dist/test/support/engine.js). */
export const repoRoot = path.resolve(__dirname, "../../..");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface StepSummary {
  op: string;
  urn: string;
  /** The resource's name, the last segment of its URN. */
  name: string;
  diffReasons: string[];
}

/** The resources a preview would change, by name (the refresh and read steps of `--refresh` left out). */
/** What a child process printed, and its exit code (-1 when a signal ended it), once it has closed. */
export function outputOf(child: ChildProcess): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function changedResources(steps: StepSummary[]): string[] {
  return [...new Set(steps.filter((s) => s.op !== "refresh" && s.op !== "read").map((s) => s.name))].sort();
}

/** One stack of a Pulumi program on the real engine (CLI + Node.js language host), local file backend. */
export class TestStack {
  private constructor(
    readonly workDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * A fresh project directory under .work/ (inside the repo, so the program resolves `tenant-estates`
   * and `@pulumi/pulumi` from the repo's node_modules), running the compiled program in `programDir`.
   */
  static async create(
    name: string,
    programDir: string,
    config: Record<string, { value: string; secret?: boolean }>,
    options: { stackName?: string } = {},
  ): Promise<TestStack> {
    const workDir = path.join(repoRoot, ".work", "e2e", `${name}-${process.pid}-${Date.now()}`);
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    // The program is the compiled example, loaded by an index.js beside Pulumi.yaml.
    writeFileSync(
      path.join(workDir, "Pulumi.yaml"),
      `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n`,
    );
    writeFileSync(
      path.join(workDir, "package.json"),
      JSON.stringify({ name, private: true, main: "index.js" }),
    );
    writeFileSync(
      path.join(workDir, "index.js"),
      `module.exports = require(${JSON.stringify(path.join(repoRoot, "dist", programDir))});\n`,
    );
    return TestStack.inDirectory(workDir, config, options);
  }

  /** A stack of the program a test wrote into `workDir` itself (Pulumi.yaml, package.json, node_modules). */
  static async inDirectory(
    workDir: string,
    config: Record<string, { value: string; secret?: boolean }>,
    options: { nodeDir?: string; stackName?: string } = {},
  ): Promise<TestStack> {
    const engineDir = process.env.PULUMI_ENGINE_DIR;
    if (!engineDir)
      throw new Error("PULUMI_ENGINE_DIR is not set: run the tests with `npm test` (scripts/test.sh)");
    mkdirSync(path.join(workDir, "state"), { recursive: true });
    // `nodeDir` first: the language host and the providers then run on that Node.js.
    const binDirs = [
      options.nodeDir,
      engineDir,
      path.join(repoRoot, "node_modules", ".bin"),
      process.env.PATH,
    ];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: binDirs.filter((d) => d !== undefined).join(path.delimiter),
      // metadata=skip: the storage library writes a side file (`.attrs`) non-atomically; a killed run can leave
      // it empty, and the stack then fails to load ("failed to load checkpoint: EOF").
      PULUMI_BACKEND_URL: `file://${path.join(workDir, "state")}?metadata=skip`,
      PULUMI_HOME: path.join(workDir, "home"),
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      // Environment fallbacks of the providers must not leak into stacks configured explicitly.
      ACRONIS_BASE_URL: "",
      ACRONIS_CLIENT_ID: "",
      ACRONIS_CLIENT_SECRET: "",
    };
    const stack = new TestStack(workDir, env);
    await stack.mustRun(["stack", "init", options.stackName ?? "test"]);
    for (const [key, { value, secret }] of Object.entries(config)) {
      await stack.mustRun(["config", "set", key, ...(secret ? ["--secret"] : []), "--", value]);
    }
    return stack;
  }

  /** Sets environment variables for every later command (e.g. PULUMI_SKIP_CHECKPOINTS). */
  setEnvironment(variables: NodeJS.ProcessEnv): void {
    Object.assign(this.env, variables);
  }

  run(args: string[]): Promise<RunResult> {
    return this.start(args).result;
  }

  /**
   * Starts a command without waiting for it. It leads its own process group, so a test can kill the
   * engine alone (`child.pid`) or the engine with every plugin it started (`-child.pid`).
   */
  start(args: string[]): { child: ChildProcess; result: Promise<RunResult> } {
    const child = spawn("pulumi", ["--non-interactive", ...args], {
      cwd: this.workDir,
      env: this.env,
      detached: true,
    });
    return { child, result: outputOf(child) };
  }

  /** Runs a shell script (a document's commands) in the project directory, with this stack's environment. */
  shell(script: string): Promise<RunResult> {
    return outputOf(spawn("bash", ["-euo", "pipefail", "-c", script], { cwd: this.workDir, env: this.env }));
  }

  async mustRun(args: string[]): Promise<RunResult> {
    const result = await this.run(args);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    }
    return result;
  }

  up(): Promise<RunResult> {
    return this.mustRun(["up", "--yes", "--skip-preview"]);
  }

  destroy(): Promise<RunResult> {
    return this.mustRun(["destroy", "--yes", "--skip-preview"]);
  }

  /** The steps a preview would take, from `pulumi preview --json`; unchanged resources are left out. */
  async previewSteps(options: { refresh?: boolean } = {}): Promise<StepSummary[]> {
    const result = await this.mustRun(["preview", "--json", ...(options.refresh ? ["--refresh"] : [])]);
    const parsed = JSON.parse(result.stdout) as {
      steps?: { op: string; urn: string; diffReasons?: string[] }[];
    };
    return (parsed.steps ?? [])
      .filter((s) => s.op !== "same")
      .map((s) => ({
        op: s.op,
        urn: s.urn,
        name: s.urn.split("::").pop() ?? s.urn,
        diffReasons: s.diffReasons ?? [],
      }));
  }

  async outputs(): Promise<Record<string, unknown>> {
    const result = await this.mustRun(["stack", "output", "--json", "--show-secrets"]);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  async exportState(): Promise<string> {
    return (await this.mustRun(["stack", "export"])).stdout;
  }

  /** Every file the local backend wrote (checkpoints, backups, history), as text. */
  backendFilesText(): string {
    const texts: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else texts.push(readFileSync(full).toString("utf8"));
      }
    };
    walk(path.join(this.workDir, "state"));
    return texts.join("\n");
  }

  remove(): void {
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
