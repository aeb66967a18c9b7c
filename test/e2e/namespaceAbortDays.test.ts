import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { parse, stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { apiWrites } from "../support/apiWrites";
import { repoRoot, TestStack } from "../support/engine";
import { runWithEmulators } from "../support/exportCli";
import { HcpApi } from "../support/hcpApi";
import { previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

const password = "Start-123-abort";

/** One tenant with an administrator and one namespace, its multipart abort days declared or not. */
const estate = (multipartUploadAutoAbortDays?: number) => ({
  hcp: {
    tenants: [
      {
        key: "media",
        name: "media",
        hardQuota: "20 GB",
        initialUser: { name: "security", forcePasswordChange: false },
        userAccounts: [
          { username: "admin", fullName: "Admin", roles: ["ADMINISTRATOR"], forcePasswordChange: false },
        ],
        namespaces: [{ name: "uploads", hardQuota: "5 GB", multipartUploadAutoAbortDays }],
      },
    ],
  },
});

describe("end to end on the real engine: a property added by its spec alone (HcpNamespace multipartUploadAutoAbortDays)", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let api: HcpApi;
  const estateFile = () => path.join(stack.workDir, "estate.yaml");
  const write = (e: object) => writeFileSync(estateFile(), stringify(e));
  const asAdmin = (method: string, json?: unknown) =>
    api.asTenantUser("media", "admin", password, method, "/mapi/tenants/media/namespaces/uploads", json);
  const abortDays = async () => JSON.parse((await asAdmin("GET")).body).multipartUploadAutoAbortDays;

  before(async () => {
    emulators = await startEmulators();
    api = new HcpApi(emulators.hcp);
    stack = await TestStack.create("abort-days", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: password, secret: true },
    });
    await stack.mustRun(["config", "set", "estateFile", estateFile()]);
    write(estate());
    await stack.up();
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("declaring it plans one update of the namespace, writes one POST, and then plans nothing with --refresh", async () => {
    expect(await abortDays()).to.equal(30);
    write(estate(7));
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "hcp-media-namespace-uploads", op: "update", properties: ["multipartUploadAutoAbortDays"] },
    ]);
    const before = (await apiWrites(emulators)).hcp.length;
    await stack.up();
    expect((await apiWrites(emulators)).hcp.slice(before)).to.deep.equal([
      "POST /mapi/tenants/media/namespaces/uploads",
    ]);
    expect(await abortDays()).to.equal(7);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("finds it changed in the console with preview --refresh, and up --refresh repairs it", async () => {
    expect((await asAdmin("POST", { multipartUploadAutoAbortDays: 0 })).status).to.equal(200);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([
      { name: "hcp-media-namespace-uploads", op: "update", properties: ["multipartUploadAutoAbortDays"] },
    ]);
    await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
    expect(await abortDays()).to.equal(7);
  });

  it("refuses a value out of HCP's range at preview, naming the property and the rule", async () => {
    write(estate(181));
    const preview = await stack.run(["preview", "--non-interactive"]);
    expect(preview.code).to.not.equal(0);
    expect(preview.stdout + preview.stderr).to.match(
      /estate\.yaml:\d+:\d+: hcp\.tenants\[0\]\.namespaces\[0\]\.multipartUploadAutoAbortDays must be <= 180/,
    );
    write(estate(7));
  });

  it("tenant-estates export writes it", async () => {
    const cli = path.join(repoRoot, "node_modules", "tenant-estates", "dist", "cli", "main.js");
    const out = path.join(stack.workDir, "exported.yaml");
    const env = { HCP_TENANT_USERNAME: "security", HCP_TENANT_PASSWORD: password };
    const result = await runWithEmulators(
      emulators,
      process.execPath,
      [cli, "export", "--hcp", "--out", out],
      {
        env,
      },
    );
    expect(result.status, result.stderr).to.equal(0);
    const exported = parse(readFileSync(out, "utf8")) as {
      hcp: { tenants: { namespaces?: { name: string; multipartUploadAutoAbortDays?: number }[] }[] };
    };
    const namespaces = exported.hcp.tenants.flatMap((t) => t.namespaces ?? []);
    expect(namespaces.map((n) => [n.name, n.multipartUploadAutoAbortDays])).to.deep.equal([["uploads", 7]]);
  });
});
