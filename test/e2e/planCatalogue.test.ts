import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { type Estate, type EstateCustomer, type EstateUser, loadEstate } from "../../sdk/estate";
import { AcronisApi } from "../support/acronisApi";
import { repoRoot, TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { OutOfBand } from "../support/outOfBand";
import { type PlannedChange, previewPlan } from "../support/plan";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

const update = (name: string, ...properties: string[]): PlannedChange => ({ name, op: "update", properties });
const create = (name: string): PlannedChange => ({ name, op: "create", properties: [] });
const deleted = (name: string): PlannedChange => ({ name, op: "delete", properties: [] });
const replacedDeletingFirst = (name: string, ...properties: string[]): PlannedChange => ({
  name,
  op: "replace",
  properties,
  deleteFirst: true,
});

const initialUserPassword = "Catalogue-initial-1";

describe("end to end on the real engine: the exact plan of every kind of change to an estate", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let stack: TestStack;
  let hcp: HcpApi;
  let inConsole: OutOfBand;
  const estate = loadEstate(path.join(repoRoot, "test/fixtures/planCatalogue.estate.yaml"));
  const acme = () => estate.acronis?.customers?.[0] as EstateCustomer;
  const globex = () => estate.acronis?.customers?.[1] as EstateCustomer;
  const user = (customer: EstateCustomer, login: string) =>
    customer.users?.find((u) => u.login === login) as EstateUser;
  const finance = () => estate.hcp?.tenants[0] as NonNullable<Estate["hcp"]>["tenants"][number];
  const estateFile = () => path.join(stack.workDir, "estate.yaml");
  let outputs: Record<string, unknown> | undefined;
  /** The id of a customer (by key) or user (by login), from the stack's outputs once the edits are done. */
  const idOf = async (kind: "customers" | "users", name: string) => {
    outputs ??= await stack.outputs();
    return (outputs[kind] as Record<string, string>)[name];
  };

  before(async () => {
    emulators = await startEmulators();
    hcp = new HcpApi(emulators.hcp);
    inConsole = new OutOfBand(new AcronisApi(emulators.acronis));
    stack = await TestStack.create("plan-catalogue", "test/programs/estateFile", {
      ...acronisStackConfig(emulators.acronis),
      ...hcpStackConfig(emulators.hcp),
      hcpInitialUserPassword: { value: initialUserPassword, secret: true },
    });
    await stack.mustRun(["config", "set", "estateFile", estateFile()]);
    writeFileSync(estateFile(), stringify(estate));
  });

  after(async () => {
    stack?.remove();
    await emulators?.close();
  });

  it("plans the whole estate as creates, deploys it, and then plans nothing, even with --refresh", async () => {
    expect(await previewPlan(stack)).to.deep.equal(
      [
        "acronis-acme",
        "acronis-acme-mfa",
        "acronis-acme-offering-items",
        "acronis-globex",
        "acronis-globex-mfa",
        "acronis-globex-offering-items",
        "acronis-user-ada-admin",
        "acronis-user-ada-admin-roles",
        "acronis-user-bob-backup",
        "acronis-user-bob-backup-roles",
        "acronis-user-gina-globex",
        "acronis-user-gina-globex-roles",
        "hcp-finance",
        "hcp-finance-console-security",
      ].map(create),
    );
    await stack.up();
    expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    // Nor does any refresh step list a difference, as it did for create-only inputs and offering items.
    expect((await stack.mustRun(["preview", "--refresh"])).stdout).to.not.include("[diff:");
  });

  // Two edits a step where they touch different resources (or one resource twice), to keep the run short.
  const edits: { what: string; edit: () => void; plan: PlannedChange[] }[] = [
    {
      what: "rename a keyed customer; change an HCP tenant's hard quota",
      edit: () => {
        acme().name = "Acme Group";
        finance().hardQuota = "60 GB";
      },
      plan: [update("acronis-acme", "name"), update("hcp-finance", "hardQuota")],
    },
    {
      what: "change a customer's contact; change a quota",
      edit: () => {
        Object.assign(acme().contact as object, { email: "admin@acme.example" });
        Object.assign(acme().offeringItems?.[0].quota as object, { value: 20 });
      },
      plan: [
        update("acronis-acme", "contact.email"),
        update("acronis-acme-offering-items", "items.workstations.quota.value"),
      ],
    },
    {
      what: "change an overage; change an HCP tenant's tags",
      edit: () => {
        Object.assign(acme().offeringItems?.[0].quota as object, { overage: 25 });
        finance().tags = ["estate", "finance"];
      },
      plan: [
        update("acronis-acme-offering-items", "items.workstations.quota.overage"),
        update("hcp-finance", "tags"),
      ],
    },
    {
      what: "add an offering item; turn two-factor authentication off",
      edit: () => {
        acme().offeringItems?.push({ name: "servers", quota: { value: 2, overage: null } });
        acme().twoFactor = false;
      },
      plan: [update("acronis-acme-mfa", "enabled"), update("acronis-acme-offering-items", "items.servers")],
    },
    {
      what: "remove an offering item; turn two-factor authentication on",
      edit: () => {
        acme().offeringItems?.splice(1, 1);
        acme().twoFactor = true;
      },
      plan: [update("acronis-acme-mfa", "enabled"), update("acronis-acme-offering-items", "items.storage")],
    },
    {
      what: "add a role to a user; change another user's role",
      edit: () => {
        user(acme(), "bob.backup").roles?.push("readonly_admin");
        user(globex(), "gina.globex").roles = ["backup_user"];
      },
      plan: [
        update("acronis-user-bob-backup-roles", "roles"),
        update("acronis-user-gina-globex-roles", "roles"),
      ],
    },
    {
      what: "remove a user's roles; change another user's e-mail",
      edit: () => {
        delete user(acme(), "bob.backup").roles;
        user(acme(), "ada.admin").email = "ada.admin@acme.example";
      },
      plan: [update("acronis-user-ada-admin", "contact.email"), deleted("acronis-user-bob-backup-roles")],
    },
    {
      what: "change a user's names; change an HCP tenant's console security",
      edit: () => {
        Object.assign(user(acme(), "ada.admin"), { firstname: "Adah", lastname: "Admin" });
        Object.assign(finance().consoleSecurity as object, { minimumPasswordLength: 12 });
      },
      plan: [
        update("acronis-user-ada-admin", "contact.firstname", "contact.lastname"),
        update("hcp-finance-console-security", "minimumPasswordLength"),
      ],
    },
    {
      what: "add a user with a role; remove a user",
      edit: () => {
        const dan = { login: "dan.dev", email: "dan@globex.example", enabled: true, roles: ["backup_user"] };
        globex().users?.push(dan);
        acme().users?.splice(1, 1);
      },
      plan: [
        deleted("acronis-user-bob-backup"),
        create("acronis-user-dan-dev"),
        create("acronis-user-dan-dev-roles"),
      ],
    },
    {
      what: "move a user to another customer (the login is unique: the old account goes first)",
      edit: () => globex().users?.push(...(acme().users?.splice(0, 1) ?? [])),
      plan: [
        replacedDeletingFirst("acronis-user-ada-admin", "tenantId"),
        replacedDeletingFirst("acronis-user-ada-admin-roles", "userId"),
      ],
    },
    {
      what: "suspend a customer; change an HCP tenant's soft quota",
      edit: () => {
        globex().enabled = false;
        finance().softQuota = 85;
      },
      plan: [update("acronis-globex", "enabled"), update("hcp-finance", "softQuota")],
    },
    {
      what: "resume a customer and rename it: its key stays, so the tenant is updated in place",
      edit: () => Object.assign(globex(), { enabled: true, name: "Globex Corporation" }),
      plan: [update("acronis-globex", "enabled", "name")],
    },
  ];

  for (const step of edits) {
    it(`${step.what}: exactly that plan; after up, nothing to change`, async () => {
      step.edit();
      writeFileSync(estateFile(), stringify(estate));
      const plan = await previewPlan(stack);
      await stack.up(); // before the assertion, so a wrong plan fails this step alone
      expect(plan).to.deep.equal(step.plan);
      expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    });
  }

  const hcpAccepted = async (answer: Promise<{ status: number; body: string }>) => {
    const { status, body } = await answer;
    expect(status, body).to.equal(200);
  };
  const financeConsole = (json: object) =>
    hcp.asTenantUser(
      "finance",
      "security",
      initialUserPassword,
      "POST",
      "/mapi/tenants/Finance/consoleSecurity",
      json,
    );
  // Offering items are named by the item and property that drifted. (hardQuota keeps the program's form,
  // "60 GB", while HCP's "60.00 GB" is equal.)
  const drifts: { what: string; make: () => Promise<void>; plan: PlannedChange[] }[] = [
    {
      what: "a customer renamed in the console; an HCP tenant's hard quota changed",
      make: async () => {
        await inConsole.updateTenant(await idOf("customers", "acme"), { name: "Acme Console" });
        await hcpAccepted(hcp.admin("POST", "/mapi/tenants/Finance", { hardQuota: "250 GB" }));
      },
      plan: [update("acronis-acme", "name"), update("hcp-finance", "hardQuota")],
    },
    {
      what: "a customer's contact and a user's e-mail changed in the console",
      make: async () => {
        const other = { email: "x@elsewhere.example" };
        await inConsole.updateTenant(await idOf("customers", "acme"), { contact: other });
        await inConsole.updateUser(await idOf("users", "gina.globex"), { contact: other });
      },
      plan: [update("acronis-acme", "contact.email"), update("acronis-user-gina-globex", "contact.email")],
    },
    {
      what: "a customer suspended and a user disabled in the console",
      make: async () => {
        await inConsole.updateTenant(await idOf("customers", "globex"), { enabled: false });
        await inConsole.updateUser(await idOf("users", "dan.dev"), { enabled: false });
      },
      plan: [update("acronis-globex", "enabled"), update("acronis-user-dan-dev", "enabled")],
    },
    {
      what: "two-factor authentication turned off; a role removed",
      make: async () => {
        await inConsole.setMfa(await idOf("customers", "acme"), false);
        await inConsole.setRoles(await idOf("users", "gina.globex"), []);
      },
      plan: [update("acronis-acme-mfa", "enabled"), update("acronis-user-gina-globex-roles", "roles")],
    },
    {
      what: "a quota changed; an HCP tenant's tags changed",
      make: async () => {
        const quota = { value: 1, overage: 1 };
        await inConsole.setItem(await idOf("customers", "acme"), "workstations", { quota });
        await hcpAccepted(hcp.admin("POST", "/mapi/tenants/Finance", { tags: { tag: ["someone-else"] } }));
      },
      plan: [
        update(
          "acronis-acme-offering-items",
          "items.workstations.quota.overage",
          "items.workstations.quota.value",
        ),
        update("hcp-finance", "tags"),
      ],
    },
    {
      what: "an offering item disabled; an HCP tenant's console security changed",
      make: async () => {
        await inConsole.setItem(await idOf("customers", "acme"), "servers", { status: 0 });
        await hcpAccepted(financeConsole({ minimumPasswordLength: 4 }));
      },
      plan: [
        update("acronis-acme-offering-items", "items.servers"),
        update("hcp-finance-console-security", "minimumPasswordLength"),
      ],
    },
  ];

  for (const drift of drifts) {
    it(`finds ${drift.what} with preview --refresh, no dependent replaced; up --refresh repairs it`, async () => {
      await drift.make();
      const plan = await previewPlan(stack, { refresh: true });
      await stack.mustRun(["up", "--yes", "--skip-preview", "--refresh"]);
      expect(plan).to.deep.equal(drift.plan);
      expect(await previewPlan(stack, { refresh: true })).to.deep.equal([]);
    });
  }
});
