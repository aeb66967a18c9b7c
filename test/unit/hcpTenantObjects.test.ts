import { expect } from "chai";
import fc from "fast-check";
import { resourceMarks } from "../../provider/core/ownership";
import { propertyRules, validateInputs } from "../../provider/core/spec";
import type { Namespace } from "../../provider/hcp/namespaceApi";
import {
  changedKeys,
  createBody,
  markOnNamespace,
  namespaceBody,
  namespaceOutputs,
  versioningBody,
} from "../../provider/hcp/namespaceMapping";
import { hcpNamespaceSpec } from "../../provider/hcp/specs/hcpNamespace";
import { hcpTenantSpec } from "../../provider/hcp/specs/hcpTenant";
import { hcpUserAccountSpec } from "../../provider/hcp/specs/hcpUserAccount";
import {
  accountPasswordProblem,
  accountUsernameProblem,
  namespaceNameProblem,
  normaliseRetention,
  retentionProblem,
  roleSet,
} from "../../provider/hcp/tenantObjectValues";
import {
  accountChangeBody,
  accountCreateBody,
  accountOutputs,
  changedAccountKeys,
} from "../../provider/hcp/userAccountMapping";

const nsRules = propertyRules(hcpNamespaceSpec);
const accountRules = propertyRules(hcpUserAccountSpec);
const base = { tenant: "finance", username: "admin", password: "p", name: "invoices" };

describe("HCP namespace values", () => {
  it("accepts host-name-like namespace names only", () => {
    for (const good of ["a", "invoices", "A-1", "x".repeat(63)])
      expect(namespaceNameProblem(good), good).to.equal(undefined);
    for (const bad of ["", "-a", "a-", "a_b", "a.b", "x".repeat(64), "xn--abc", "é"])
      expect(namespaceNameProblem(bad), bad).to.be.a("string");
  });

  it("accepts every documented form of a default retention, and nothing else", () => {
    for (const good of [
      "0",
      "-1",
      "-2",
      "Deletion Allowed",
      "A+7y",
      "A+7Y",
      "A+1y+6M",
      "A+20d-5h",
      "C+legal",
      "2030-01-01T00:00:00+0000",
      "1893456000",
    ])
      expect(retentionProblem(good), good).to.equal(undefined);
    for (const bad of ["7y", "A", "A+7x", "A+1M+1y", "B+1d", "forever", "C+", "A+10000d"])
      expect(retentionProblem(bad), bad).to.be.a("string");
  });

  it("compares special retention words with their numbers and Y with y (property)", () => {
    expect(normaliseRetention("Deletion Prohibited")).to.equal("-1");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        (years) => normaliseRetention(`A+${years}Y`) === `A+${years}y`,
      ),
    );
  });
});

describe("HCP namespace mapping", () => {
  it("maps retentionMode to enterpriseMode and adds the mark to the tags it writes", () => {
    const inputs = { ...base, retentionMode: "compliance" as const, tags: ["a"], hardQuota: "1 GB" };
    expect(namespaceBody(inputs, ["retentionMode", "tags"], "tenant-estates:p/s")).to.deep.equal({
      enterpriseMode: false,
      tags: ["a", "tenant-estates:p/s"],
    });
    expect(namespaceBody(inputs, ["hardQuota"])).to.deep.equal({ hardQuota: "1 GB" });
  });

  it("creates with the name, the managed settings, versioning, and the mark even without tags", () => {
    const body = createBody(
      { ...base, softQuota: 80, versioning: { enabled: true }, __owner: "p/s" } as never,
      nsRules,
    );
    expect(body).to.deep.equal({
      name: "invoices",
      softQuota: 80,
      tags: ["tenant-estates:p/s"],
      versioningSettings: { enabled: true, prune: false },
    });
    expect(body).to.not.have.any.keys("username", "password", "tenant");
  });

  it("sends pruneDays only with prune", () => {
    expect(versioningBody({ enabled: true, prune: false, pruneDays: 3 })).to.deep.equal({
      enabled: true,
      prune: false,
    });
    expect(versioningBody({ enabled: true, prune: true, pruneDays: 3 })).to.deep.include({ pruneDays: 3 });
  });

  it("outputs exactly the managed inputs, the mark left out, plus the id and host (property)", () => {
    const api: Namespace = {
      name: "Invoices",
      hardQuota: "1.00 GB",
      softQuota: 80,
      enterpriseMode: true,
      tags: ["a", "tenant-estates:p/s"],
      id: "id-1",
      fullyQualifiedName: "Invoices.finance.hcp",
      description: "d",
    };
    const optional = ["hardQuota", "softQuota", "retentionMode", "tags", "description"] as const;
    fc.assert(
      fc.property(fc.subarray([...optional]), (keys) => {
        const inputs: Record<string, unknown> = { ...base };
        for (const key of keys)
          inputs[key] = key === "retentionMode" ? "enterprise" : key === "tags" ? ["a"] : "x";
        const outs = namespaceOutputs({ namespace: api }, inputs as never, nsRules) as unknown as Record<
          string,
          unknown
        >;
        const expected = [
          "tenant",
          "username",
          "password",
          "name",
          ...keys,
          "namespaceId",
          "fullyQualifiedName",
        ];
        return (
          Object.keys(outs).sort().join() === expected.sort().join() &&
          (!keys.includes("tags") || JSON.stringify(outs.tags) === '["a"]') &&
          (!keys.includes("retentionMode") || outs.retentionMode === "enterprise")
        );
      }),
    );
  });

  it("finds the resource's own mark among the tags, else another one", () => {
    const ns = { tags: ["x", "tenant-estates:a/b@n", "tenant-estates:p/s@n"] };
    const marks = (owner: string) =>
      resourceMarks({ __owner: owner, __resourceName: "n" }, { maxLength: 64, tag: true });
    expect(markOnNamespace(ns, marks("p/s"))).to.equal("tenant-estates:p/s@n");
    expect(markOnNamespace(ns, marks("q/r"))).to.equal("tenant-estates:a/b@n");
    expect(markOnNamespace({ tags: ["x"] }, undefined)).to.equal(undefined);
  });

  it("writes only what changed, quotas by size and tags as sets", () => {
    const olds = { ...base, hardQuota: "20.00 GB", tags: ["A", "b"], softQuota: 80, description: "d" };
    const news = {
      ...base,
      hardQuota: "20 GB",
      tags: ["b", "a"],
      softQuota: 70,
      description: "d",
      password: "q",
    };
    expect(changedKeys(olds, news, nsRules)).to.deep.equal(["softQuota"]);
  });
});

describe("HCP namespace and account checks", () => {
  const failures = (spec: typeof hcpNamespaceSpec, news: object, olds: object = {}) =>
    validateInputs(spec, olds, news).map((f) => `${f.property}: ${f.reason}`);

  it("refuses a return to enterprise mode, indexing without search, and a replacement that would keep the old namespace", () => {
    expect(
      failures(
        hcpNamespaceSpec,
        { ...base, retentionMode: "enterprise" },
        { ...base, retentionMode: "compliance" },
      ),
    ).to.deep.equal([
      "retentionMode: retentionMode cannot return from compliance to enterprise (HCP allows only enterprise to compliance)",
    ]);
    expect(failures(hcpNamespaceSpec, { ...base, searchEnabled: false, indexingEnabled: true })[0]).to.match(
      /^indexingEnabled/,
    );
    const retained = { ...base, deletionPolicy: "retain", hashScheme: "MD5" };
    expect(failures(hcpNamespaceSpec, { ...retained, hashScheme: "SHA-1" }, retained)[0]).to.match(
      /^hashScheme: .*only forgets the old namespace unless deletionPolicy "delete" is in the state/,
    );
    // Without a policy in state the old namespace is kept as well; with `delete` the replacement may go ahead.
    const unset = { ...base, hashScheme: "MD5" };
    expect(failures(hcpNamespaceSpec, { ...unset, hashScheme: "SHA-1" }, unset)[0]).to.match(/^hashScheme: /);
    const deleting = { ...base, deletionPolicy: "delete", hashScheme: "MD5" };
    expect(failures(hcpNamespaceSpec, { ...deleting, hashScheme: "SHA-1" }, deleting)).to.deep.equal([]);
    expect(failures(hcpNamespaceSpec, { ...base, password: undefined })[0]).to.match(
      /^password: password is required with username/,
    );
  });

  it("requires a password for a new local account only, and refuses one for RADIUS", () => {
    const account = { tenant: "t", username: "jdoe", fullName: "J" };
    expect(failures(hcpUserAccountSpec, account)[0]).to.match(/^password: password is required/);
    expect(failures(hcpUserAccountSpec, { ...account, adopt: true })).to.deep.equal([]);
    expect(failures(hcpUserAccountSpec, { ...account, fullName: "K" }, account)).to.deep.equal([]);
    expect(
      failures(hcpUserAccountSpec, { ...account, localAuthentication: false, password: "Abc-1234" })[0],
    ).to.match(/RADIUS/);
    expect(
      failures(hcpUserAccountSpec, { ...account, password: "x", signInUsername: "s" }),
    ).to.include.members(["signInPassword: signInPassword is required with signInUsername"]);
  });

  it("refuses a switch of localAuthentication that would keep the old account under its name, unless deletionPolicy delete is stored", () => {
    const account = { tenant: "t", username: "jdoe", fullName: "J", password: "Abc-1234" };
    const radius = { ...account, localAuthentication: false, password: undefined };
    for (const deletionPolicy of [undefined, "retain", "disable"])
      expect(failures(hcpUserAccountSpec, radius, { ...account, deletionPolicy })).to.deep.equal([
        'localAuthentication: localAuthentication can change only by replacing the account, which only forgets or disables the old account unless deletionPolicy "delete" is in the state (the kept account keeps the username): set deletionPolicy "delete" and run `pulumi up` first',
      ]);
    expect(failures(hcpUserAccountSpec, radius, { ...account, deletionPolicy: "delete" })).to.deep.equal([]);
    // In another tenant the kept account is no obstacle.
    expect(failures(hcpUserAccountSpec, { ...radius, tenant: "u" }, account)).to.deep.equal([]);
  });

  it("never repeats a refused password in its reason (property)", () => {
    fc.assert(
      // A snowman no reason contains: a password such as "tte" is otherwise found in the word "letters".
      fc.property(
        fc.string({ maxLength: 79 }).map((rest) => `\u2603${rest}`),
        (password) => {
          const reason = accountPasswordProblem(password);
          return reason === undefined || !reason.includes(password);
        },
      ),
    );
    expect(accountPasswordProblem("Blue-Sky-42")).to.equal(undefined);
    expect(accountPasswordProblem("abcdefgh")).to.match(/two of/);
    expect(accountUsernameProblem("[admin")).to.match(/\[/);
    expect(accountUsernameProblem("Jane Doe")).to.equal(undefined);
  });
});

describe("HCP namespace and account specs", () => {
  it("keep passwords secret: the account's is create-only, the sign-in ones never compared", () => {
    const account = hcpUserAccountSpec.properties;
    expect(account.password).to.include({ secret: true, createOnly: true });
    expect(account.signInPassword).to.include({ secret: true, notCompared: true });
    expect(account.signInUsername).to.include({ notCompared: true });
    expect(hcpNamespaceSpec.properties.password).to.include({ secret: true, notCompared: true });
  });

  it("replace only where HCP cannot change a property, deleting the old object first", () => {
    const replacing = (spec: typeof hcpNamespaceSpec) =>
      Object.entries(spec.properties)
        .filter(([, p]) => p.replaces)
        .map(([key, p]) => `${key}:${p.replaces}`);
    expect(replacing(hcpNamespaceSpec)).to.deep.equal(["tenant:deleteFirst", "hashScheme:deleteFirst"]);
    expect(replacing(hcpUserAccountSpec)).to.deep.equal([
      "tenant:createFirst",
      "localAuthentication:deleteFirst",
    ]);
    // Without a policy, removal only forgets (the SDK sets retainOnDelete, so the plan says so).
    for (const spec of [hcpNamespaceSpec, hcpUserAccountSpec, hcpTenantSpec])
      expect([spec.properties.deletionPolicy.default, spec.retainUnlessPolicy]).to.deep.equal([
        "retain",
        spec === hcpUserAccountSpec ? ["delete", "disable"] : ["delete"],
      ]);
  });
});

describe("HCP user account mapping", () => {
  const inputs = {
    tenant: "t",
    username: "jdoe",
    fullName: "Jane",
    roles: ["monitor"],
    password: "secret-1",
  };

  it("creates with HCP's required properties and never a password in the body", () => {
    expect(accountCreateBody(inputs)).to.deep.equal({
      username: "jdoe",
      fullName: "Jane",
      localAuthentication: true,
      forcePasswordChange: false,
      enabled: true,
      roles: ["MONITOR"],
    });
    expect(
      accountChangeBody({ ...inputs, description: "d" }, ["roles", "description", "password"]),
    ).to.deep.equal({
      description: "d",
      roles: ["MONITOR"],
    });
  });

  it("outputs the managed keys as HCP holds them, the password carried forward; roles compare as sets", () => {
    const outs = accountOutputs(
      { username: "JDoe", fullName: "Jane", roles: ["MONITOR"], userGUID: "g", enabled: true },
      inputs,
      accountRules,
    );
    expect(outs).to.deep.equal({
      tenant: "t",
      username: "JDoe",
      fullName: "Jane",
      roles: ["MONITOR"],
      password: "secret-1",
      userGuid: "g",
    });
    expect(changedAccountKeys(outs, { ...inputs, username: "jdoe" }, accountRules)).to.deep.equal([]);
    expect(roleSet(["security", "MONITOR", "Security"])).to.deep.equal(["MONITOR", "SECURITY"]);
  });
});
