import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import type { Estate } from "../../sdk/estate";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import { TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { OutOfBand } from "../support/outOfBand";
import { previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig, type StackConfig } from "../support/stackConfig";

/** The same settings under a named account's namespaces: `acronis:x` → `acronis-eu:x`. */
function asAccount(account: string, config: StackConfig): StackConfig {
  return Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => key.includes(":"))
      .map(([key, value]) => [key.replace(/^(acronis|hcp):/, `$1-${account}:`), value]),
  );
}

const estate = (partnerTenantId: string): Estate => ({
  acronis: { customers: [{ key: "home-co", name: "Home Co", twoFactor: true }] },
  hcp: { tenants: [{ key: "home", name: "home", hardQuota: "10 GB", initialUser: { name: "security" } }] },
  accounts: {
    eu: {
      acronis: {
        partnerTenantId,
        customers: [
          {
            key: "euro-co",
            name: "Euro Co",
            users: [{ login: "euro-admin", email: "admin@euro.example", roles: ["company_admin"] }],
          },
        ],
      },
      hcp: {
        tenants: [{ key: "euro", name: "euro", hardQuota: "20 GB", initialUser: { name: "security" } }],
      },
    },
  },
});

describe("end to end on the real engine: two Acronis and two HCP accounts in one stack", function () {
  this.timeout(600_000);
  let home: RunningEmulators;
  let eu: RunningEmulators;
  let stack: TestStack;
  const customerNames = (emulators: RunningEmulators) => new AcronisApi(emulators.acronis).customerNames();
  const hcpTenantNames = async (emulators: RunningEmulators) =>
    (
      JSON.parse((await new HcpApi(emulators.hcp).admin("GET", "/mapi/tenants")).body).name as string[]
    ).sort();
  const requests = (emulators: RunningEmulators) =>
    emulators.log.list("acronis").length + emulators.log.list("hcp").length;

  before(async () => {
    [home, eu] = await Promise.all([startEmulators(), startEmulators()]);
    stack = await TestStack.create("accounts", "test/programs/estateFile", {
      ...acronisStackConfig(home.acronis),
      ...hcpStackConfig(home.hcp),
      ...asAccount("eu", { ...acronisStackConfig(eu.acronis), ...hcpStackConfig(eu.hcp) }),
      hcpInitialUserPassword: { value: "Start-pass-42", secret: true },
    });
    const file = path.join(stack.workDir, "estate.yaml");
    writeFileSync(file, stringify(estate(eu.acronis.partnerTenantId)));
    await stack.mustRun(["config", "set", "estateFile", file]);
  });

  after(async () => {
    stack?.remove();
    await home?.close();
    await eu?.close();
  });

  it("pulumi up puts each section's objects into its own account, and nothing into the other", async () => {
    await stack.up();
    expect(await customerNames(home)).to.deep.equal(["Home Co"]);
    expect(await customerNames(eu)).to.deep.equal(["Euro Co"]);
    expect(await hcpTenantNames(home)).to.deep.equal(["Default", "home"]);
    expect(await hcpTenantNames(eu)).to.deep.equal(["Default", "euro"]);
  });

  it("preview --refresh plans nothing, reading each account in bulk", async () => {
    const before = [requests(home), requests(eu)];
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    const made = [requests(home) - before[0], requests(eu) - before[1]];
    // Acronis: a token and the two subtree listings per account; HCP: one read per tenant (plus sign-in).
    expect(made[0], "requests to the default account").to.be.at.most(8);
    expect(made[1], "requests to the eu account").to.be.at.most(8);
  });

  it("drift in the eu account is found by preview --refresh and repaired there by up", async () => {
    const euApi = new AcronisApi(eu.acronis);
    const euro = ((await euApi.get("/_emulator/state")).body.tenants as { id: string; name: string }[]).find(
      (t) => t.name === "Euro Co",
    );
    await new OutOfBand(euApi).updateTenant(euro?.id as string, { name: "Euro Renamed" });
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([
      { name: "eu-acronis-euro-co", op: "update", properties: ["name"] },
    ]);
    await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
    expect(await customerNames(eu)).to.deep.equal(["Euro Co"]);
    expect(await customerNames(home)).to.deep.equal(["Home Co"]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("the eu account's last partner, with a child the stack does not manage, cannot leave: refused at preview, no write", async () => {
    const file = path.join(stack.workDir, "estate.yaml");
    const withPartner = estate(eu.acronis.partnerTenantId);
    const euAcronis = withPartner.accounts?.eu?.acronis as NonNullable<Estate["acronis"]>;
    euAcronis.partners = [{ key: "eu-reseller", name: "EU Reseller" }];
    writeFileSync(file, stringify(withPartner));
    await stack.up();
    expect((await stack.outputs()).tenantRemovalGuards).to.deep.equal(["eu-acronis-tenant-removal-guard"]);
    const euApi = new AcronisApi(eu.acronis);
    const partner = (
      (await euApi.get("/_emulator/state")).body.tenants as { id: string; name: string }[]
    ).find((t) => t.name === "EU Reseller") as { id: string };
    const stranger = await euApi.post("/tenants", {
      name: "EU Stranger",
      kind: "customer",
      parent_id: partner.id,
    });
    expect(stranger.status).to.equal(201);

    writeFileSync(file, stringify(estate(eu.acronis.partnerTenantId)));
    const before = [requests(home), requests(eu)];
    const writesBefore = (await apiWrites(eu)).acronis.length;
    const preview = await stack.run(["preview"]);
    expect(preview.code).to.not.equal(0);
    expect(preview.stdout + preview.stderr).to.include(
      `partner tenant "EU Reseller" has 1 child tenant(s) without this stack's ownership mark: "EU Stranger" (customer ${stranger.body.id})`,
    );
    expect((await apiWrites(eu)).acronis.length).to.equal(writesBefore);
    expect([requests(home), requests(eu)]).to.not.deep.equal(before);
    expect((await euApi.get(`/tenants/${partner.id}`)).body.enabled).to.equal(true);
  });

  it("an account without settings fails at up with a clear error naming its own keys", async () => {
    const file = path.join(stack.workDir, "estate.yaml");
    const broken = estate(eu.acronis.partnerTenantId);
    broken.accounts = {
      ...broken.accounts,
      apac: {
        acronis: {
          partnerTenantId: eu.acronis.partnerTenantId,
          customers: [{ key: "apac-co", name: "Apac Co" }],
        },
      },
    };
    writeFileSync(file, stringify(broken));
    // A preview needs no credentials (pull requests from forks); the create does.
    const result = await stack.run(["up", "--yes", "--skip-preview"]);
    writeFileSync(file, stringify(estate(eu.acronis.partnerTenantId)));
    expect(result.code).to.not.equal(0);
    expect(result.stdout + result.stderr).to.contain(
      "Acronis is not configured: set acronis-apac:baseUrl (or ACRONIS_APAC_BASE_URL)",
    );
  });
});
