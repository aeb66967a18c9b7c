import { readFileSync } from "node:fs";
import { request } from "node:https";
import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { RequestLog } from "../../emulator/core/requestLog";
import { startHcpEmulator } from "../../emulator/hcp/server";
import type { HcpInfo, RunningServer } from "../../emulator/types";
import {
  AuthenticationError,
  NameConflictError,
  NetworkError,
  PermissionError,
} from "../../provider/core/errors";
import { HcpClient } from "../../provider/hcp/client";
import { HcpConsoleSecurityProvider } from "../../provider/hcp/resources/hcpConsoleSecurity";
import { HcpNamespaceDefaultsProvider } from "../../provider/hcp/resources/hcpNamespaceDefaults";
import { HcpSearchSecurityProvider } from "../../provider/hcp/resources/hcpSearchSecurity";
import { HcpTenantProvider } from "../../provider/hcp/resources/hcpTenant";
import { HcpTenantContactInfoProvider } from "../../provider/hcp/resources/hcpTenantContactInfo";
import { HcpTenantEmailNotificationProvider } from "../../provider/hcp/resources/hcpTenantEmailNotification";
import { HcpTenantPermissionsProvider } from "../../provider/hcp/resources/hcpTenantPermissions";
import type { HcpConnectionArgs } from "../../sdk/clients";
import {
  getHcpAvailableServicePlans,
  getHcpChargebackReport,
  getHcpTenantStatistics,
  listHcpTenants,
} from "../../sdk/hcpLookups";
import { financeTenantInputs } from "../support/hcpSeed";

type Props = Record<string, unknown>;

interface Configurable {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
}

/** The seed's consoleSecurity body, as HcpConsoleSecurity settings. */
const seedConsoleSecurity = {
  ipSettings: {
    allowAddresses: ["192.168.103.18", "192.168.103.24", "192.168.103.25"],
    denyAddresses: [],
    allowIfInBothLists: false,
  },
  minimumPasswordLength: 6,
  forcePasswordChangeDays: 45,
  disableAfterAttempts: 3,
  disableAfterInactiveDays: 30,
  logoutOnInactive: 20,
  loginMessage: "",
};

describe("HCP providers against the emulator", function () {
  this.timeout(30_000);
  let emulator: RunningServer<HcpInfo>;
  let ca: string;
  let port: number;
  let config: Record<string, string>;
  let system: HcpClient;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}${++counter}x${process.pid}`;

  before(async () => {
    emulator = await startHcpEmulator({ port: 0, host: "127.0.0.1", latencyMs: 0, log: new RequestLog() });
    ca = readFileSync(emulator.info.caCertPath, "utf8");
    port = Number(new URL(emulator.info.url).port);
    config = {
      "hcp:domain": emulator.info.domain,
      "hcp:port": String(port),
      "hcp:username": emulator.info.username,
      "hcp:password": emulator.info.password,
      "hcp:address": "127.0.0.1",
      "hcp:caCert": ca,
    };
    system = client(emulator.info.username, emulator.info.password);
  });

  after(async () => emulator.close());

  function client(username: string, password: string, accountTenant?: string): HcpClient {
    return new HcpClient({
      domain: emulator.info.domain,
      port,
      username,
      password,
      accountTenant,
      address: "127.0.0.1",
      caCert: ca,
    });
  }

  async function configured<P extends Configurable>(
    provider: P,
    values: Record<string, string> = config,
  ): Promise<P> {
    await provider.configure({
      config: { get: (k: string) => values[k], require: (k: string) => values[k] },
    } as never);
    return provider;
  }

  /** The emulator's control API (any Host, no authentication, JSON). */
  function control(method: string, path: string, json?: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const body = json === undefined ? undefined : JSON.stringify(json);
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method,
          path,
          ca,
          agent: false,
          headers: body ? { "Content-Type": "application/json" } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString();
            if (res.statusCode !== 200)
              reject(new Error(`control ${method} ${path}: ${res.statusCode} ${text}`));
            else resolve(JSON.parse(text));
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  const addTenantUser = (tenant: string, username: string, roles: string[]) =>
    control("POST", "/_emulator/users", { tenant, username, password: "pass1234", roles });

  /** A tenant made through the provider, with the initial SECURITY user `<name>-sec` / start123. */
  async function newTenant(extra: Props = {}) {
    const tenants = await configured(new HcpTenantProvider());
    const name = unique("t");
    const inputs = {
      name,
      hardQuota: "100 GB",
      initialUserName: `${name}-sec`,
      initialUserPassword: "start123",
      ...extra,
    };
    const check = await tenants.check({} as never, inputs as never);
    expect(check.failures).to.deep.equal([]);
    const created = await tenants.create(inputs as never);
    return { tenants, name, inputs, id: created.id, outs: created.outs as Props };
  }

  describe("HcpTenant", () => {
    it("creates the seed's Finance tenant, reads back the same shape, updates in place, forgets without a policy and deletes with one", async () => {
      const tenants = await configured(new HcpTenantProvider());
      expect((await tenants.check({} as never, financeTenantInputs as never)).failures).to.deep.equal([]);
      const created = await tenants.create(financeTenantInputs as never);
      const outs = created.outs as Props;
      expect(created.id).to.equal("Finance");
      expect(outs.tenantId).to.match(/^[0-9a-f-]{36}$/);
      const { initialUserPassword: _secret, ...visible } = financeTenantInputs;
      expect(outs).to.deep.include({
        ...visible,
        hardQuota: "100.00 GB",
        fullyQualifiedName: "Finance.hcp.example.com",
      });
      expect(JSON.stringify(outs)).to.not.include("start123");

      const read = await tenants.read("Finance", outs as never);
      expect(read.id).to.equal("Finance");
      expect(read.props).to.deep.equal(outs);
      expect(JSON.stringify(read)).to.not.include("start123");
      expect(
        (await tenants.diff("Finance", read.props as never, financeTenantInputs as never)).changes,
      ).to.equal(false);

      // The initial user exists, with the SECURITY role, at finance.hcp.example.com.
      const lgreen = client("lgreen", "start123", "Finance");
      expect((await lgreen.getConsoleSecurity("Finance"))?.minimumPasswordLength).to.equal(6);

      const changed = {
        ...financeTenantInputs,
        softQuota: 80,
        hardQuota: "1 TB",
        tags: ["pdgrey"],
        namespaceQuota: "None",
      };
      const diff = await tenants.diff("Finance", outs as never, changed as never);
      expect(diff).to.deep.include({ changes: true, replaces: [] });
      const updated = (await tenants.update("Finance", outs as never, changed as never)).outs as Props;
      expect(updated).to.deep.include({
        softQuota: 80,
        hardQuota: "1.00 TB",
        tags: ["pdgrey"],
        namespaceQuota: "None",
      });
      expect(await system.getTenant("Finance")).to.deep.include({
        softQuota: 80,
        hardQuota: "1.00 TB",
        tags: ["pdgrey"],
      });

      // Without deletionPolicy in state, removal only forgets the tenant.
      await tenants.delete("Finance", updated as never);
      await tenants.delete("Finance", { ...updated, deletionPolicy: "retain" } as never);
      expect(await system.tenantExists("Finance")).to.equal(true);
      await tenants.delete("Finance", { ...updated, deletionPolicy: "delete" } as never);
      expect(await system.tenantExists("Finance")).to.equal(false);
      expect(await tenants.read("Finance", updated as never)).to.deep.equal({});
    });

    it("shows drift made through MAPI in read and diff, then repairs it", async () => {
      const { tenants, id, outs, inputs } = await newTenant({ tags: ["a"], softQuota: 85 });
      await system.modifyTenant(id, { hardQuota: "200 GB", tags: ["a", "b"], softQuota: 70 });
      const read = await tenants.read(id, outs as never);
      expect(read.props).to.deep.include({ hardQuota: "200.00 GB", tags: ["a", "b"], softQuota: 70 });
      expect(read.inputs).to.deep.include({ hardQuota: "200.00 GB", tags: ["a", "b"], softQuota: 70 });
      expect(read.inputs).to.not.have.property("initialUserPassword");
      const drift = await tenants.diff(id, read.props as never, inputs as never);
      expect(drift).to.deep.include({ changes: true, replaces: [] });
      const repaired = (await tenants.update(id, read.props as never, inputs as never)).outs as Props;
      expect(repaired).to.deep.include({ hardQuota: "100.00 GB", tags: ["a"], softQuota: 85 });
      await tenants.delete(id, { ...repaired, deletionPolicy: "delete" } as never);
    });

    it("asks for replacement on a rename but not on a change of case", async () => {
      const { tenants, id, outs, inputs } = await newTenant();
      expect(
        (await tenants.diff(id, outs as never, { ...inputs, name: id.toUpperCase() } as never)).changes,
      ).to.equal(false);
      expect(await tenants.diff(id, outs as never, { ...inputs, name: `${id}b` } as never)).to.deep.include({
        replaces: ["name"],
      });
      await tenants.delete(id, { ...outs, deletionPolicy: "delete" } as never);
    });

    it("refuses to delete while a namespace exists, naming the count, then deletes once it is gone", async () => {
      const { tenants, id, outs } = await newTenant();
      await control("POST", "/_emulator/namespaces", { tenant: id, name: "ns1" });
      await control("POST", "/_emulator/namespaces", { tenant: id, name: "ns2" });
      let refusal: unknown;
      try {
        await tenants.delete(id, { ...outs, deletionPolicy: "delete" } as never);
      } catch (err) {
        refusal = err;
      }
      expect(refusal).to.be.instanceOf(PermissionError);
      expect((refusal as Error).message)
        .to.match(new RegExp(`^tenant "${id}" still owns 2 namespace\\(s\\)`))
        .and.match(/deletionPolicy to "retain"/);
      expect(await system.tenantExists(id)).to.equal(true);
      await control("DELETE", `/_emulator/namespaces/${id}/ns1`);
      await control("DELETE", `/_emulator/namespaces/${id}/ns2`);
      await tenants.delete(id, { ...outs, deletionPolicy: "delete" } as never);
      expect(await system.tenantExists(id)).to.equal(false);
    });

    it("leaves the tenant with deletionPolicy retain, and treats both HEAD answers for a missing tenant as absent", async () => {
      const { tenants, id, outs } = await newTenant({ deletionPolicy: "retain" });
      await tenants.delete(id, outs as never);
      expect(await system.tenantExists(id)).to.equal(true);
      await system.deleteTenant(id);
      await control("POST", "/_emulator/config", { headMissingStatus: 302 });
      try {
        expect(await system.tenantExists(id)).to.equal(false);
      } finally {
        await control("POST", "/_emulator/config", { headMissingStatus: 404 });
      }
      expect(await system.tenantExists(id)).to.equal(false);
      expect(await tenants.read(id, outs as never)).to.deep.equal({});
      await tenants.delete(id, { ...outs, deletionPolicy: "delete" } as never);
    });

    it("fails a duplicate name or a refused password without the password in the message", async () => {
      const { tenants, id, inputs, outs } = await newTenant();
      const duplicate = await tenants
        .create({ ...inputs, initialUserPassword: "Other-pass9" } as never)
        .catch((e: Error) => e);
      expect(duplicate).to.be.instanceOf(NameConflictError);
      expect((duplicate as Error).message).to.match(
        new RegExp(
          `^an HCP tenant named "${id}" already exists: choose another name, or set \`adopt: true\` to take it over \\(HCP PUT`,
        ),
      );
      expect((duplicate as Error).message).to.not.include("Other-pass9");
      // check would refuse it first; HCP's own refusal must not carry it either.
      const weak = await tenants
        .create({ ...inputs, name: unique("w"), initialUserPassword: "zzzzzzzz" } as never)
        .catch((e: Error) => e);
      expect((weak as Error).message)
        .to.match(/HTTP 400: Invalid 'password'/)
        .and.not.include("zzzzzzzz");
      await tenants.delete(id, { ...outs, deletionPolicy: "delete" } as never);
    });

    it("reaches HCP only with a trusted certificate, unless verification is turned off", async () => {
      const { "hcp:caCert": _ca, ...untrusted } = config;
      const strict = await configured(new HcpTenantProvider(), untrusted);
      const refused = await strict.read("Default", {} as never).catch((e: Error) => e);
      expect(refused).to.be.instanceOf(NetworkError);
      expect((refused as Error).message).to.match(/hcp:caCert/);
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (message: string) => warnings.push(message);
      try {
        const insecure = await configured(new HcpTenantProvider(), {
          ...untrusted,
          "hcp:insecureSkipVerify": "true",
        });
        expect((await insecure.read("Default", {} as never)).props).to.include({ name: "Default" });
      } finally {
        console.warn = warn;
      }
      expect(warnings.join()).to.match(/verification is OFF/);
    });
  });

  describe("HcpConsoleSecurity", () => {
    it("sets the seed's console security as the Finance initial user, reads, diffs, repairs drift and restores defaults", async () => {
      const tenants = await configured(new HcpTenantProvider());
      const finance = await tenants.create({ ...financeTenantInputs, name: "Finance" } as never);
      const provider = await configured(new HcpConsoleSecurityProvider());
      const inputs = { tenant: "Finance", username: "lgreen", password: "start123", ...seedConsoleSecurity };
      expect((await provider.check({} as never, inputs as never)).failures).to.deep.equal([]);
      const created = await provider.create(inputs as never);
      expect(created.id).to.equal("Finance");
      const outs = created.outs as Props;
      expect(outs).to.deep.equal(inputs);

      const lgreen = client("lgreen", "start123", "Finance");
      expect(await lgreen.getConsoleSecurity("Finance")).to.deep.include({
        forcePasswordChangeDays: 45,
        logoutOnInactive: 20,
      });

      const read = await provider.read("Finance", outs as never);
      expect(read.props).to.deep.equal(outs);
      expect(read.inputs).to.deep.include({ username: "lgreen", password: "start123" });
      expect((await provider.diff("Finance", read.props as never, inputs as never)).changes).to.equal(false);

      await lgreen.setConsoleSecurity("Finance", {
        logoutOnInactive: 5,
        ipSettings: { denyAddresses: ["10.0.0.0/8"] },
      });
      const drifted = await provider.read("Finance", outs as never);
      expect(drifted.props).to.deep.include({ logoutOnInactive: 5 });
      expect((drifted.props as Props).ipSettings).to.deep.include({ denyAddresses: ["10.0.0.0/8"] });
      expect((await provider.diff("Finance", drifted.props as never, inputs as never)).changes).to.equal(
        true,
      );
      const repaired = (await provider.update("Finance", drifted.props as never, inputs as never)).outs;
      expect(repaired).to.deep.equal(outs);

      await provider.delete("Finance", outs as never);
      expect(await lgreen.getConsoleSecurity("Finance")).to.deep.include({
        ipSettings: { allowAddresses: ["0.0.0.0/0"], denyAddresses: [], allowIfInBothLists: true },
        minimumPasswordLength: 6,
        forcePasswordChangeDays: 180,
        disableAfterAttempts: 5,
        disableAfterInactiveDays: 180,
        logoutOnInactive: 10,
        loginMessage: "",
      });
      await tenants.delete("Finance", { ...finance.outs, deletionPolicy: "delete" } as never);
    });

    it("explains a refusal of the system-level account, and uses it once the tenant allows administration", async () => {
      const { tenants, id, outs } = await newTenant();
      const provider = await configured(new HcpConsoleSecurityProvider());
      const refused = await provider
        .create({ tenant: id, minimumPasswordLength: 8 } as never)
        .catch((e: Error) => e);
      expect(refused).to.be.instanceOf(PermissionError);
      expect((refused as Error).message)
        .to.match(/does not allow administration/)
        .and.match(/give username and password of a tenant-level account with the SECURITY role/);

      await addTenantUser(id, "boss", ["ADMINISTRATOR"]);
      await client("boss", "pass1234", id).modifyTenant(id, { administrationAllowed: true });
      const created = await provider.create({ tenant: id, minimumPasswordLength: 8 } as never);
      expect(created.outs).to.deep.equal({ tenant: id, minimumPasswordLength: 8 });
      await provider.delete(id, created.outs as never);
      await tenants.delete(id, { ...outs, deletionPolicy: "delete" } as never);
    });

    it("names the account on bad credentials, without the password", async () => {
      const { tenants, id, outs } = await newTenant();
      const provider = await configured(new HcpConsoleSecurityProvider());
      const wrong = await provider
        .create({ tenant: id, username: `${id}-sec`, password: "Wrong-pass1", logoutOnInactive: 5 } as never)
        .catch((e: Error) => e);
      expect(wrong).to.be.instanceOf(AuthenticationError);
      expect((wrong as Error).message)
        .to.include(`the account "${id}-sec"`)
        .and.not.include("Wrong-pass1");
      await tenants.delete(id, { ...outs, deletionPolicy: "delete" } as never);
    });

    it("reads as gone once the tenant is deleted out of band, and deletes without complaint", async () => {
      const { id } = await newTenant();
      const provider = await configured(new HcpConsoleSecurityProvider());
      const inputs = { tenant: id, username: `${id}-sec`, password: "start123", logoutOnInactive: 15 };
      const outs = (await provider.create(inputs as never)).outs as Props;
      await system.deleteTenant(id);
      expect(await provider.read(id, outs as never)).to.deep.equal({});
      await provider.delete(id, outs as never);
    });
  });

  describe("tenant settings", () => {
    /** A tenant with an ADMINISTRATOR account `admin-<name>`; tenant-level credentials for the providers. */
    async function tenantWithAdmin(extra: Props = {}) {
      const tenant = await newTenant(extra);
      await addTenantUser(tenant.id, "admin1", ["ADMINISTRATOR", "SECURITY"]);
      return {
        ...tenant,
        account: { username: "admin1", password: "pass1234" },
        admin: client("admin1", "pass1234", tenant.id),
      };
    }

    it("HcpSearchSecurity: manages only the given ipSettings members and restores their defaults", async () => {
      const { tenants, id, outs: tenantOuts, account, admin } = await tenantWithAdmin();
      const provider = await configured(new HcpSearchSecurityProvider());
      const inputs = { tenant: id, ...account, ipSettings: { allowAddresses: ["10.1.0.0/16", "fd00::/8"] } };
      const outs = (await provider.create(inputs as never)).outs as Props;
      expect(outs.ipSettings).to.deep.equal({ allowAddresses: ["10.1.0.0/16", "fd00::/8"] });
      expect((await provider.read(id, outs as never)).props).to.deep.equal(outs);
      await admin.setSearchSecurity(id, { ipSettings: { allowAddresses: ["10.1.0.0/16"] } });
      const drifted = await provider.read(id, outs as never);
      expect((await provider.diff(id, drifted.props as never, inputs as never)).changes).to.equal(true);
      await provider.delete(id, outs as never);
      expect((await admin.getSearchSecurity(id))?.ipSettings).to.deep.equal({
        allowAddresses: ["0.0.0.0/0"],
        denyAddresses: [],
        allowIfInBothLists: true,
      });
      await tenants.delete(id, { ...tenantOuts, deletionPolicy: "delete" } as never);
    });

    it("HcpTenantContactInfo: full CRUD with drift, emptied on delete", async () => {
      const { tenants, id, outs: tenantOuts, account, admin } = await tenantWithAdmin();
      const provider = await configured(new HcpTenantContactInfoProvider());
      const inputs = {
        tenant: id,
        ...account,
        firstName: "Pat",
        lastName: "Grey",
        emailAddress: "pat@example.com",
        primaryPhone: "+1 (555) 0100",
      };
      const outs = (await provider.create(inputs as never)).outs as Props;
      expect(outs).to.deep.equal(inputs);
      await admin.setContactInfo(id, { lastName: "Green" });
      const drifted = await provider.read(id, outs as never);
      expect(drifted.props).to.deep.include({ lastName: "Green" });
      expect((await provider.diff(id, drifted.props as never, inputs as never)).changes).to.equal(true);
      const updated = (
        await provider.update(id, drifted.props as never, { ...inputs, city: "Santa Clara" } as never)
      ).outs;
      expect(updated).to.deep.include({ lastName: "Grey", city: "Santa Clara" });
      await provider.delete(id, updated as never);
      expect(await admin.getContactInfo(id)).to.deep.include({
        firstName: "",
        lastName: "",
        city: "",
        emailAddress: "",
      });
      await tenants.delete(id, { ...tenantOuts, deletionPolicy: "delete" } as never);
    });

    it("HcpTenantEmailNotification: one recipient stays a list; defaults come back on delete", async () => {
      const { tenants, id, outs: tenantOuts, account, admin } = await tenantWithAdmin();
      const before = await admin.getEmailNotification(id);
      const provider = await configured(new HcpTenantEmailNotificationProvider());
      const inputs = {
        tenant: id,
        ...account,
        enabled: true,
        emailTemplate: { from: "hcp@example.com", subject: "[$severity] $shortText" },
        recipients: [{ address: "ops@example.com", type: "security,general" }],
      };
      expect((await provider.check({} as never, inputs as never)).failures).to.deep.equal([]);
      const outs = (await provider.create(inputs as never)).outs as Props;
      expect(outs.recipients).to.deep.equal([
        { address: "ops@example.com", importance: "MAJOR", severity: "ERROR", type: "SECURITY,GENERAL" },
      ]);
      expect(outs.emailTemplate).to.deep.equal(inputs.emailTemplate);
      expect((await provider.diff(id, outs as never, inputs as never)).changes).to.equal(false);
      const read = await provider.read(id, outs as never);
      expect(read.props).to.deep.equal(outs);
      await provider.delete(id, outs as never);
      expect(await admin.getEmailNotification(id)).to.deep.equal(before);
      await tenants.delete(id, { ...tenantOuts, deletionPolicy: "delete" } as never);
    });

    it("HcpNamespaceDefaults: sets, reads, and restores defaults capped by the tenant quota", async () => {
      const {
        tenants,
        id,
        outs: tenantOuts,
        account,
        admin,
      } = await tenantWithAdmin({
        hardQuota: "30 GB",
        versioningConfigurationEnabled: true,
      });
      const provider = await configured(new HcpNamespaceDefaultsProvider());
      const inputs = {
        tenant: id,
        ...account,
        hardQuota: "10 GB",
        softQuota: 70,
        hashScheme: "SHA-512",
        optimizedFor: "cloud",
        versioningSettings: { enabled: true, prune: true, pruneDays: 30 },
      };
      const outs = (await provider.create(inputs as never)).outs as Props;
      expect(outs).to.deep.include({
        hardQuota: "10.00 GB",
        softQuota: 70,
        hashScheme: "SHA-512",
        optimizedFor: "CLOUD",
      });
      expect(outs.versioningSettings).to.deep.equal({ enabled: true, prune: true, pruneDays: 30 });
      expect((await provider.diff(id, outs as never, inputs as never)).changes).to.equal(false);
      expect((await provider.read(id, outs as never)).props).to.deep.equal(outs);
      await provider.delete(id, outs as never);
      expect(await admin.getNamespaceDefaults(id)).to.deep.include({
        hardQuota: "30.00 GB",
        softQuota: 85,
        hashScheme: "SHA-256",
        optimizedFor: "DEFAULT",
        versioningSettings: { enabled: false, prune: false, pruneDays: 0, useDeleteMarkers: false },
      });
      await tenants.delete(id, { ...tenantOuts, deletionPolicy: "delete" } as never);
    });

    it("HcpTenantPermissions: HCP's implied permissions cause no diff; all six come back on delete", async () => {
      const { tenants, id, outs: tenantOuts, account, admin } = await tenantWithAdmin();
      const provider = await configured(new HcpTenantPermissionsProvider());
      const inputs = { tenant: id, ...account, permissions: ["READ", "PURGE"] };
      const outs = (await provider.create(inputs as never)).outs as Props;
      expect(outs.permissions).to.deep.equal(["DELETE", "PURGE", "READ"]);
      expect((await provider.diff(id, outs as never, inputs as never)).changes).to.equal(false);
      await admin.setPermissions(id, ["READ"]);
      const drifted = await provider.read(id, outs as never);
      expect(drifted.props).to.deep.include({ permissions: ["READ"] });
      expect((await provider.diff(id, drifted.props as never, inputs as never)).changes).to.equal(true);
      await provider.delete(id, outs as never);
      expect(await admin.getPermissions(id)).to.deep.equal([
        "DELETE",
        "PRIVILEGED",
        "PURGE",
        "READ",
        "SEARCH",
        "WRITE",
      ]);
      await tenants.delete(id, { ...tenantOuts, deletionPolicy: "delete" } as never);
    });
  });

  describe("lookups", () => {
    const connection = (): HcpConnectionArgs => ({
      domain: emulator.info.domain,
      port,
      username: emulator.info.username,
      password: emulator.info.password,
      address: "127.0.0.1",
      caCert: ca,
    });

    it("lists tenants across pages, and one page on request", async () => {
      const prefix = unique("page");
      for (let i = 0; i < 101; i++) {
        await system.createTenant({
          name: `${prefix}-${String(i).padStart(3, "0")}`,
          hardQuota: "1 GB",
          authenticationTypes: ["EXTERNAL"],
        });
      }
      const all = await listHcpTenants(connection(), { filterString: prefix });
      expect(all).to.have.length(101);
      expect(all[100]).to.equal(`${prefix}-100`);
      expect(
        await listHcpTenants(connection(), { filterString: prefix, offset: 10, count: 2 }),
      ).to.deep.equal([`${prefix}-010`, `${prefix}-011`]);
      expect(await listHcpTenants(connection())).to.include("Default");
      for (const name of all) await system.deleteTenant(name);
    });

    it("reads statistics, service plans and the chargeback report in every format", async () => {
      const { tenants, id, outs } = await newTenant({ servicePlanSelectionEnabled: true });
      await control("POST", "/_emulator/namespaces", {
        tenant: id,
        name: "finance",
        objectCount: 6,
        ingestedVolume: 134243721,
      });
      await control("POST", "/_emulator/namespaces", {
        tenant: id,
        name: "hr",
        objectCount: 7,
        ingestedVolume: 9609368,
      });
      expect(await getHcpTenantStatistics(connection(), id)).to.deep.include({
        objectCount: 13,
        ingestedVolume: 143853089,
      });
      const plans = await getHcpAvailableServicePlans(
        { ...connection(), username: `${id}-sec`, password: "start123", accountTenant: id },
        id,
      ).catch((e: Error) => e);
      // The initial user has only the SECURITY role; a MONITOR account may list plans.
      expect(plans).to.be.instanceOf(PermissionError);
      await addTenantUser(id, "watcher", ["MONITOR"]);
      const monitor = { ...connection(), username: "watcher", password: "pass1234", accountTenant: id };
      expect(await getHcpAvailableServicePlans(monitor, id)).to.deep.include({
        name: "Default",
        description: "Default service plan",
      });

      const query = {
        start: "2017-02-17T00:00:00-0500",
        end: "2017-02-17T23:59:59-0500",
        granularity: "day" as const,
      };
      const xml = await getHcpChargebackReport(monitor, id, query);
      expect(xml.map((row) => row.namespaceName)).to.deep.equal(["finance", "hr", ""]);
      expect(xml[2]).to.include({ tenantName: id, objectCount: 13, valid: true, deleted: "false" });
      expect(await getHcpChargebackReport(monitor, id, { ...query, format: "csv" })).to.deep.equal(xml);
      expect(await getHcpChargebackReport(monitor, id, { ...query, format: "json" })).to.deep.equal(xml);
      for (const ns of ["finance", "hr"]) await control("DELETE", `/_emulator/namespaces/${id}/${ns}`);
      await tenants.delete(id, { ...outs, deletionPolicy: "delete" } as never);
    });
  });
});
