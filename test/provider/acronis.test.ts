import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { startAcronisEmulator } from "../../emulator/acronis/server";
import { RequestLog } from "../../emulator/core/requestLog";
import type { AcronisInfo, RunningServer } from "../../emulator/types";
import { AccessPolicyProvider } from "../../provider/acronis/resources/accessPolicy";
import { CustomerTenantProvider } from "../../provider/acronis/resources/customerTenant";
import { OfferingItemsProvider } from "../../provider/acronis/resources/offeringItems";
import { TenantMfaProvider } from "../../provider/acronis/resources/tenantMfa";
import { UserProvider } from "../../provider/acronis/resources/user";
import { NameConflictError } from "../../provider/core/errors";
import { PartialCreateError } from "../../provider/core/resource";
import { AcronisApi } from "../support/acronisApi";
import { acronisStackConfig, configureRequest } from "../support/stackConfig";

async function configured<P extends { configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> }>(
  provider: P,
  info: AcronisInfo,
): Promise<P> {
  await provider.configure(configureRequest(acronisStackConfig(info)));
  return provider;
}

describe("Acronis providers against the emulator", function () {
  this.timeout(20_000);
  let emulator: RunningServer<AcronisInfo>;
  let api: AcronisApi;
  let log: RequestLog;
  let tenants: CustomerTenantProvider;
  let mfa: TenantMfaProvider;
  let items: OfferingItemsProvider;
  let users: UserProvider;
  let policies: AccessPolicyProvider;
  let partnerId: string;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}${++counter}x${process.pid}`;

  before(async () => {
    log = new RequestLog();
    emulator = await startAcronisEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log });
    api = new AcronisApi(emulator.info);
    partnerId = emulator.info.partnerTenantId;
    tenants = await configured(new CustomerTenantProvider(), emulator.info);
    mfa = await configured(new TenantMfaProvider(), emulator.info);
    items = await configured(new OfferingItemsProvider(), emulator.info);
    users = await configured(new UserProvider(), emulator.info);
    policies = await configured(new AccessPolicyProvider(), emulator.info);
  });

  after(async () => emulator.close());

  async function newCustomer(extra: Record<string, unknown> = {}) {
    const inputs = { name: unique("Customer "), parentId: partnerId, ...extra };
    const created = await tenants.create(inputs as never);
    return { id: created.id, outs: created.outs as Record<string, unknown>, inputs };
  }

  describe("CustomerTenant", () => {
    it("creates, reads back the same shape, updates in place and deletes (disable, then delete)", async () => {
      const { id, outs, inputs } = await newCustomer({
        deletionPolicy: "delete",
        customerId: "ext-1",
        enhancedSecurity: true,
        contact: { email: "it@customer.example" },
      });
      expect(outs).to.deep.include({
        tenantId: id,
        kind: "customer",
        name: inputs.name,
        customerId: "ext-1",
        enhancedSecurity: true,
        contact: { email: "it@customer.example" },
      });
      const read = await tenants.read(id, outs as never);
      expect(read.props).to.deep.equal(outs);
      expect((await tenants.diff(id, read.props as never, inputs as never)).changes).to.equal(false);

      const renamed = {
        ...inputs,
        name: unique("Renamed "),
        customerId: "ext-1",
        enhancedSecurity: true,
        deletionPolicy: "delete",
      };
      const diff = await tenants.diff(id, outs as never, renamed as never);
      expect(diff).to.deep.include({ changes: true, replaces: [] });
      const updated = await tenants.update(id, outs as never, renamed as never);
      expect((updated.outs as Record<string, unknown>).name).to.equal(renamed.name);
      expect((await api.get(`/tenants/${id}`)).body.name).to.equal(renamed.name);

      await tenants.delete(id, updated.outs as never);
      expect((await api.get(`/tenants/${id}`)).status).to.equal(404);
      const writes = log
        .list("acronis")
        .filter((e) => e.path.endsWith(`/tenants/${id}`) && e.method !== "GET");
      expect(writes.map((e) => e.method).slice(-2)).to.deep.equal(["PUT", "DELETE"]);
    });

    it("shows drift made through the API in read and diff, property by property", async () => {
      const { id, outs, inputs } = await newCustomer({ customerId: "before" });
      const current = (await api.get(`/tenants/${id}`)).body;
      await api.put(`/tenants/${id}`, { customer_id: "after", version: current.version });
      const read = await tenants.read(id, outs as never);
      expect(read.inputs).to.deep.include({ customerId: "after" });
      const diff = await tenants.diff(id, read.props as never, inputs as never);
      expect(diff.changes).to.equal(true);
      await tenants.delete(id, outs as never);
    });

    it("moves the tenant in place when the parent changes, keeping its id", async () => {
      const folder = (
        await api.post("/tenants", { name: unique("Folder "), kind: "folder", parent_id: partnerId })
      ).body;
      const { id, outs, inputs } = await newCustomer();
      const moved = { ...inputs, parentId: folder.id };
      expect(await tenants.diff(id, outs as never, moved as never)).to.deep.equal({
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
      });
      const updated = await tenants.update(id, outs as never, moved as never);
      expect((updated.outs as Record<string, unknown>).parentId).to.equal(folder.id);
      expect((await api.get(`/tenants/${id}`)).body.parent_id).to.equal(folder.id);
    });

    it("only disables the tenant on delete when no deletion policy was given", async () => {
      const { id, outs } = await newCustomer();
      await tenants.delete(id, outs as never);
      expect((await api.get(`/tenants/${id}`)).body.enabled).to.equal(false);
    });

    it("reports a tenant deleted out of band as gone", async () => {
      const { id, outs } = await newCustomer();
      const t = (await api.get(`/tenants/${id}`)).body;
      const disabled = (await api.put(`/tenants/${id}`, { enabled: false, version: t.version })).body;
      expect((await api.delete(`/tenants/${id}?version=${disabled.version}`)).status).to.equal(204);
      expect(await tenants.read(id, outs as never)).to.deep.equal({});
      await tenants.delete(id, outs as never);
    });

    it("fails a duplicate name with the vendor's code and what to do, and creates nothing", async () => {
      const { id, outs, inputs } = await newCustomer();
      const before = (await api.get("/_emulator/state")).body.tenants.length;
      const err = await tenants.create(inputs as never).catch((e: Error) => e);
      expect(err).to.be.instanceOf(NameConflictError);
      expect((err as Error).message)
        .to.match(new RegExp(`^a tenant named "${inputs.name}" already exists under parent ${partnerId}`))
        .and.match(
          /choose another name, or set `adopt: true` .*\(Acronis POST \/tenants failed: HTTP 409, code 1004/,
        );
      expect((await api.get("/_emulator/state")).body.tenants.length).to.equal(before);
      await tenants.delete(id, outs as never);
    });

    it("fails a rename onto a taken name at once, with one write and what to do", async () => {
      const first = await newCustomer();
      const second = await newCustomer();
      const puts = () =>
        log.list("acronis").filter((e) => e.method === "PUT" && e.path.endsWith(`/tenants/${second.id}`));
      const before = puts().length;
      const onto = { ...second.inputs, name: first.inputs.name };
      const err = await tenants.update(second.id, second.outs as never, onto as never).catch((e: Error) => e);
      expect(err).to.be.instanceOf(NameConflictError);
      expect((err as Error).message)
        .to.match(new RegExp(`^a tenant named "${first.inputs.name}" already exists`))
        .and.match(/choose another name/)
        .and.not.match(/twice/);
      expect(puts().length - before).to.equal(1);
      expect((await api.get(`/tenants/${second.id}`)).body.name).to.equal(second.inputs.name);
      await tenants.delete(first.id, first.outs as never);
      await tenants.delete(second.id, second.outs as never);
    });

    it("honours the deletion policy: disable keeps the tenant, retain leaves it enabled", async () => {
      const a = await newCustomer({ deletionPolicy: "disable" });
      await tenants.delete(a.id, a.outs as never);
      expect((await api.get(`/tenants/${a.id}`)).body.enabled).to.equal(false);
      const b = await newCustomer({ deletionPolicy: "retain" });
      await tenants.delete(b.id, b.outs as never);
      expect((await api.get(`/tenants/${b.id}`)).body.enabled).to.equal(true);
    });

    it("rejects turning enhanced security off in check", async () => {
      const result = await tenants.check(
        { name: "x", parentId: partnerId, enhancedSecurity: true },
        { name: "x", parentId: partnerId, enhancedSecurity: false },
      );
      expect(result.failures?.map((f) => f.property)).to.deep.equal(["enhancedSecurity"]);
    });
  });

  describe("token", () => {
    it("is fetched once per process, renewed once after a 401, and the call goes through", async () => {
      const { id, outs } = await newCustomer();
      const tokens = () => log.list("acronis").filter((e) => e.path.endsWith("/idp/token")).length;
      const before = tokens();
      await tenants.read(id, outs as never);
      expect(tokens(), "no new token while the held one is valid").to.equal(before);
      await fetch(new URL("/_emulator/expire-tokens", emulator.info.baseUrl), { method: "POST" });
      const read = await tenants.read(id, outs as never);
      expect(read.id).to.equal(id);
      expect(tokens()).to.equal(before + 1);
      const statuses = log
        .list("acronis")
        .filter((e) => e.path.endsWith(`/tenants/${id}`))
        .map((e) => e.status);
      expect(statuses.slice(-2)).to.deep.equal([401, 200]);
      api = new AcronisApi(emulator.info);
      await tenants.delete(id, outs as never);
    });
  });

  describe("TenantMfa", () => {
    it("turns two-factor on, sees it turned off out of band, repairs it, and restores the default on delete", async () => {
      const { id: tenantId, outs: tenantOuts } = await newCustomer({ deletionPolicy: "delete" });
      const created = await mfa.create({ tenantId, enabled: true });
      expect(created).to.deep.equal({
        id: tenantId,
        outs: { tenantId, enabled: true, mfaStatus: "enabled" },
      });
      await api.put(`/tenants/${tenantId}/mfa/status`, { enabled: false });
      const read = await mfa.read(tenantId, created.outs as never);
      expect(read.props).to.deep.equal({ tenantId, enabled: false, mfaStatus: "disabled" });
      expect((await mfa.diff(tenantId, read.props as never, { tenantId, enabled: true })).changes).to.equal(
        true,
      );
      const repaired = await mfa.update(tenantId, read.props as never, { tenantId, enabled: true });
      expect((repaired.outs as Record<string, unknown>).enabled).to.equal(true);
      await mfa.delete(tenantId);
      expect((await api.get(`/tenants/${tenantId}/mfa/status`)).body.mfa_status).to.equal("disabled");
      await tenants.delete(tenantId, tenantOuts as never);
      expect(await mfa.read(tenantId, created.outs as never)).to.deep.equal({});
    });
  });

  describe("OfferingItems", () => {
    it("enables items with quotas, detects a quota changed out of band, repairs it, and disables on delete", async () => {
      const { id: tenantId, outs: tenantOuts } = await newCustomer();
      const inputs = {
        tenantId,
        items: [{ name: "workstations", quota: { value: 10, overage: 12 } }, { name: "storage" }],
      };
      const created = await items.create(inputs);
      const outs = created.outs as { items: { name: string; quota?: unknown }[] };
      expect(outs.items.map((i) => i.name)).to.deep.equal(["storage", "workstations"]);
      expect(outs.items.find((i) => i.name === "workstations")?.quota).to.deep.equal({
        value: 10,
        overage: 12,
      });
      expect((await items.diff(tenantId, outs as never, inputs)).changes).to.equal(false);

      const current = (await api.get(`/tenants/${tenantId}/offering_items`)).body.items as {
        name: string;
        application_id: string;
        quota?: { version: number };
      }[];
      const ws = current.find((i) => i.name === "workstations")!;
      await api.put(`/tenants/${tenantId}/offering_items`, {
        offering_items: [
          {
            application_id: ws.application_id,
            name: "workstations",
            status: 1,
            quota: { value: 99, overage: null, version: ws.quota?.version },
          },
        ],
      });
      const read = await items.read(tenantId, outs as never);
      expect((read.props as typeof outs).items.find((i) => i.name === "workstations")?.quota).to.deep.equal({
        value: 99,
        overage: null,
      });
      expect((await items.diff(tenantId, read.props as never, inputs)).changes).to.equal(true);
      await items.update(tenantId, read.props as never, inputs);
      const after = (await api.get(`/tenants/${tenantId}/offering_items`)).body.items as {
        name: string;
        status: number;
        quota?: { value: number };
      }[];
      expect(after.find((i) => i.name === "workstations")?.quota?.value).to.equal(10);

      await items.delete(tenantId, outs as never);
      const disabled = (await api.get(`/tenants/${tenantId}/offering_items`)).body.items as {
        name: string;
        status: number;
      }[];
      expect(
        disabled.filter((i) => ["workstations", "storage"].includes(i.name)).map((i) => i.status),
      ).to.deep.equal([0, 0]);
      await tenants.delete(tenantId, tenantOuts as never);
    });

    it("names what is available when an item is not, before any write", async () => {
      const { id: tenantId, outs: tenantOuts } = await newCustomer();
      const writesBefore = log.list("acronis").filter((e) => e.method === "PUT").length;
      const err = await items.create({ tenantId, items: [{ name: "no-such-item" }] }).catch((e: Error) => e);
      expect((err as Error).message).to.match(
        /"no-such-item" is not available to tenant .* \(available: .*workstations/,
      );
      expect(log.list("acronis").filter((e) => e.method === "PUT").length).to.equal(writesBefore);
      await tenants.delete(tenantId, tenantOuts as never);
    });
  });

  describe("User and AccessPolicy", () => {
    it("creates the tutorial's user with the activation e-mail, grants company_admin, and cleans up", async () => {
      const { id: tenantId, outs: tenantOuts } = await newCustomer();
      const login = unique("JohnDoe");
      const inputs = {
        tenantId,
        login,
        contact: { email: "john.doe@example.com", firstname: "John", lastname: "Doe" },
        sendActivationEmail: true,
      };
      const created = await users.create(inputs);
      const outs = created.outs as Record<string, unknown>;
      expect(outs).to.deep.include({
        userId: created.id,
        tenantId,
        login,
        activated: false,
        activationEmailSent: true,
      });
      expect(outs.personalTenantId).to.be.a("string");
      const emails = (await api.get("/_emulator/emails")).body as
        | { userId: string }[]
        | { items: { userId: string }[] };
      const outbox = Array.isArray(emails) ? emails : emails.items;
      expect(outbox.filter((m) => m.userId === created.id)).to.have.length(1);
      expect((await users.read(created.id, outs as never)).props).to.deep.equal(outs);

      const granted = await policies.create({ userId: created.id, roles: ["company_admin"] });
      expect(granted.outs).to.deep.equal({ userId: created.id, tenantId, roles: ["company_admin"] });
      await api.put(`/users/${created.id}/access_policies`, { items: [] });
      const drift = await policies.read(created.id, granted.outs as never);
      expect((drift.props as { roles: string[] }).roles).to.deep.equal([]);
      expect(
        (
          await policies.diff(created.id, drift.props as never, {
            userId: created.id,
            roles: ["company_admin"],
          })
        ).changes,
      ).to.equal(true);
      await policies.update(created.id, drift.props as never, {
        userId: created.id,
        roles: ["company_admin"],
      });
      expect(
        ((await api.get(`/users/${created.id}/access_policies`)).body.items as { role_id: string }[]).map(
          (p) => p.role_id,
        ),
      ).to.deep.equal(["company_admin"]);

      await policies.delete(created.id, granted.outs as never);
      expect((await api.get(`/users/${created.id}/access_policies`)).body.items).to.deep.equal([]);
      await users.delete(created.id);
      expect((await api.get(`/users/${created.id}`)).status).to.equal(404);
      expect(await users.read(created.id, outs as never)).to.deep.equal({});
      await tenants.delete(tenantId, tenantOuts as never);
    });

    /** The e-mails the emulator sent to a user. */
    async function emailsTo(userId: string): Promise<number> {
      const emails = (await api.get("/_emulator/emails")).body as
        | { userId: string }[]
        | { items: { userId: string }[] };
      return (Array.isArray(emails) ? emails : emails.items).filter((m) => m.userId === userId).length;
    }

    /** Creates a user while every activation-email request fails: the create is partial. */
    async function createWithoutEmail(inputs: Record<string, unknown>): Promise<PartialCreateError> {
      await api.post("/_emulator/faults", { rate: 1, kinds: ["500"], path: "/send-activation-email" });
      try {
        const err = await users.create(inputs as never).catch((e: unknown) => e);
        expect(err).to.be.instanceOf(PartialCreateError);
        expect((err as Error).message).to.match(/send-activation-email failed: HTTP 500/);
        return err as PartialCreateError;
      } finally {
        await api.post("/_emulator/faults", { rate: 0, path: "" });
      }
    }

    it("sends an activation e-mail that failed at create at the next update, and only once", async () => {
      const { id: tenantId, outs: tenantOuts } = await newCustomer();
      const inputs = {
        tenantId,
        login: unique("Later"),
        contact: { email: "later@example.com" },
        sendActivationEmail: true,
      };
      const partial = await createWithoutEmail(inputs);
      const stored = partial.properties as Record<string, unknown>;
      expect(stored).to.include({ activated: false, activationEmailSent: false });
      expect(await emailsTo(partial.id)).to.equal(0);

      expect(await users.diff(partial.id, stored as never, inputs)).to.deep.include({
        changes: true,
        replaces: [],
      });
      const writes = () =>
        log.list("acronis").filter((e) => e.method !== "GET" && e.path.includes(`/users/${partial.id}`));
      const before = writes().length;
      const updated = await users.update(partial.id, stored as never, inputs);
      const outs = updated.outs as Record<string, unknown>;
      expect(outs).to.include({ activationEmailSent: true, activated: false });
      expect(await emailsTo(partial.id)).to.equal(1);
      // The e-mail was all that changed: no PUT of the user, one POST of the e-mail.
      expect(
        writes()
          .slice(before)
          .map((e) => `${e.method} ${e.path.split("/").at(-1)}`),
      ).to.deep.equal(["POST send-activation-email"]);
      expect((await users.diff(partial.id, outs as never, inputs)).changes).to.equal(false);

      const newContact = { ...inputs, contact: { email: "changed@example.com" } };
      await users.update(partial.id, outs as never, newContact);
      expect(await emailsTo(partial.id)).to.equal(1);
      await users.delete(partial.id);
      await tenants.delete(tenantId, tenantOuts as never);
    });

    it("never sends an owed activation e-mail to a user who has activated the account since", async () => {
      const { id: tenantId, outs: tenantOuts } = await newCustomer();
      const inputs = {
        tenantId,
        login: unique("Active"),
        contact: { email: "active@example.com" },
        sendActivationEmail: true,
      };
      const partial = await createWithoutEmail(inputs);
      const stored = partial.properties as Record<string, unknown>;
      expect((await api.post(`/users/${partial.id}/password`, { password: "Secret-123" })).status).to.equal(
        204,
      );
      // The stored outputs predate the activation, so diff still asks; update reads the user first.
      expect((await users.diff(partial.id, stored as never, inputs)).changes).to.equal(true);
      const updated = await users.update(partial.id, stored as never, inputs);
      expect(updated.outs).to.include({ activated: true, activationEmailSent: false });
      expect(await emailsTo(partial.id)).to.equal(0);
      expect((await users.diff(partial.id, updated.outs as never, inputs)).changes).to.equal(false);
      await users.delete(partial.id);
      await tenants.delete(tenantId, tenantOuts as never);
    });

    it("refuses a taken login before creating anything", async () => {
      const { id: tenantId, outs: tenantOuts } = await newCustomer();
      const login = unique("Taken");
      const first = await users.create({ tenantId, login, contact: { email: "a@example.com" } });
      const posts = () =>
        log.list("acronis").filter((e) => e.method === "POST" && e.path.endsWith("/users")).length;
      const before = posts();
      const err = await users
        .create({ tenantId, login, contact: { email: "b@example.com" } })
        .catch((e: Error) => e);
      expect(err).to.be.instanceOf(NameConflictError);
      expect((err as Error).message)
        .to.match(new RegExp(`^a user with login "${login}" already exists`))
        .and.match(/choose another login/);
      expect(posts()).to.equal(before);
      await users.delete(first.id);
      await tenants.delete(tenantId, tenantOuts as never);
    });
  });
});
