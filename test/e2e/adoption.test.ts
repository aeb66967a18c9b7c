import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { parse, stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites, isMarkWrite } from "../support/apiWrites";
import { repoRoot, TestStack } from "../support/engine";
import { runWithEmulators } from "../support/exportCli";
import { HcpApi } from "../support/hcpApi";
import { OutOfBand } from "../support/outOfBand";
import { previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

/** An estate made through the APIs, by hand as it were, and the estate file that describes it. */
async function fillThroughApis(acronis: AcronisApi, hcp: HcpApi, partnerId: string) {
  const console = new OutOfBand(acronis);
  const tenant = (
    await acronis.post("/tenants", {
      name: "Adopted Dental",
      kind: "customer",
      parent_id: partnerId,
      contact: { email: "it@adopted.example" },
    })
  ).body as { id: string };
  await console.setMfa(tenant.id, true);
  await console.setItem(tenant.id, "workstations", { status: 1, quota: { value: 10, overage: 12 } });
  const user = (
    await acronis.post("/users", {
      tenant_id: tenant.id,
      login: "adopted-admin",
      contact: { email: "admin@adopted.example", firstname: "Ada" },
    })
  ).body as { id: string };
  await console.setRoles(user.id, ["company_admin"]);
  const made = await hcp.admin("PUT", "/mapi/tenants?username=keeper&password=Start123x", {
    name: "archive",
    hardQuota: "50 GB",
    softQuota: 80,
    systemVisibleDescription: "made by hand",
  });
  expect(made.status, made.body).to.equal(200);
  return {
    adopt: true,
    acronis: {
      customers: [
        {
          key: "adopted-dental",
          name: "Adopted Dental",
          contact: { email: "it@adopted.example" },
          twoFactor: true,
          offeringItems: [{ name: "workstations", quota: { value: 10, overage: 12 } }],
          users: [
            {
              login: "adopted-admin",
              email: "admin@adopted.example",
              firstname: "Ada",
              roles: ["company_admin"],
            },
          ],
        },
      ],
    },
    hcp: {
      tenants: [
        {
          key: "archive",
          name: "archive",
          hardQuota: "50 GB",
          softQuota: 80,
          systemVisibleDescription: "made by hand",
        },
      ],
    },
  };
}

/** `tenant-estates export`, as a user runs it, with the providers' environment settings. */
function exportEstate(emulators: RunningEmulators, out: string) {
  const cli = path.join(repoRoot, "node_modules", "tenant-estates", "dist", "cli", "main.js");
  return runWithEmulators(emulators, process.execPath, [cli, "export", "--out", out]);
}

describe("end to end on the real engine: exporting an estate made by hand, and adopting it", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let estate: Awaited<ReturnType<typeof fillThroughApis>>;
  const estateFile = () => path.join(stack.workDir, "estate.yaml");

  /** The writes made since `before`, Acronis' first. */
  const writes = () => apiWrites(emulators);
  const writesSince = async (before: Awaited<ReturnType<typeof writes>>) => {
    const now = await writes();
    return [...now.acronis.slice(before.acronis.length), ...now.hcp.slice(before.hcp.length)];
  };

  before(async () => {
    emulators = await startEmulators();
    estate = await fillThroughApis(
      new AcronisApi(emulators.acronis),
      new HcpApi(emulators.hcp),
      emulators.acronis.partnerTenantId,
    );
    stack = await TestStack.create("adoption", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
    });
    await stack.mustRun(["config", "set", "estateFile", estateFile()]);
    writeFileSync(estateFile(), stringify(estate));
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("without adopt, a declared customer that exists is a clear conflict that says how to adopt it", async () => {
    writeFileSync(estateFile(), stringify({ ...estate, adopt: undefined, hcp: undefined }));
    const before = await writes();
    const result = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(result.code).to.not.equal(0);
    expect(result.stdout + result.stderr).to.match(
      /a tenant named "Adopted Dental" already exists under parent .*set `adopt: true`/,
    );
    // The one write is the refused create; nothing was made.
    expect(await writesSince(before)).to.deep.equal(["POST /api/2/tenants"]);
    await stack.mustRun(["refresh", "--yes"]);
  });

  it("tenant-estates export writes it as a valid estate file with adopt, with reads only, the same bytes twice", async () => {
    const before = await writes();
    const first = await exportEstate(emulators, estateFile());
    expect(first.status, first.stderr).to.equal(0);
    const text = readFileSync(estateFile(), "utf8");
    const again = await exportEstate(emulators, `${estateFile()}.again`);
    expect(again.status, again.stderr).to.equal(0);
    expect(readFileSync(`${estateFile()}.again`, "utf8")).to.equal(text);
    expect(await writesSince(before)).to.deep.equal([]);
    expect(first.stderr).to.match(/^acronis: \d+ tenants read$/m);
    expect(first.stderr).to.contain('not in the estate file: hcp: tenant "Default" has no hard quota');
    expect(first.stderr).to.contain(
      'not in the estate file: hcp: tenant "archive": its settings documents, user accounts and namespaces are not exported: no tenant-level account was given',
    );
    const exported = parse(text) as typeof estate & { acronis: { partnerTenantId: string } };
    expect(exported.adopt).to.equal(true);
    expect(exported.acronis.partnerTenantId).to.equal(emulators.acronis.partnerTenantId);
    expect(exported.acronis.customers).to.have.length(1);
    expect(exported.acronis.customers[0]).to.deep.include({
      key: "adopted-dental",
      name: "Adopted Dental",
      twoFactor: true,
      offeringItems: [{ name: "workstations", quota: { value: 10, overage: 12 } }],
    });
    expect(exported.acronis.customers[0].users).to.deep.equal([
      {
        email: "admin@adopted.example",
        enabled: true,
        firstname: "Ada",
        language: "en",
        login: "adopted-admin",
        roles: ["company_admin"],
      },
    ]);
    expect(exported.hcp.tenants.map((t) => t.name)).to.deep.equal(["archive"]);
    expect(exported.hcp.tenants[0]).to.deep.include({ hardQuota: "50.00 GB", softQuota: 80 });
  });

  it("with adopt, pulumi up of the exported file takes everything over, writing only one mark per object", async () => {
    const exported = readFileSync(estateFile(), "utf8");
    const before = await writes();
    await stack.up();
    const made = await writesSince(before);
    // The customer, its user and the HCP tenant get this stack's mark; nothing else is written.
    expect(made.filter((w) => !isMarkWrite(w))).to.deep.equal([]);
    expect(made.map((w) => w.replace(/[0-9a-f-]{36}/, "<id>")).sort()).to.deep.equal([
      "POST /mapi/tenants/archive",
      "PUT /api/2/tenants/<id>",
      "PUT /api/2/users/<id>",
    ]);
    // No managed property changed: a read-only export gives the same file.
    const again = await exportEstate(emulators, `${estateFile()}.adopted`);
    expect(again.status, again.stderr).to.equal(0);
    expect(readFileSync(`${estateFile()}.adopted`, "utf8")).to.equal(exported);
    const outputs = await stack.outputs();
    expect(Object.keys(outputs.customers as object)).to.deep.equal(["adopted-dental"]);
  });

  it("afterwards plans nothing, even with --refresh", async () => {
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("one edit of the exported file plans exactly one update, and up makes exactly that write", async () => {
    const exported = parse(readFileSync(estateFile(), "utf8")) as typeof estate;
    exported.acronis.customers[0].offeringItems = [
      { name: "workstations", quota: { value: 20, overage: 22 } },
    ];
    writeFileSync(estateFile(), stringify(exported));
    expect(await previewPlan(stack)).to.deep.equal([
      {
        name: "acronis-adopted-dental-offering-items",
        op: "update",
        properties: ["items.workstations.quota.overage", "items.workstations.quota.value"],
      },
    ]);
    const before = await writes();
    await stack.up();
    const made = await writesSince(before);
    expect(made).to.have.length(1);
    expect(made[0]).to.match(/^PUT \/api\/2\/tenants\/[0-9a-f-]+\/offering_items$/);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });
});
