import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { resourceSpecs } from "../../provider/specs";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import type { TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { madeThroughApis, type ObjectsMade } from "../support/importableObjects";
import { previewPlan } from "../support/plan";
import { pluginStack } from "../support/pluginStack";

/** One object the program declares: its type (without the package), resource name, inputs and import id. */
interface Declared {
  token: string;
  resource: string;
  args: Record<string, unknown>;
  importId?: string;
}

interface StoredResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
}

const token = (type: string) => {
  const spec = resourceSpecs.find((s) => s.type === type);
  if (!spec) throw new Error(`no resource type ${type}`);
  return `tenant-estates:${spec.module}:${type}`;
};

describe("end to end on the real engine: pulumi import and the import option bring in objects of every type made through the APIs, with no write", function () {
  this.timeout(900_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let made: ObjectsMade;
  const project = "plugin-import";
  const providerUrn = `urn:pulumi:test::${project}::pulumi:providers:tenant-estates::estate`;
  const declare = (resources: Declared[]) =>
    stack.mustRun(["config", "set", "resources", "--", JSON.stringify(resources)]);
  const storedResources = async () =>
    (JSON.parse(await stack.exportState()) as { deployment: { resources: StoredResource[] } }).deployment
      .resources;
  const stored = async (resource: string) =>
    (await storedResources()).find((r) => r.urn.endsWith(`::${resource}`)) as StoredResource;

  /** Every importable object, as the program declares it: values equal to what the APIs hold. */
  const everyObject = (): (Declared & { id: string })[] => {
    const { root, partner, folder, customer, user, client } = made.acronis;
    const tenant = "imports";
    return [
      {
        token: "PartnerTenant",
        resource: "partner",
        id: partner,
        args: { name: "Imported Partner", parentId: root },
      },
      {
        token: "FolderTenant",
        resource: "folder",
        id: folder,
        args: { name: "Imported Folder", parentId: root },
      },
      {
        token: "CustomerTenant",
        resource: "customer",
        id: customer,
        args: { name: "Imported Dental", parentId: root, contact: { email: "it@imported.example" } },
      },
      {
        token: "TenantMfa",
        resource: "customer-mfa",
        id: customer,
        args: { tenantId: customer, enabled: true },
      },
      {
        token: "OfferingItems",
        resource: "customer-items",
        id: customer,
        args: { tenantId: customer, items: [{ name: "workstations", quota: { value: 10, overage: 12 } }] },
      },
      {
        token: "User",
        resource: "admin",
        id: user,
        args: {
          tenantId: customer,
          login: "imported-admin",
          contact: { email: "ada@imported.example", firstname: "Ada" },
        },
      },
      {
        token: "AccessPolicy",
        resource: "admin-roles",
        id: user,
        args: { userId: user, roles: ["company_admin"] },
      },
      {
        token: "ApiClient",
        resource: "sync",
        id: client,
        args: { tenantId: customer, name: "imported-sync" },
      },
      { token: "HcpTenant", resource: "archive", id: tenant, args: { name: tenant, hardQuota: "40 GB" } },
      {
        token: "HcpConsoleSecurity",
        resource: "archive-console",
        id: tenant,
        args: { tenant, minimumPasswordLength: 10, loginMessage: "Staff only" },
      },
      {
        token: "HcpSearchSecurity",
        resource: "archive-search",
        id: tenant,
        args: {
          tenant,
          ipSettings: { allowAddresses: ["192.168.0.0/16"], denyAddresses: [], allowIfInBothLists: true },
        },
      },
      {
        token: "HcpTenantContactInfo",
        resource: "archive-contact",
        id: tenant,
        args: { tenant, firstName: "Lee", emailAddress: "lee@imported.example" },
      },
      {
        token: "HcpTenantEmailNotification",
        resource: "archive-email",
        id: tenant,
        args: { tenant, enabled: true },
      },
      {
        token: "HcpNamespaceDefaults",
        resource: "archive-defaults",
        id: tenant,
        args: { tenant, description: "Records", softQuota: 70 },
      },
      {
        token: "HcpTenantPermissions",
        resource: "archive-permissions",
        id: tenant,
        args: { tenant, permissions: ["DELETE", "READ", "SEARCH", "WRITE"] },
      },
      {
        token: "HcpNamespace",
        resource: "invoices",
        id: `${tenant}/invoices`,
        args: { tenant, name: "invoices", hardQuota: "5 GB", description: "Supplier invoices" },
      },
      {
        token: "HcpUserAccount",
        resource: "auditor",
        id: `${tenant}/auditor`,
        args: { tenant, username: "auditor", fullName: "Auditor", roles: ["MONITOR"] },
      },
    ].map((o) => ({ ...o, token: token(o.token) }));
  };

  /** `pulumi import` through the stack's provider instance, of one object or of a file listing many. */
  const importing = (args: string[]) =>
    stack.run([
      "import",
      ...args,
      "--protect=false",
      // The Node.js language host built from the module proxy has no code generator (GenerateProgram).
      "--generate-code=false",
      "--yes",
    ]);

  before(async () => {
    emulators = await startEmulators();
    stack = await pluginStack(project, "test/programs/pluginImport", {
      clientSecret: { value: emulators.acronis.clientSecret, secret: true },
      hcpPassword: { value: emulators.hcp.password, secret: true },
    });
    const { acronis, hcp } = emulators;
    const account = {
      acronis: { baseUrl: acronis.baseUrl, clientId: acronis.clientId },
      hcp: {
        domain: hcp.domain,
        port: Number(new URL(hcp.url).port),
        address: "127.0.0.1",
        caCert: readFileSync(hcp.caCertPath, "utf8"),
        username: hcp.username,
      },
    };
    await stack.mustRun(["config", "set", "account", "--", JSON.stringify(account)]);
    await declare([]);
    await stack.up();
    made = await madeThroughApis(new AcronisApi(acronis), new HcpApi(hcp), acronis.partnerTenantId);
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("pulumi import --file brings in an object of every importable type in one step, with no write to either API", async () => {
    const objects = everyObject();
    expect(objects.map((o) => o.token).sort()).to.deep.equal(
      resourceSpecs
        .filter((s) => s.type !== "TenantRemovalGuard")
        .map((s) => `tenant-estates:${s.module}:${s.type}`)
        .sort(),
    );
    const file = path.join(stack.workDir, "imports.json");
    writeFileSync(
      file,
      JSON.stringify({
        nameTable: { estate: providerUrn },
        resources: objects.map((o) => ({ type: o.token, name: o.resource, id: o.id, provider: "estate" })),
      }),
    );
    const before = await apiWrites(emulators);
    const imported = await importing(["--file", file]);
    expect(imported.code, imported.stdout + imported.stderr).to.equal(0);
    expect(imported.stdout + imported.stderr).to.not.contain("failed to validate");
    expect(await apiWrites(emulators)).to.deep.equal(before);
    // The user's inputs are every property it holds, empty contact fields left out.
    expect((await stored("admin")).inputs).to.deep.equal({
      tenantId: made.acronis.customer,
      login: "imported-admin",
      contact: { email: "ada@imported.example", firstname: "Ada" },
      enabled: true,
      language: "en",
    });
    // Imported by <tenant>/<name>, a namespace and an account keep the UUIDs HCP gave them as their ids.
    expect((await stored("invoices")).id).to.equal(made.hcp.namespaceId);
    expect((await stored("auditor")).id).to.equal(made.hcp.auditorGuid);
    // An imported API client has every input but `rotation`, and no secret: the API shows it only at create.
    expect((await stored("sync")).inputs).to.deep.equal({
      tenantId: made.acronis.customer,
      name: "imported-sync",
      enabled: true,
      redirectUris: [],
      tokenEndpointAuthMethod: "client_secret_basic",
    });
    expect(JSON.stringify(await stored("sync"))).to.not.contain("clientSecret");
  });

  it("the program declaring them with the values the APIs hold then plans no change, also with --refresh", async () => {
    await declare(everyObject().map(({ id: _id, ...declared }) => declared));
    expect(await previewPlan(stack)).to.deep.equal([]);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });

  it("a TenantRemovalGuard, a tenant of another kind and a namespace by its name alone are refused, each saying why", async () => {
    const refusal = async (type: string, id: string) => {
      const run = await importing([token(type), "refused", id, "--provider", `estate=${providerUrn}`]);
      expect(run.code).to.not.equal(0);
      return run.stdout + run.stderr;
    };
    expect(await refusal("TenantRemovalGuard", "tenant-removal-guard")).to.contain(
      "a TenantRemovalGuard cannot be imported: it holds no object in Acronis, only the list the program gives it; declare it in the program and `pulumi up` adds it without any write",
    );
    expect(await refusal("CustomerTenant", made.acronis.partner)).to.contain(
      `tenant ${made.acronis.partner} ("Imported Partner") is a partner tenant, not a customer tenant: import it as the resource of its kind`,
    );
    expect(await refusal("HcpNamespace", "invoices")).to.contain(
      'HcpNamespace is imported by the id `<tenant>/<name>` (e.g. `finance/invoices`), got "invoices"',
    );
    expect(await storedResources()).to.not.satisfy((all: StoredResource[]) =>
      all.some((r) => r.urn.endsWith("::refused")),
    );
  });

  it("the import resource option adopts a customer and a user: the plan shows import, and up writes nothing", async () => {
    const { customer, user } = made.acronis.forOption;
    const declared = everyObject().map(({ id: _id, ...object }) => object);
    await declare([
      ...declared,
      {
        token: token("CustomerTenant"),
        resource: "optioned-customer",
        args: { name: "Optioned Co", parentId: made.acronis.root },
        importId: customer,
      },
      {
        token: token("User"),
        resource: "optioned-user",
        args: { tenantId: customer, login: "optioned-user", contact: { email: "optioned@imported.example" } },
        importId: user,
      },
    ]);
    expect(await previewPlan(stack)).to.deep.equal([
      { name: "optioned-customer", op: "import", properties: [] },
      { name: "optioned-user", op: "import", properties: [] },
    ]);
    const before = await apiWrites(emulators);
    await stack.up();
    expect(await apiWrites(emulators)).to.deep.equal(before);
    expect((await stored("optioned-user")).id).to.equal(user);
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
  });
});
