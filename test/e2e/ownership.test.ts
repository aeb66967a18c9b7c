import { expect } from "chai";
import { type RunningEmulators, startEmulators } from "../../emulator";
import type { FaultReport } from "../../emulator/core/faultInjection";
import { AcronisApi } from "../support/acronisApi";
import { apiWrites } from "../support/apiWrites";
import { type RunResult, TestStack } from "../support/engine";
import { HcpApi } from "../support/hcpApi";
import { acronisStackConfig, hcpStackConfig } from "../support/stackConfig";

/** One resource of the ownership program: its kind, its resource name and its arguments. */
interface Declared {
  type: string;
  name: string;
  args: Record<string, unknown>;
}

const password = "Start123x";
const victimCustomer: Declared = {
  type: "CustomerTenant",
  name: "victim-co",
  args: { name: "Victim Co", parentId: "$partner", deletionPolicy: "delete" },
};
const victimTenant: Declared = {
  type: "HcpTenant",
  name: "victim",
  args: { name: "victim", hardQuota: "100 GB", initialUserName: "security", initialUserPassword: password },
};
const account = (name: string, roles: string[]): Declared => ({
  type: "HcpUserAccount",
  name,
  args: {
    tenant: "@victim.name",
    signInUsername: "security",
    signInPassword: password,
    username: name,
    fullName: name,
    roles,
    password,
  },
});
const ledger: Declared = {
  type: "HcpNamespace",
  name: "ledger",
  args: { tenant: "victim", username: "@nsadmin.username", password, name: "ledger", hardQuota: "1 GB" },
};
/** The same objects, declared in a second stack (their tenant given by name: it is the first stack's). */
const inTenant = (declared: Declared): Declared => ({
  ...declared,
  args: {
    ...declared.args,
    tenant: "victim",
    username: declared.type === "HcpNamespace" ? "nsadmin" : declared.args.username,
  },
});

/** What stack alpha declares first: objects the tests then try to take from another stack. */
const victims = [
  victimCustomer,
  victimTenant,
  account("nsadmin", ["ADMINISTRATOR"]),
  account("auditor", ["MONITOR"]),
  ledger,
];

/** Objects made by hand, then adopted. */
const shared: Declared[] = [
  {
    type: "CustomerTenant",
    name: "shared-dental",
    args: { name: "Shared Dental", parentId: "$partner", adopt: true },
  },
  {
    type: "User",
    name: "shared-admin",
    args: {
      tenantId: "@shared-dental.tenantId",
      login: "shared-admin",
      contact: { email: "admin@shared.example" },
      adopt: true,
    },
  },
  { type: "HcpTenant", name: "shared", args: { name: "shared", hardQuota: "50 GB", adopt: true } },
];

/**
 * Seeds of the fault plan at rate 0.5 whose draws are, for requests on the fault path in order: a fault for
 * the first (the create) and none for the next eleven; or none, one fault (the create after a look-up), none.
 */
const faultOnFirst = { rate: 0.5, seed: 12643, kinds: ["500"] };
const faultOnSecond = { rate: 0.5, seed: 491, kinds: ["500"] };

describe("end to end on the real engine: one owner per object, under faults, across stacks", function () {
  this.timeout(600_000);
  let emulators: RunningEmulators;
  let acronis: AcronisApi;
  let hcp: HcpApi;
  let stacks: TestStack;

  /** Runs pulumi on stack `name` (two stacks share one project directory and one backend). */
  const on = (name: string, args: string[]): Promise<RunResult> => stacks.run([...args, "--stack", name]);
  const declare = (name: string, declared: Declared[]) =>
    stacks.mustRun(["config", "set", "declare", JSON.stringify(declared), "--stack", name]);
  const up = (name: string) => on(name, ["up", "--yes", "--skip-preview"]);
  const writes = () => apiWrites(emulators);
  const writesSince = async (before: Awaited<ReturnType<typeof writes>>) => {
    const now = await writes();
    return [...now.acronis.slice(before.acronis.length), ...now.hcp.slice(before.hcp.length)];
  };
  const resourcesOf = async (name: string) => {
    const state = JSON.parse((await stacks.mustRun(["stack", "export", "--stack", name])).stdout) as {
      deployment: { resources: { urn: string; type: string }[] };
    };
    return (state.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
  };
  const faulted = () => emulators.log.list().filter((e) => e.fault !== undefined);
  /** The one line of the output that matches `pattern`. */
  const line = (result: RunResult, pattern: RegExp) =>
    (result.stdout + result.stderr).split("\n").find((l) => pattern.test(l));

  /** `pulumi up` of stack beta with one injected 500, on requests whose path contains `path`. */
  async function upWithOneFault(path: string, plan: typeof faultOnFirst) {
    await acronis.post("/_emulator/faults", { ...plan, path });
    await hcp.control("POST", "/_emulator/faults", { ...plan, path });
    try {
      return await up("beta");
    } finally {
      const reports = [
        (await acronis.get("/_emulator/faults")).body as FaultReport,
        (await hcp.control("GET", "/_emulator/faults")) as FaultReport,
      ];
      await acronis.post("/_emulator/faults", { rate: 0, path: "" });
      await hcp.control("POST", "/_emulator/faults", { rate: 0, path: "" });
      expect(reports.map((r) => r.injected["500"]).reduce((a, b) => a + b)).to.equal(1);
    }
  }

  before(async () => {
    emulators = await startEmulators();
    acronis = new AcronisApi(emulators.acronis);
    hcp = new HcpApi(emulators.hcp);
    const config = { ...acronisStackConfig(emulators.acronis), ...hcpStackConfig(emulators.hcp) };
    stacks = await TestStack.create("ownership", "test/programs/ownership", config, { stackName: "alpha" });
    await stacks.mustRun(["stack", "init", "beta"]);
    for (const [key, { value, secret }] of Object.entries(config))
      await stacks.mustRun([
        "config",
        "set",
        key,
        ...(secret ? ["--secret"] : []),
        "--stack",
        "beta",
        "--",
        value,
      ]);
    await declare("alpha", [
      victimCustomer,
      victimTenant,
      account("nsadmin", ["ADMINISTRATOR"]),
      account("auditor", ["MONITOR"]),
      ledger,
    ]);
    const made = await up("alpha");
    expect(made.code, made.stdout + made.stderr).to.equal(0);
  });

  after(async () => {
    stacks?.remove();
    await emulators?.close();
  });

  it("an unknown outcome of POST /tenants never takes the customer another stack marked", async () => {
    await declare("beta", [victimCustomer]);
    const before = await writes();
    const result = await upWithOneFault("/api/2/tenants", faultOnFirst);
    expect(result.code).to.not.equal(0);
    expect(line(result, /Victim Co/)).to.match(
      /customer tenant "Victim Co": the create's outcome is unknown \(.*500.*\) and the name is taken by an object that was created by stack ownership\/alpha, as its ownership mark says: it is not taken over\. To take it over on purpose, remove it from that stack's program, then set `adopt: true`$/,
    );
    expect(faulted().at(-1)).to.deep.include({ method: "POST", path: "/api/2/tenants", fault: "500" });
    expect(await writesSince(before)).to.deep.equal(["POST /api/2/tenants"]);
    expect(await resourcesOf("beta")).to.deep.equal([]);
  });

  it("so do unknown outcomes of PUT /mapi/tenants, of a namespace's PUT and of a user account's", async () => {
    const cases: [Declared, string, typeof faultOnFirst, RegExp][] = [
      // The first request on /mapi/tenants is the proof of access at check (one page of one tenant name).
      [
        victimTenant,
        "/mapi/tenants",
        faultOnSecond,
        /create: HCP tenant "victim": .* created by stack ownership\/alpha/,
      ],
      [
        inTenant(ledger),
        "/namespaces",
        faultOnFirst,
        /create: namespace "ledger" of tenant "victim": .* created by stack ownership\/alpha/,
      ],
      // An account cannot be marked: the look-up before the create found the name taken, so nothing proves it.
      [
        inTenant(account("auditor", ["MONITOR"])),
        "/userAccounts",
        faultOnSecond,
        /create: account "auditor" of tenant "victim": .* this create cannot prove it made \(it carries no mark of this resource\): it is not taken over\. Set `adopt: true` to take it over on purpose/,
      ],
    ];
    for (const [declared, path, plan, message] of cases) {
      await declare("beta", [declared]);
      const before = await writes();
      const result = await upWithOneFault(path, plan);
      expect(result.code, declared.name).to.not.equal(0);
      expect(line(result, /outcome is unknown/), result.stdout + result.stderr).to.match(message);
      expect(
        (await writesSince(before)).map((w) => w.split(" ")[0]),
        declared.name,
      ).to.deep.equal(["PUT"]);
      expect(await resourcesOf("beta")).to.deep.equal([]);
    }
  });

  it("adoption writes this stack's mark and nothing else, and another stack's adopt is then refused naming it", async () => {
    const tenant = (
      await acronis.post("/tenants", {
        name: "Shared Dental",
        kind: "customer",
        parent_id: emulators.acronis.partnerTenantId,
      })
    ).body as { id: string };
    const user = (
      await acronis.post("/users", {
        tenant_id: tenant.id,
        login: "shared-admin",
        contact: { email: "admin@shared.example" },
      })
    ).body as { id: string };
    const made = await hcp.admin("PUT", `/mapi/tenants?username=keeper&password=${password}`, {
      name: "shared",
      hardQuota: "50 GB",
    });
    expect(made.status, made.body).to.equal(200);
    const read = async () => ({
      tenant: (await acronis.get(`/tenants/${tenant.id}`)).body as Record<string, unknown>,
      user: (await acronis.get(`/users/${user.id}`)).body as Record<string, unknown>,
      hcp: JSON.parse((await hcp.admin("GET", "/mapi/tenants/shared?verbose=true")).body) as Record<
        string,
        unknown
      >,
    });
    const held = await read();
    await declare("alpha", [...victims, ...shared]);
    const before = await writes();
    const adopted = await up("alpha");
    expect(adopted.code, adopted.stdout + adopted.stderr).to.equal(0);
    // The mark writes, one per object, and no other write.
    expect((await writesSince(before)).sort()).to.deep.equal([
      "POST /mapi/tenants/shared",
      `PUT /api/2/tenants/${tenant.id}`,
      `PUT /api/2/users/${user.id}`,
    ]);
    const now = await read();
    // What adoption may change: the mark's field, and the version and times any write moves.
    const unchanged = (object: Record<string, unknown>) => {
      const { internal_tag, external_id, version, updated_at, tags, contact, ...rest } = object;
      const { updated_at: contactUpdated, ...contactRest } = (contact ?? {}) as Record<string, unknown>;
      return { ...rest, contact: contactRest };
    };
    expect(unchanged(now.tenant)).to.deep.equal(unchanged(held.tenant));
    expect(unchanged(now.user)).to.deep.equal(unchanged(held.user));
    expect(unchanged(now.hcp)).to.deep.equal(unchanged(held.hcp));
    expect(now.tenant.internal_tag).to.equal("tenant-estates:ownership/alpha@shared-dental");
    expect(now.user.external_id).to.equal("tenant-estates:ownership/alpha@shared-admin");
    expect(now.hcp.tags).to.deep.equal({ tag: ["tenant-estates:ownership/alpha@shared"] });

    await declare("beta", shared);
    const second = await writes();
    // Both refusals are reported: the engine would stop starting creates at the first one.
    const refused = await on("beta", ["up", "--yes", "--skip-preview", "--continue-on-error"]);
    expect(refused.code).to.not.equal(0);
    expect(line(refused, /create: customer tenant "Shared Dental"/)).to.match(
      /customer tenant "Shared Dental" exists and was created by stack ownership\/alpha, as its ownership mark says: it is not adopted\. Remove it from that stack's program first, or choose another name$/,
    );
    expect(line(refused, /create: HCP tenant "shared"/)).to.match(
      /created by stack ownership\/alpha, as its ownership mark says: it is not adopted/,
    );
    expect(await writesSince(second)).to.deep.equal([]);
    expect(await resourcesOf("beta")).to.deep.equal([]);
  });

  it("two resources of one program for one object (logins and names compared as the APIs do) are refused at preview", async () => {
    await declare("beta", [
      { type: "CustomerTenant", name: "twin-1", args: { name: "Twin Co", parentId: "$partner" } },
      {
        type: "User",
        name: "dup-1",
        args: { tenantId: "@twin-1.tenantId", login: "Dup.User", contact: { email: "a@twin.example" } },
      },
      {
        type: "User",
        name: "dup-2",
        args: { tenantId: "@twin-1.tenantId", login: "dup.user", contact: { email: "b@twin.example" } },
      },
    ]);
    const before = await writes();
    const preview = await on("beta", ["preview"]);
    expect(preview.code).to.not.equal(0);
    expect(line(preview, /both declare/)).to.match(
      /User "dup-2" and User "dup-1" both declare the Acronis login "dup.user" \(compared as the API compares it\): one object can have only one resource; remove or rename one of them$/,
    );
    const upped = await on("beta", ["up", "--yes"]);
    expect(upped.code).to.not.equal(0);
    expect(line(upped, /both declare/)).to.contain('User "dup-2" and User "dup-1"');
    await declare("beta", [
      { type: "HcpTenant", name: "one", args: { name: "Twin", hardQuota: "1 GB" } },
      { type: "HcpTenant", name: "two", args: { name: "twin", hardQuota: "1 GB" } },
    ]);
    const hcpPreview = await on("beta", ["preview"]);
    expect(line(hcpPreview, /both declare/)).to.contain(
      'HcpTenant "two" and HcpTenant "one" both declare the HCP tenant name "twin"',
    );
    expect(await writesSince(before)).to.deep.equal([]);
    expect(await resourcesOf("beta")).to.deep.equal([]);
  });

  it("destroying resources whose objects are already gone succeeds, for every kind", async () => {
    const victimTenantId = "@victim-co.tenantId";
    await declare("alpha", [
      ...victims,
      ...shared,
      {
        type: "User",
        name: "victim-admin",
        args: { tenantId: victimTenantId, login: "victim-admin", contact: { email: "v@victim.example" } },
      },
      {
        type: "AccessPolicy",
        name: "victim-admin-roles",
        args: { userId: "@victim-admin.userId", roles: ["company_admin"] },
      },
      { type: "TenantMfa", name: "victim-mfa", args: { tenantId: victimTenantId, enabled: true } },
      {
        type: "OfferingItems",
        name: "victim-items",
        args: {
          tenantId: victimTenantId,
          items: [{ name: "workstations", quota: { value: 5, overage: null } }],
        },
      },
      { type: "ApiClient", name: "victim-sync", args: { tenantId: victimTenantId, name: "sync" } },
      {
        type: "HcpTenantContactInfo",
        name: "victim-contact",
        args: { tenant: "victim", username: "@nsadmin.username", password, firstName: "Vic" },
      },
    ]);
    const grown = await up("alpha");
    expect(grown.code, grown.stdout + grown.stderr).to.equal(0);
    const state = JSON.parse((await stacks.mustRun(["stack", "export", "--stack", "alpha"])).stdout) as {
      deployment: { resources: { urn: string; id?: string; outputs?: Record<string, unknown> }[] };
    };
    const idOf = (name: string) =>
      state.deployment.resources.find((r) => r.urn.endsWith(`::${name}`))?.id as string;
    for (const name of ["victim-co", "shared-dental"]) {
      const tenant = (await acronis.get(`/tenants/${idOf(name)}`)).body as { version: number };
      const disabled = (
        await acronis.put(`/tenants/${idOf(name)}`, { enabled: false, version: tenant.version })
      ).body as {
        version: number;
      };
      expect(
        (await acronis.delete(`/tenants/${idOf(name)}?version=${disabled.version}`)).status,
      ).to.be.lessThan(300);
    }
    const ns = await hcp.asTenantUser(
      "victim",
      "nsadmin",
      password,
      "DELETE",
      "/mapi/tenants/victim/namespaces/ledger",
    );
    expect(ns.status, ns.body).to.equal(200);
    for (const name of ["victim", "shared"])
      expect((await hcp.admin("DELETE", `/mapi/tenants/${name}`)).status).to.equal(200);
    const destroyed = await on("alpha", ["destroy", "--yes", "--skip-preview"]);
    expect(destroyed.code, destroyed.stdout + destroyed.stderr).to.equal(0);
    expect(await resourcesOf("alpha")).to.deep.equal([]);
  });
});
