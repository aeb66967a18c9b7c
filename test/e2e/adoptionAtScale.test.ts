import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

const customers = 100;
const hcpTenants = 10;
/** The oldest Node.js the package supports (package.json `engines`): this whole proof runs on it. */
const oldestNode = "22.12.0";

/** An estate made through the APIs, not through Pulumi: every customer a little different. */
async function fillThroughApis(acronis: AcronisApi, hcp: HcpApi, partnerId: string): Promise<void> {
  const console = new OutOfBand(acronis);
  for (let i = 0; i < customers; i++) {
    const tenant = (
      await acronis.post("/tenants", {
        name: `Hand Made ${i}`,
        kind: "customer",
        parent_id: partnerId,
        customer_id: i % 2 === 0 ? `crm-${i}` : undefined,
        contact: { email: `it@hand-made-${i}.example` },
      })
    ).body as { id: string };
    if (i % 3 !== 0) await console.setMfa(tenant.id, true);
    await console.setItem(tenant.id, "workstations", { quota: { value: 5 + (i % 7), overage: null } });
    if (i % 2 === 1)
      await console.setItem(tenant.id, "servers", { quota: { value: 1 + (i % 3), overage: 2 + (i % 3) } });
    if (i % 5 === 0) await console.setItem(tenant.id, "vms", {});
    const logins = i % 4 === 0 ? [`hand-admin-${i}`, `hand-backup-${i}`] : [`hand-admin-${i}`];
    for (const [n, login] of logins.entries()) {
      const user = (
        await acronis.post("/users", {
          tenant_id: tenant.id,
          login,
          contact: { email: `${login}@example.com` },
        })
      ).body as { id: string };
      if (n === 0) await console.setRoles(user.id, ["company_admin"]);
      else if (i % 8 === 0) await console.setRoles(user.id, ["backup_user", "readonly_admin"]);
    }
  }
  for (let j = 0; j < hcpTenants; j++) {
    const made = await hcp.admin("PUT", `/mapi/tenants?username=keeper${j}&password=Start123x`, {
      name: `archive-${j}`,
      hardQuota: `${10 * (j + 1)} GB`,
      softQuota: 70 + j,
      namespaceQuota: j % 2 === 0 ? String(j + 1) : "None",
      systemVisibleDescription: `archive ${j}, made by hand`,
      tags: { tag: j % 3 === 0 ? [] : ["archive", `tier-${j % 3}`] },
      versioningConfigurationEnabled: j % 2 === 0,
      searchConfigurationEnabled: j % 4 === 0,
    });
    expect(made.status, made.body).to.equal(200);
  }
}

/** A Pulumi program outside the repository that installs the packed tarball, as a user's would. */
function freshProgram(): { dir: string; nodeDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "tenant-estates-fresh-"));
  const tarball = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop() as string;
  const pulumiVersion = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).dependencies[
    "@pulumi/pulumi"
  ];
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: "my-estate",
      private: true,
      main: "index.js",
      dependencies: { "@pulumi/pulumi": pulumiVersion, "tenant-estates": `file:./${tarball}` },
    }),
  );
  writeFileSync(path.join(dir, "Pulumi.yaml"), "name: my-estate\nruntime:\n  name: nodejs\n");
  writeFileSync(
    path.join(dir, "index.js"),
    [
      'const { declareEstate, loadEstate } = require("tenant-estates");',
      'const declared = declareEstate(loadEstate(require("node:path").join(__dirname, "estate.yaml")));',
      "exports.customers = declared.customers.length;",
      "exports.node = process.version;",
      "",
    ].join("\n"),
  );
  const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];
  execFileSync("npm", ["install", ...quiet], { cwd: dir, stdio: "ignore" });
  // The oldest supported Node.js, from the registry's `node` package, kept beside the program.
  execFileSync("npm", ["install", ...quiet, "--prefix", path.join(dir, ".node"), `node@${oldestNode}`], {
    stdio: "ignore",
  });
  return { dir, nodeDir: path.join(dir, ".node", "node_modules", ".bin") };
}

describe(`end to end: ${customers} customers and ${hcpTenants} HCP tenants made by hand, exported and adopted by a fresh program on Node.js ${oldestNode}`, function () {
  this.timeout(900_000);
  let emulators: RunningEmulators;
  let program: { dir: string; nodeDir: string };
  let stack: TestStack;
  const estateFile = () => path.join(program.dir, "estate.yaml");
  const userPath = () => [program.nodeDir, process.env.PATH].join(path.delimiter);
  const exportTo = (file: string) =>
    runWithEmulators(
      emulators,
      path.join(program.dir, "node_modules", ".bin", "tenant-estates"),
      ["export", "--out", file],
      {
        cwd: program.dir,
        path: userPath(),
      },
    );

  before(async () => {
    emulators = await startEmulators();
    await fillThroughApis(
      new AcronisApi(emulators.acronis),
      new HcpApi(emulators.hcp),
      emulators.acronis.partnerTenantId,
    );
    program = freshProgram();
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("the installed command exports the estate with reads only, the same bytes twice", async () => {
    const before = await apiWrites(emulators);
    const first = await exportTo(estateFile());
    expect(first.status, first.stderr).to.equal(0);
    const again = await exportTo(`${estateFile()}.again`);
    expect(again.status, again.stderr).to.equal(0);
    const text = readFileSync(estateFile(), "utf8");
    expect(readFileSync(`${estateFile()}.again`, "utf8")).to.equal(text);
    expect(await apiWrites(emulators)).to.deep.equal(before);
    const estate = parse(text);
    expect(estate.adopt).to.equal(true);
    expect(estate.acronis.customers).to.have.length(customers);
    expect(estate.hcp.tenants).to.have.length(hcpTenants);
    const users = estate.acronis.customers.flatMap((c: { users?: unknown[] }) => c.users ?? []);
    expect(users).to.have.length(customers + customers / 4);
    expect(estate.acronis.customers.filter((c: { twoFactor: boolean }) => c.twoFactor)).to.have.length(66);
  });

  it(`pulumi up adopts everything writing only one mark per object, on Node.js ${oldestNode}`, async () => {
    const config = { ...acronisStackConfig(emulators.acronis), ...hcpStackConfig(emulators.hcp) };
    stack = await TestStack.inDirectory(program.dir, config, { nodeDir: program.nodeDir });
    const exported = readFileSync(estateFile(), "utf8");
    const before = await apiWrites(emulators);
    await stack.up();
    const after = await apiWrites(emulators);
    const made = [...after.acronis.slice(before.acronis.length), ...after.hcp.slice(before.hcp.length)];
    // Every customer, user and HCP tenant gets this stack's mark, and nothing else is written.
    expect(made.filter((w) => !isMarkWrite(w))).to.deep.equal([]);
    const kinds = (prefix: string) => made.filter((w) => w.startsWith(prefix)).length;
    expect(kinds("PUT /api/2/tenants/")).to.equal(customers);
    expect(kinds("PUT /api/2/users/")).to.equal(customers + customers / 4);
    expect(kinds("POST /mapi/tenants/")).to.equal(hcpTenants);
    expect(made).to.have.length(customers + customers + customers / 4 + hcpTenants);
    // No managed property changed: a read-only export gives the same file.
    const again = await exportTo(`${estateFile()}.adopted`);
    expect(again.status, again.stderr).to.equal(0);
    expect(readFileSync(`${estateFile()}.adopted`, "utf8")).to.equal(exported);
    expect(await stack.outputs()).to.deep.equal({ customers, node: `v${oldestNode}` });
  });

  it("then plans nothing, also with --refresh", async () => {
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("one edit of the exported file plans exactly one update, and up makes exactly that write", async () => {
    const estate = parse(readFileSync(estateFile(), "utf8"));
    const customer = estate.acronis.customers.find((c: { name: string }) => c.name === "Hand Made 42");
    customer.offeringItems = customer.offeringItems.map((item: { name: string }) =>
      item.name === "workstations" ? { name: "workstations", quota: { value: 50 } } : item,
    );
    writeFileSync(estateFile(), stringify(estate));
    expect(await previewPlan(stack)).to.deep.equal([
      {
        name: `acronis-${customer.key}-offering-items`,
        op: "update",
        // The edit writes the quota without the exported `overage: null`: that is a change too.
        properties: ["items.workstations.quota.overage", "items.workstations.quota.value"],
      },
    ]);
    const before = await apiWrites(emulators);
    await stack.up();
    const after = await apiWrites(emulators);
    expect(after.hcp).to.deep.equal(before.hcp);
    const made = after.acronis.slice(before.acronis.length);
    expect(made).to.have.length(1);
    expect(made[0]).to.match(/^PUT \/api\/2\/tenants\/[0-9a-f-]+\/offering_items$/);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });
});
