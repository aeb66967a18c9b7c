import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import type { Estate, EstateHcpTenant } from "../../sdk/estateFile";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import { TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

const initialPassword = "Removal-initial-1";

/** An HCP tenant block with an administrator, an auditor and a namespace; `policy` for all three when set. */
function hcpTenant(key: string, policy?: "delete"): EstateHcpTenant {
  const deletionPolicy = policy ? { deletionPolicy: policy } : {};
  return {
    key,
    name: key,
    hardQuota: "50 GB",
    initialUser: { name: "security" },
    ...deletionPolicy,
    userAccounts: [
      {
        username: "nsadmin",
        fullName: "Namespace administrator",
        roles: ["ADMINISTRATOR"],
        ...deletionPolicy,
      },
      // Without a stored `delete`, the auditor is disabled when removed.
      { username: "auditor", fullName: "Auditor", roles: ["MONITOR"], deletionPolicy: policy ?? "disable" },
    ],
    namespaces: [{ name: "invoices", hardQuota: "10 GB", ...deletionPolicy }],
  };
}

/** The plan of removing a tenant block: the tenant, both accounts and the namespace, kept or not. */
const removal = (key: string, kept: boolean) =>
  [
    { name: `hcp-${key}`, retain: kept },
    { name: `hcp-${key}-account-auditor`, retain: false },
    { name: `hcp-${key}-account-nsadmin`, retain: kept },
    { name: `hcp-${key}-namespace-invoices`, retain: kept },
  ].map(({ name, retain }) => ({ name, op: "delete", properties: [], ...(retain ? { retain } : {}) }));

describe("end to end on the real engine: no single edit of the estate file deletes data", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let hcp: HcpApi;
  let acronis: AcronisApi;
  const write = (estate: Estate) => writeFileSync(path.join(stack.workDir, "estate.yaml"), stringify(estate));
  /** A GET at tenant level, as the initial user (accounts) or the administrator (namespaces). */
  const tenantGet = (tenant: string, as: "security" | "nsadmin", path: string) =>
    hcp.asTenantUser(tenant, as, initialPassword, "GET", `/mapi/tenants/${tenant}${path}`);
  const acronisTenant = async (name: string) =>
    ((await acronis.get("/_emulator/state")).body.tenants as { id: string; name: string }[]).find(
      (t) => t.name === name,
    ) as { id: string };
  const stateNames = async () =>
    (
      JSON.parse(await stack.exportState()) as { deployment: { resources: { urn: string }[] } }
    ).deployment.resources
      .filter((r) => r.urn.includes("pulumi-nodejs:dynamic/"))
      .map((r) => r.urn.split("::").pop() as string)
      .sort();

  before(async () => {
    emulators = await startEmulators();
    hcp = new HcpApi(emulators.hcp);
    acronis = new AcronisApi(emulators.acronis);
    stack = await TestStack.create("removal", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: initialPassword, secret: true },
    });
    await stack.mustRun(["config", "set", "estateFile", path.join(stack.workDir, "estate.yaml")]);
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("deploys two HCP tenants, each with two accounts and a namespace, one of them with deletionPolicy delete", async () => {
    write({ hcp: { tenants: [hcpTenant("records"), hcpTenant("archive", "delete")] } });
    await stack.up();
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("removing a tenant block without a stored policy plans deletes the engine only forgets; up keeps the data and disables the auditor", async () => {
    write({ hcp: { tenants: [hcpTenant("archive", "delete")] } });
    expect(await previewPlan(stack)).to.deep.equal(removal("records", true));
    const before = await apiWrites(emulators);
    await stack.up();
    // One write: the auditor's `enabled: false`.
    expect((await apiWrites(emulators)).hcp.slice(before.hcp.length)).to.deep.equal([
      "POST /mapi/tenants/records/userAccounts/auditor",
    ]);
    expect((await hcp.admin("GET", "/mapi/tenants/records")).status).to.equal(200);
    expect((await tenantGet("records", "nsadmin", "/namespaces/invoices")).status).to.equal(200);
    const account = async (name: string) =>
      JSON.parse((await tenantGet("records", "security", `/userAccounts/${name}`)).body);
    expect(await account("nsadmin")).to.include({ enabled: true });
    expect(await account("auditor")).to.include({ enabled: false });
    expect((await stateNames()).filter((name) => name.startsWith("hcp-records"))).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("removing a tenant block with deletionPolicy delete stored deletes the namespace, the accounts and the tenant", async () => {
    write({ hcp: { tenants: [] } });
    expect(await previewPlan(stack)).to.deep.equal(removal("archive", false));
    await stack.up();
    expect((await hcp.admin("GET", "/mapi/tenants/archive")).status).to.equal(404);
    expect(await stateNames()).to.deep.equal([]);
  });

  const south = { key: "reseller", name: "Reseller South" };
  const north = { key: "north", name: "Reseller North", deletionPolicy: "retain" as const };
  let stranger: string;
  /** The one line a refusal gives, at preview or at `up`. */
  const refusal = () =>
    `partner tenant "Reseller South" has 1 child tenant(s) without this stack's ownership mark: "Stranger Dental" (customer ${stranger}); disabling it would stop their service, so nothing was changed`;

  it("refuses at preview to remove a partner that has a child tenant the stack does not manage, naming it, with no write", async () => {
    write({ acronis: { partners: [south, north] } });
    await stack.up();
    const partner = await acronisTenant("Reseller South");
    const made = await acronis.post("/tenants", {
      name: "Stranger Dental",
      kind: "customer",
      parent_id: partner.id,
    });
    expect(made.status, JSON.stringify(made.body)).to.equal(201);
    stranger = made.body.id;

    write({ acronis: { partners: [north] } });
    const before = await apiWrites(emulators);
    const preview = await stack.run(["preview"]);
    expect(preview.code).to.not.equal(0);
    expect(preview.stdout + preview.stderr).to.include(refusal());
    const up = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).to.not.equal(0);
    expect(up.stdout + up.stderr).to.include(refusal());
    expect(await apiWrites(emulators)).to.deep.equal(before);
    expect((await acronis.get(`/tenants/${partner.id}`)).body.enabled).to.equal(true);
  });

  it("lets a partner with deletionPolicy retain leave: its provider only forgets it, with no write", async () => {
    write({ acronis: { partners: [south] } });
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "acronis-partner-north", op: "delete", properties: [] },
      { name: "acronis-tenant-removal-guard", op: "update", properties: ["tenants"] },
    ]);
    const before = await apiWrites(emulators);
    await stack.up();
    expect(await apiWrites(emulators)).to.deep.equal(before);
    expect(
      (await acronis.get(`/tenants/${(await acronisTenant("Reseller North")).id}`)).body.enabled,
    ).to.equal(true);
    expect(await stateNames()).to.deep.equal(["acronis-partner-reseller", "acronis-tenant-removal-guard"]);
  });

  it("refuses at preview the removal of the last partner too: the guard stays while the last deployment's output names it", async () => {
    expect((await stack.outputs()).tenantRemovalGuards).to.deep.equal(["acronis-tenant-removal-guard"]);
    write({ acronis: { partners: [] } });
    const before = await apiWrites(emulators);
    const preview = await stack.run(["preview"]);
    expect(preview.code).to.not.equal(0);
    expect(preview.stdout + preview.stderr).to.include(refusal());
    const refused = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(refused.code).to.not.equal(0);
    expect(refused.stdout + refused.stderr).to.include(refusal());
    expect(await apiWrites(emulators)).to.deep.equal(before);
    expect(
      (await acronis.get(`/tenants/${(await acronisTenant("Reseller South")).id}`)).body.enabled,
    ).to.equal(true);
    expect(await stateNames()).to.deep.equal(["acronis-partner-reseller", "acronis-tenant-removal-guard"]);
  });

  it("disables the partner once the stranger has moved out; the guard, listing none, stays and plans nothing", async () => {
    const stranger = await acronisTenant("Stranger Dental");
    const { version } = (await acronis.get(`/tenants/${stranger.id}`)).body;
    expect((await acronis.put(`/tenants/${stranger.id}`, { enabled: false, version })).status).to.equal(200);
    const disabled = (await acronis.get(`/tenants/${stranger.id}`)).body;
    expect((await acronis.delete(`/tenants/${stranger.id}?version=${disabled.version}`)).status).to.equal(
      204,
    );
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "acronis-partner-reseller", op: "delete", properties: [] },
      { name: "acronis-tenant-removal-guard", op: "update", properties: ["tenants"] },
    ]);
    await stack.up();
    expect(
      (await acronis.get(`/tenants/${(await acronisTenant("Reseller South")).id}`)).body.enabled,
    ).to.equal(false);
    expect(await stateNames()).to.deep.equal(["acronis-tenant-removal-guard"]);
    expect((await stack.outputs()).tenantRemovalGuards).to.deep.equal(["acronis-tenant-removal-guard"]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });
});
