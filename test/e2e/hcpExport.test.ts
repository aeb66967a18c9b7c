import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { parse, stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { apiWrites, isMarkWrite } from "../support/apiWrites";
import { repoRoot, TestStack } from "../support/engine";
import { runWithEmulators } from "../support/exportCli";
import { HcpApi } from "../support/hcpApi";
import {
  auditorPassword,
  fillThroughMapi,
  insideKeys,
  password,
  recordsInside,
  scratchInside,
  vaultPassword,
} from "../support/hcpTenantsByHand";
import { previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

/** `tenant-estates export --hcp`, as a user runs it, with the given tenant-level settings. */
function exportHcp(emulators: RunningEmulators, out: string, env: NodeJS.ProcessEnv = {}) {
  const cli = path.join(repoRoot, "node_modules", "tenant-estates", "dist", "cli", "main.js");
  return runWithEmulators(emulators, process.execPath, [cli, "export", "--hcp", "--out", out], { env });
}

describe("end to end on the real engine: exporting HCP tenants with their settings, accounts and namespaces", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  const estateFile = () => path.join(stack.workDir, "estate.yaml");
  const writes = async () => (await apiWrites(emulators)).hcp;
  const tenantAccounts = {
    HCP_TENANT_USERNAME: "security",
    HCP_TENANT_VAULT_USERNAME: "keeper",
    HCP_TENANT_PASSWORD: password,
  };

  before(async () => {
    emulators = await startEmulators();
    await fillThroughMapi(new HcpApi(emulators.hcp));
    stack = await TestStack.create("hcp-export", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: password, secret: true },
    });
    await stack.mustRun(["config", "set", "estateFile", estateFile()]);
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("without a tenant-level account, exports each tenant alone and says so on stderr, naming the tenant", async () => {
    const out = `${estateFile()}.tenants-only`;
    const result = await exportHcp(emulators, out);
    expect(result.status, result.stderr).to.equal(0);
    const exported = parse(readFileSync(out, "utf8")) as { hcp: { tenants: Record<string, unknown>[] } };
    expect(exported.hcp.tenants.map((t) => t.name)).to.deep.equal(["records", "scratch", "vault"]);
    for (const tenant of exported.hcp.tenants)
      expect(Object.keys(tenant)).to.not.include.members(["initialUser", "consoleSecurity", "userAccounts"]);
    expect(result.stderr).to.contain(
      'not in the estate file: hcp: tenant "records": its settings documents, user accounts and namespaces are not exported: no tenant-level account was given: set HCP_TENANT_USERNAME (or HCP_TENANT_RECORDS_USERNAME) and HCP_TENANT_PASSWORD\n',
    );
  });

  it("with them, writes every settings document, account and namespace, with reads only, the same bytes twice", async () => {
    const before = await writes();
    const first = await exportHcp(emulators, estateFile(), tenantAccounts);
    expect(first.status, first.stderr).to.equal(0);
    const again = await exportHcp(emulators, `${estateFile()}.again`, tenantAccounts);
    expect(readFileSync(`${estateFile()}.again`, "utf8")).to.equal(readFileSync(estateFile(), "utf8"));
    expect(await writes()).to.deep.equal(before);
    const text = readFileSync(estateFile(), "utf8");
    for (const secret of [password, auditorPassword, vaultPassword])
      expect(first.stdout + first.stderr + again.stderr + text).to.not.contain(secret);
    expect(first.stderr).to.contain(
      'not in the estate file: hcp: tenant "scratch": contactInfo, emailNotification, namespaceDefaults, permissions and namespaces are not exported: the estate file signs in for them as an ADMINISTRATOR account of userAccounts, and the tenant has none\n',
    );
    expect(first.stderr).to.match(
      /^not in the estate file: hcp: tenant "vault": its settings documents, user accounts and namespaces are not exported: signing in as "keeper" failed: .*HTTP 403.*$/m,
    );
    const tenants = (parse(text) as { hcp: { tenants: Record<string, unknown>[] } }).hcp.tenants;
    const inside = (tenant: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(tenant).filter(([key]) => insideKeys.includes(key)));
    expect(tenants.map(inside)).to.deep.equal([recordsInside, scratchInside, {}]);
  });

  it("with adopt, pulumi up of the exported file takes all of it over, writing only one mark per tenant and namespace", async () => {
    const exported = readFileSync(estateFile(), "utf8");
    const before = await writes();
    await stack.up();
    const made = (await writes()).slice(before.length);
    // Tenants and namespaces get this stack's mark among their tags; accounts cannot carry one.
    expect(made.filter((w) => !isMarkWrite(w))).to.deep.equal([]);
    expect(made.sort()).to.deep.equal([
      "POST /mapi/tenants/records",
      "POST /mapi/tenants/records/namespaces/contracts",
      "POST /mapi/tenants/records/namespaces/invoices",
      "POST /mapi/tenants/scratch",
      "POST /mapi/tenants/vault",
    ]);
    // No managed property changed: a read-only export gives the same file.
    const again = await exportHcp(emulators, `${estateFile()}.adopted`, tenantAccounts);
    expect(again.status, again.stderr).to.equal(0);
    expect(readFileSync(`${estateFile()}.adopted`, "utf8")).to.equal(exported);
    const state = JSON.parse(await stack.exportState()) as { deployment: { resources: { urn: string }[] } };
    const names = state.deployment.resources
      .filter((r) => !r.urn.includes("::pulumi:")) // the stack and the default providers left out
      .map((r) => r.urn.split("::").pop() as string);
    expect(names.sort()).to.deep.equal([
      "hcp-records",
      "hcp-records-account-auditor",
      "hcp-records-account-nsadmin",
      "hcp-records-console-security",
      "hcp-records-contact-info",
      "hcp-records-email-notification",
      "hcp-records-namespace-contracts",
      "hcp-records-namespace-defaults",
      "hcp-records-namespace-invoices",
      "hcp-records-permissions",
      "hcp-records-search-security",
      "hcp-scratch",
      "hcp-scratch-console-security",
      "hcp-scratch-search-security",
      "hcp-vault",
    ]);
  });

  it("afterwards plans nothing, even with --refresh", async () => {
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("an edit of an exported document plans that one update, which up makes signed in as the exported account", async () => {
    const exported = parse(readFileSync(estateFile(), "utf8")) as {
      hcp: { tenants: { contactInfo?: Record<string, string> }[] };
    };
    (exported.hcp.tenants[0].contactInfo as Record<string, string>).city = "York";
    writeFileSync(estateFile(), stringify(exported));
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "hcp-records-contact-info", op: "update", properties: ["city"] },
    ]);
    const before = await writes();
    await stack.up();
    expect((await writes()).slice(before.length)).to.deep.equal(["POST /mapi/tenants/records/contactInfo"]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });
});
