import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import type { Estate, EstateHcpTenant } from "../../sdk/estateFile";
import { apiWrites } from "../support/apiWrites";
import { repoRoot, TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

/** The release before removal only forgot HCP objects (commit 5febadb), by `scripts/pack-release.sh 5febadb <this file>`. */
const previousRelease = path.join(repoRoot, "test/fixtures/tenant-estates-5febadb.tgz");
const initialPassword = "Upgrade-objects-1";

/** A tenant block with an administrator and a namespace, without a deletionPolicy (then: deleted on removal). */
const tenantBlock = (key: string): EstateHcpTenant => ({
  key,
  name: key,
  hardQuota: "50 GB",
  initialUser: { name: "security" },
  userAccounts: [{ username: "nsadmin", fullName: "Namespace administrator", roles: ["ADMINISTRATOR"] }],
  namespaces: [{ name: "invoices", hardQuota: "10 GB" }],
});

/** The plan of removing a tenant block: its tenant, account and namespace. */
const removal = (key: string, retain: boolean) =>
  [`hcp-${key}`, `hcp-${key}-account-nsadmin`, `hcp-${key}-namespace-invoices`].map((name) => ({
    name,
    op: "delete",
    properties: [],
    ...(retain ? { retain } : {}),
  }));

describe("end to end on the real engine: HCP tenants, namespaces and accounts a release that deleted them on removal deployed", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let hcp: HcpApi;
  const installed = () => path.join(stack.workDir, "node_modules", "tenant-estates");
  const write = (estate: Estate) => writeFileSync(path.join(stack.workDir, "estate.yaml"), stringify(estate));
  /** Whether the tenant, its administrator and its namespace are all still in HCP. */
  const allKept = async (tenant: string) => {
    const as = (user: string, what: string) =>
      hcp.asTenantUser(tenant, user, initialPassword, "GET", `/mapi/tenants/${tenant}${what}`);
    const answers = await Promise.all([
      hcp.admin("GET", `/mapi/tenants/${tenant}`),
      as("security", "/userAccounts/nsadmin"),
      as("nsadmin", "/namespaces/invoices"),
    ]);
    return answers.map((a) => a.status);
  };
  const hcpWrites = async () => (await apiWrites(emulators)).hcp.length;

  before(async () => {
    emulators = await startEmulators();
    hcp = new HcpApi(emulators.hcp);
    stack = await TestStack.create("upgrade-hcp", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: initialPassword, secret: true },
    });
    await stack.mustRun(["config", "set", "estateFile", path.join(stack.workDir, "estate.yaml")]);
    // As in upgrade.test.ts: the program beside Pulumi.yaml, the previous release in the stack's node_modules.
    copyFileSync(
      path.join(repoRoot, "dist/test/programs/estateFile/index.js"),
      path.join(stack.workDir, "index.js"),
    );
    mkdirSync(installed(), { recursive: true });
    const untar = spawnSync("tar", ["-xzf", previousRelease, "-C", installed(), "--strip-components=1"]);
    expect(untar.status, untar.stderr.toString()).to.equal(0);
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("the previous release deploys two tenants, each with an account and a namespace", async () => {
    write({ hcp: { tenants: [tenantBlock("records"), tenantBlock("legal")] } });
    await stack.up();
    expect(await allKept("records")).to.deep.equal([200, 200, 200]);
  });

  it("with the current release the plan is empty, also with --refresh", async () => {
    rmSync(installed(), { recursive: true });
    symlinkSync(path.join(repoRoot, "node_modules", "tenant-estates"), installed());
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("removing a block in the first run of the current release only forgets: the state holds no policy, so nothing is deleted", async () => {
    write({ hcp: { tenants: [tenantBlock("legal")] } });
    // The previous release stored no retainOnDelete, so the engine shows plain deletes; the provider forgets.
    expect(await previewPlan(stack)).to.deep.equal(removal("records", false));
    const before = await hcpWrites();
    await stack.up();
    expect(await hcpWrites()).to.equal(before);
    expect(await allKept("records")).to.deep.equal([200, 200, 200]);
  });

  it("after one up of the current release, a removal plans deletes the engine only forgets, and keeps everything", async () => {
    write({ hcp: { tenants: [] } });
    expect(await previewPlan(stack)).to.deep.equal(removal("legal", true));
    const before = await hcpWrites();
    await stack.up();
    expect(await hcpWrites()).to.equal(before);
    expect(await allKept("legal")).to.deep.equal([200, 200, 200]);
  });
});
