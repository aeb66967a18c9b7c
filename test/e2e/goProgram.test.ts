import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import { repoRoot, TestStack } from "../support/engine";
import { previewPlan } from "../support/plan";
import { exampleAcronisConfig, installPackage, replaceInFile } from "../support/pluginStack";

const run = promisify(execFile);
const example = path.join(repoRoot, "examples", "go");
// The flags of the engine's own build (and of test/e2e/sdks.test.ts), so the Pulumi SDK's packages come
// from the build cache and every run of the program costs a link.
const goEnvironment = {
  GOFLAGS: "-mod=mod -trimpath -tags=osusergo,grpcnotrace",
  GOTOOLCHAIN: "local",
  CGO_ENABLED: "0",
};

interface Tenant {
  id: string;
  name: string;
  kind: string;
  enabled: boolean;
  customer_id?: string;
  ancestral_access?: boolean;
}

describe("end to end on the real engine: the Go example (examples/go), through the Go SDK, the project's Go language host and the provider plugin", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let program: string;

  const customers = async () =>
    ((await new AcronisApi(emulators.acronis).get("/_emulator/state")).body.tenants as Tenant[]).filter(
      (t) => t.kind === "customer",
    );
  /** Edits the program as its user would. */
  const editProgram = (from: string, to: string) => replaceInFile(program, from, to);

  before(async () => {
    emulators = await startEmulators();
    const { acronis } = emulators;
    const workDir = path.join(repoRoot, ".work", "e2e", `go-${process.pid}-${Date.now()}`);
    mkdirSync(workDir, { recursive: true });
    for (const file of ["Pulumi.yaml", "main.go", "go.mod", "go.sum"])
      copyFileSync(path.join(example, file), path.join(workDir, file));
    program = path.join(workDir, "main.go");
    // What the example's go.mod tells its user to do: point the SDK's module at sdk/go.
    const sdk = `tenant-estates/sdk/go=${path.join(repoRoot, "sdk", "go")}`;
    await run("go", ["mod", "edit", "-replace", sdk], { cwd: workDir });
    installPackage(workDir);
    stack = await TestStack.inDirectory(workDir, {
      ...exampleAcronisConfig(acronis),
    });
    stack.setEnvironment(goEnvironment);
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("pulumi up builds the program and creates the seeds' customer as the package's type, through the explicit provider", async () => {
    await stack.up();
    const [customer] = await customers();
    expect(customer).to.deep.include({
      name: "Customer, Inc",
      customer_id: "customer-inc",
      ancestral_access: true,
      enabled: true,
    });
    const state = JSON.parse(await stack.exportState()) as {
      deployment: { resources: { urn: string; type: string; provider?: string }[] };
    };
    const tenant = state.deployment.resources.find((r) => r.urn.endsWith("::customer-inc"));
    expect(tenant?.type).to.equal("tenant-estates:acronis:CustomerTenant");
    expect(tenant?.provider).to.match(
      /^urn:pulumi:test::tenant-estates-go::pulumi:providers:tenant-estates::home::/,
    );
    expect(await stack.outputs()).to.deep.equal({ customerTenantId: customer.id });
    expect(stack.backendFilesText()).to.not.include(emulators.acronis.clientSecret);
  });

  it("an edit of main.go plans one update of the changed property; up makes it; preview --refresh is then empty", async () => {
    editProgram(`pulumi.String("Customer, Inc")`, `pulumi.String("Customer, Inc (renamed)")`);
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "customer-inc", op: "update", properties: ["name"] },
    ]);
    await stack.up();
    expect((await customers()).map((c) => c.name)).to.deep.equal(["Customer, Inc (renamed)"]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("a program that does not build fails the preview with go's message; a program's own error is shown once", async () => {
    const original = readFileSync(program, "utf8");
    editProgram("ctx.Export(", "ctx.Exprt(");
    const unbuilt = await stack.run(["preview"]);
    expect(unbuilt.code).to.not.equal(0);
    expect(unbuilt.stdout).to.include("go build in ");
    expect(unbuilt.stdout).to.include(
      "ctx.Exprt undefined (type *pulumi.Context has no field or method Exprt",
    );
    writeFileSync(program, original);
    editProgram("import (", 'import (\n\t"errors"');
    editProgram("return nil\n\t})", 'return errors.New("the example\'s own failure")\n\t})');
    const failed = await stack.run(["preview"]);
    expect(failed.code).to.not.equal(0);
    expect(failed.stdout.split("the example's own failure").length - 1).to.equal(1);
    expect(failed.stdout).to.not.include("the Go program failed");
    writeFileSync(program, original);
  });

  it("pulumi destroy only disables the customer, whose deletion policy is the default", async () => {
    await stack.destroy();
    expect((await customers()).map((c) => ({ name: c.name, enabled: c.enabled }))).to.deep.equal([
      { name: "Customer, Inc (renamed)", enabled: false },
    ]);
    expect(await stack.outputs()).to.deep.equal({});
  });
});
