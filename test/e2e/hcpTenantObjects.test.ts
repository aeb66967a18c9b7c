import { expect } from "chai";
import { RequestLog } from "../../emulator/core/requestLog";
import { startHcpEmulator } from "../../emulator/hcp/server";
import type { HcpInfo, RunningServer } from "../../emulator/types";
import { TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { previewPlan } from "../support/plan";
import { hcpStackConfig } from "../support/stackConfig";

const initialPassword = "Start-123-objects";
const adminPassword = "Admin-456-objects";

/** HCP writes the emulator logged after `from` (the control API left out). */
const writesSince = (log: RequestLog, from: number) =>
  log
    .list("hcp")
    .slice(from)
    .filter((e) => !["GET", "HEAD"].includes(e.method) && !e.path.startsWith("/_emulator"))
    .map((e) => `${e.method} ${e.path}`);

describe("end to end on the real engine: HCP namespaces and user accounts", function () {
  this.timeout(600_000);
  let emulator: RunningServer<HcpInfo>;
  let log: RequestLog;
  let api: HcpApi;
  let stack: TestStack;

  const stackConfig = (tenant: string) => ({
    ...hcpStackConfig(emulator.info),
    tenant: { value: tenant },
    initialPassword: { value: initialPassword, secret: true },
    adminPassword: { value: adminPassword, secret: true },
  });
  const asSecurity = (tenant: string, method: string, path: string, json?: unknown) =>
    api.asTenantUser(tenant, "security", initialPassword, method, `/mapi/tenants/${tenant}${path}`, json);
  const asAdmin = (tenant: string, method: string, path: string, json?: unknown) =>
    api.asTenantUser(tenant, "nsadmin", adminPassword, method, `/mapi/tenants/${tenant}${path}`, json);
  const accepted = async (answer: Promise<{ status: number; error?: string }>) => {
    const { status, error } = await answer;
    expect(status, error).to.equal(200);
  };

  before(async () => {
    log = new RequestLog();
    emulator = await startHcpEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log });
    api = new HcpApi(emulator.info);
    stack = await TestStack.create("hcp-objects", "test/programs/hcpTenantObjects", stackConfig("Records"));
    await stack.up();
  });

  after(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("pulumi up makes the tenant, both accounts (which sign in with their passwords) and the namespace", async () => {
    const ns = JSON.parse((await asAdmin("records", "GET", "/namespaces/invoices?verbose=true")).body);
    expect(ns).to.deep.include({
      name: "invoices",
      description: "Supplier invoices",
      hardQuota: "20.00 GB",
      softQuota: 80,
      hashScheme: "SHA-256",
      searchEnabled: true,
      indexingEnabled: true,
    });
    expect(ns.tags.tag).to.have.members(["finance", "invoices", "tenant-estates:hcp-objects/test@invoices"]);
    const versioning = JSON.parse(
      (await asAdmin("records", "GET", "/namespaces/invoices/versioningSettings")).body,
    );
    expect(versioning).to.include({ enabled: true, prune: true, pruneDays: 30 });
    const auditor = JSON.parse((await asSecurity("records", "GET", "/userAccounts/auditor")).body);
    expect(auditor).to.deep.include({ fullName: "Auditor", roles: { role: ["MONITOR"] } });
    expect(
      (await api.asTenantUser("records", "auditor", adminPassword, "GET", "/mapi/tenants/records/namespaces"))
        .status,
    ).to.equal(200);
    const outputs = await stack.outputs();
    expect(outputs.namespaceId).to.equal(ns.id);
    expect(outputs.namespaceHost).to.equal("invoices.Records.hcp.example.com");
  });

  it("pulumi preview afterwards shows no changes, also with --refresh", async () => {
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  const drifts: {
    what: string;
    make: () => Promise<void>;
    plan: { name: string; op: string; properties: string[] }[];
  }[] = [
    {
      what: "a namespace's quota and description",
      make: () =>
        accepted(
          asAdmin("records", "POST", "/namespaces/invoices", { softQuota: 60, description: "changed" }),
        ),
      plan: [{ name: "invoices", op: "update", properties: ["description", "softQuota"] }],
    },
    {
      what: "a namespace's versioning, tags and retention",
      make: async () => {
        await accepted(
          asAdmin("records", "POST", "/namespaces/invoices/versioningSettings", { prune: false }),
        );
        await accepted(asAdmin("records", "POST", "/namespaces/invoices", { tags: { tag: ["finance"] } }));
        await accepted(
          asAdmin("records", "POST", "/namespaces/invoices/complianceSettings", { retentionDefault: "0" }),
        );
      },
      plan: [
        { name: "invoices", op: "update", properties: ["defaultRetention", "tags", "versioning.prune"] },
      ],
    },
    {
      what: "a namespace renamed in the console",
      make: () => accepted(asAdmin("records", "POST", "/namespaces/invoices", { name: "bills" })),
      plan: [{ name: "invoices", op: "update", properties: ["name"] }],
    },
    {
      what: "an account's roles and full name",
      make: () =>
        accepted(
          asSecurity("records", "POST", "/userAccounts/auditor", {
            fullName: "Someone",
            roles: { role: ["SECURITY"] },
          }),
        ),
      plan: [{ name: "auditor", op: "update", properties: ["fullName", "roles"] }],
    },
    {
      what: "an account renamed in the console",
      make: () => accepted(asSecurity("records", "POST", "/userAccounts/auditor", { username: "auditor2" })),
      plan: [{ name: "auditor", op: "update", properties: ["username"] }],
    },
  ];

  for (const drift of drifts) {
    it(`finds ${drift.what} with preview --refresh, as the exact plan, and up repairs it`, async () => {
      await drift.make();
      expect(await previewPlan(stack, { refresh: true })).to.deep.equal(drift.plan);
      await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
      expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    });
  }

  const declare = (declared: object) =>
    stack.mustRun(["config", "set", "declare", "--", JSON.stringify(declared)]);

  it("refuses a new hash scheme at preview while the old namespace would be kept; with deletionPolicy delete stored, plans the replacement, old namespace first; in place for a rename", async () => {
    await declare({ namespace: { hashScheme: "SHA-512" } });
    const refused = await stack.run(["preview"]);
    expect(refused.code).to.not.equal(0);
    expect(refused.stdout + refused.stderr).to.include(
      'hashScheme can change only by replacing the namespace, which only forgets the old namespace unless deletionPolicy "delete" is in the state',
    );
    await declare({ namespace: { deletionPolicy: "delete" } });
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "invoices", op: "update", properties: ["deletionPolicy"] },
    ]);
    await stack.up();
    await declare({ namespace: { deletionPolicy: "delete", hashScheme: "SHA-512" } });
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "invoices", op: "replace", properties: ["hashScheme"], deleteFirst: true },
    ]);
    await declare({ namespace: { deletionPolicy: "delete", name: "receipts" } });
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "invoices", op: "update", properties: ["name"] },
    ]);
    await declare({ namespace: { deletionPolicy: "delete" } });
  });

  it("keeps every password out of state, export and output", async () => {
    const text =
      stack.backendFilesText() +
      (await stack.exportState()) +
      JSON.stringify((await stack.run(["preview", "--diff", "--refresh"])).stdout) +
      JSON.stringify(log.list("hcp"));
    for (const secret of [initialPassword, adminPassword, emulator.info.password])
      expect(text).to.not.include(secret);
  });

  it("with deletionPolicy delete stored, refuses to destroy the namespace while it holds objects, naming them; destroys it and the tenant once it is empty", async () => {
    await declare({ tenant: { deletionPolicy: "delete" }, namespace: { deletionPolicy: "delete" } });
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "tenant", op: "update", properties: ["deletionPolicy"] },
    ]);
    await stack.up();
    await api.control("POST", "/_emulator/namespaces/Records/invoices/objects", { count: 3 });
    const refused = await stack.run(["destroy", "--yes", "--skip-preview"]);
    expect(refused.code).to.not.equal(0);
    expect(refused.stdout + refused.stderr).to.match(/invoices.*holds 3 object\(s\).*nothing was deleted/s);
    expect((await asAdmin("records", "GET", "/namespaces/invoices")).status).to.equal(200);
    await api.control("DELETE", "/_emulator/namespaces/Records/invoices/objects");
    await stack.destroy();
    expect((await api.admin("GET", "/mapi/tenants/Records")).status).to.equal(404);
  });

  it("adopts a tenant, accounts and a namespace made through MAPI writing only their marks, then plans nothing; destroy leaves them", async () => {
    await accepted(
      api.admin("PUT", `/mapi/tenants?username=security&password=${initialPassword}`, {
        name: "Archive",
        hardQuota: "100 GB",
        versioningConfigurationEnabled: true,
        searchConfigurationEnabled: true,
        complianceConfigurationEnabled: true,
      }),
    );
    const account = { localAuthentication: true, forcePasswordChange: false, enabled: true };
    await accepted(
      asSecurity("archive", "PUT", `/userAccounts?password=${adminPassword}`, {
        ...account,
        username: "nsadmin",
        fullName: "Namespace administrator",
        roles: { role: ["ADMINISTRATOR", "COMPLIANCE"] },
      }),
    );
    await accepted(
      asSecurity("archive", "PUT", `/userAccounts?password=${adminPassword}`, {
        ...account,
        username: "auditor",
        fullName: "Auditor",
        description: "Reads everything",
        roles: { role: ["MONITOR"] },
      }),
    );
    await accepted(
      asAdmin("archive", "PUT", "/namespaces", {
        name: "invoices",
        description: "Supplier invoices",
        hardQuota: "20 GB",
        softQuota: 80,
        hashScheme: "SHA-256",
        searchEnabled: true,
        tags: { tag: ["finance", "invoices"] },
        versioningSettings: { enabled: true, prune: true, pruneDays: 30 },
      }),
    );
    await accepted(
      asAdmin("archive", "POST", "/namespaces/invoices/complianceSettings", { retentionDefault: "A+7y" }),
    );
    const adopter = await TestStack.create("hcp-objects-adopt", "test/programs/hcpTenantObjects", {
      ...stackConfig("Archive"),
      declare: { value: JSON.stringify({ adopt: true }) },
    });
    try {
      const from = log.list("hcp").length;
      // The plan warns that adopted accounts stay unmarked (HCP accounts have no field for a mark).
      const preview = await adopter.mustRun(["preview"]);
      for (const account of ["nsadmin", "auditor"])
        expect(preview.stdout + preview.stderr).to.contain(
          `HcpUserAccount "${account}" is adopted without an ownership mark (HCP user accounts have no field for an ownership mark): another stack's adopt of the same object is not refused`,
        );
      await adopter.up();
      // The tenant and the namespace get this stack's mark among their tags, and nothing else is written.
      expect(writesSince(log, from)).to.deep.equal([
        "POST /mapi/tenants/Archive",
        "POST /mapi/tenants/Archive/namespaces/invoices",
      ]);
      expect(JSON.parse((await api.admin("GET", "/mapi/tenants/Archive")).body).tags).to.deep.equal({
        tag: ["tenant-estates:hcp-objects-adopt/test@tenant"],
      });
      expect(await previewPlan(adopter, { refresh: true })).to.deep.equal([]);
      const beforeDestroy = log.list("hcp").length;
      await adopter.destroy();
      expect(writesSince(log, beforeDestroy)).to.deep.equal([]);
      expect((await asAdmin("archive", "GET", "/namespaces/invoices")).status).to.equal(200);
    } finally {
      adopter.remove();
    }
  });
});
