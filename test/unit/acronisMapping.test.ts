import { expect } from "chai";
import fc from "fast-check";
import { enabledItems } from "../../provider/acronis/codecs";
import { completeAcronisSettings, readAcronisSettings } from "../../provider/acronis/config";
import { itemsSatisfy } from "../../provider/acronis/offeringItemMatch";
import {
  accessPolicyItems,
  accessPolicyOutputs,
  validateAccessPolicy,
} from "../../provider/acronis/resources/accessPolicy";
import {
  customerTenantOutputs,
  customerTenantCreateBody as tenantCreateBody,
  validateCustomerTenant,
} from "../../provider/acronis/resources/customerTenant";
import {
  offeringItemWrites,
  resolveItems,
  validateOfferingItems,
} from "../../provider/acronis/resources/offeringItems";
import { validateUser } from "../../provider/acronis/resources/user";
import { userSpec } from "../../provider/acronis/specs/user";
import { tokenExpiryMs } from "../../provider/acronis/token";
import type { OfferingItem, Tenant } from "../../provider/acronis/types";
import { readReliabilitySettings } from "../../provider/core/config";
import { diffProperties } from "../../provider/core/resource";
import { propertyRules } from "../../provider/core/spec";

const partner = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
const backup = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb";
const infraA = "019097a6-114f-4418-bd54-e01ef049f209";
const infraB = "11111111-2222-3333-4444-555555555555";

describe("CustomerTenant mapping", () => {
  it("sends the tutorial's body for the tutorial's inputs, enhanced security where the OAS puts it", () => {
    const body = tenantCreateBody({
      name: "Customer, Inc",
      parentId: partner,
      customerId: "customer-inc",
      ancestralAccess: true,
      enhancedSecurity: true,
    });
    expect(body).to.deep.equal({
      name: "Customer, Inc",
      kind: "customer",
      parent_id: partner,
      customer_id: "customer-inc",
      ancestral_access: true,
      settings: { enhanced_security: true },
    });
  });

  it("maps updateLock, which only its spec declares, to update_lock.enabled both ways", () => {
    const body = tenantCreateBody({ name: "C", parentId: partner, updateLock: true });
    expect(body).to.deep.include({ update_lock: { enabled: true } });
    const tenant = {
      id: "t1",
      name: "C",
      parent_id: partner,
      update_lock: { enabled: true, owner_id: partner },
    };
    expect(
      customerTenantOutputs(tenant as unknown as Tenant, { name: "C", parentId: partner, updateLock: false }),
    ).to.deep.include({ updateLock: true });
  });

  it("outputs only the keys the program manages, plus the id", () => {
    const tenant = {
      id: "t1",
      version: 3,
      name: "C",
      kind: "customer",
      parent_id: partner,
      enabled: true,
      language: "en",
      customer_id: null,
      contact: { email: "a@b.c", phone: null },
    } as Tenant;
    expect(
      customerTenantOutputs(tenant, { name: "C", parentId: partner, contact: { phone: "1" } }),
    ).to.deep.equal({
      tenantId: "t1",
      kind: "customer",
      name: "C",
      parentId: partner,
      contact: { phone: "" },
    });
  });

  it("refuses to change enhanced security once the tenant exists, either way, naming the property", () => {
    const existing = { name: "C", parentId: partner };
    for (const [was, wanted] of [
      [true, false],
      [undefined, true],
    ]) {
      const failures = validateCustomerTenant(
        { ...existing, enhancedSecurity: was },
        { ...existing, enhancedSecurity: wanted },
      );
      expect(failures.map((f) => f.property)).to.deep.equal(["enhancedSecurity"]);
      expect(failures[0].reason).to.match(/set when the tenant is created: the API cannot change it/);
    }
    expect(validateCustomerTenant({}, { ...existing, enhancedSecurity: true })).to.deep.equal([]);
    expect(
      validateCustomerTenant({ ...existing, enhancedSecurity: false }, { ...existing, name: "D" }),
    ).to.deep.equal([]);
  });

  it("rejects a malformed contact e-mail and an unknown key", () => {
    const failures = validateCustomerTenant({}, {
      name: "C",
      parentId: partner,
      contact: { email: "nope" },
      colour: "red",
    } as never);
    expect(failures.map((f) => f.property).sort()).to.deep.equal(["colour", "contact.email"]);
  });
});

describe("OfferingItems mapping", () => {
  const available: OfferingItem[] = [
    {
      application_id: backup,
      name: "workstations",
      status: 1,
      quota: { value: 5, overage: null, version: 17 },
    },
    {
      application_id: backup,
      name: "storage",
      infra_id: infraA,
      status: 1,
      quota: { value: null, overage: null, version: 0 },
    },
    { application_id: backup, name: "storage", infra_id: infraB, status: 0 },
  ];

  it("resolves names to application and infra, and says what is available when one is missing", () => {
    expect(resolveItems([{ name: "workstations" }], available, "t")).to.deep.equal([
      { name: "workstations", applicationId: backup },
    ]);
    expect(() => resolveItems([{ name: "servers" }], available, "t")).to.throw(
      /"servers" is not available to tenant t \(available: storage, workstations\)/,
    );
    expect(() => resolveItems([{ name: "storage" }], available, "t")).to.throw(/set infraId/);
    expect(resolveItems([{ name: "storage", infraId: infraA }], available, "t")[0].infraId).to.equal(infraA);
  });

  it("writes wanted items enabled with their quota version, dropped ones disabled", () => {
    const wanted = [{ name: "workstations", applicationId: backup, quota: { value: 10, overage: 12 } }];
    const dropped = [{ name: "storage", applicationId: backup, infraId: infraA }];
    expect(offeringItemWrites(wanted, dropped, available)).to.deep.equal([
      {
        application_id: backup,
        name: "workstations",
        status: 1,
        quota: { value: 10, overage: 12, version: 17 },
      },
      { application_id: backup, name: "storage", infra_id: infraA, status: 0 },
    ]);
  });

  it("reads back only enabled managed items, sorted, with quotas where managed", () => {
    const managed = [
      { name: "workstations", applicationId: backup, quota: { value: 1, overage: null } },
      { name: "storage", applicationId: backup, infraId: infraB },
    ];
    expect(enabledItems(managed, available)).to.deep.equal([
      { name: "workstations", applicationId: backup, quota: { value: 5, overage: null } },
    ]);
  });

  it("is satisfied exactly when the sets and the wanted quotas agree", () => {
    const stored = [{ name: "workstations", applicationId: backup, quota: { value: 5, overage: null } }];
    expect(itemsSatisfy(stored, [{ name: "workstations", quota: { value: 5 } }])).to.equal(true);
    expect(itemsSatisfy(stored, [{ name: "workstations" }])).to.equal(true);
    expect(itemsSatisfy(stored, [{ name: "workstations", quota: { value: 6 } }])).to.equal(false);
    expect(itemsSatisfy(stored, [{ name: "workstations" }, { name: "storage" }])).to.equal(false);
  });

  it("accepts any whole quota ≥ 0 or null and rejects the rest (property)", () => {
    const tenantId = partner;
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1000, max: 10 ** 12 }), fc.constant(null), fc.double({ noNaN: true })),
        (value) => {
          const failures = validateOfferingItems({
            tenantId,
            items: [{ name: "storage", quota: { value } }],
          });
          const valid = value === null || (Number.isInteger(value) && value >= 0);
          return valid ? failures.length === 0 : failures[0].property === "items[0].quota.value";
        },
      ),
    );
  });

  it("rejects an empty list and duplicates", () => {
    expect(validateOfferingItems({ tenantId: partner, items: [] })[0].property).to.equal("items");
    expect(
      validateOfferingItems({ tenantId: partner, items: [{ name: "a" }, { name: "a" }] })[0].property,
    ).to.equal("items[1]");
  });
});

describe("User and AccessPolicy mapping", () => {
  it("validates logins by the documented rules", () => {
    const base = { tenantId: partner, contact: { email: "john.doe@example.com" } };
    expect(validateUser({ ...base, login: "JohnDoe" })).to.deep.equal([]);
    expect(validateUser({ ...base, login: "jd" })[0].property).to.equal("login");
    expect(validateUser({ ...base, login: "john doe" })[0].property).to.equal("login");
    expect(validateUser({ ...base, login: "JohnDoe", contact: { email: "john" } })[0].property).to.equal(
      "contact.email",
    );
  });

  it("deletes a user before making its replacement (the login is unique in the platform), and only then", () => {
    const olds = { tenantId: partner, login: "JohnDoe", contact: { email: "john.doe@example.com" } };
    const moved = { ...olds, tenantId: "2b5d3c1e-8f4a-4c7b-9d6e-1a2b3c4d5e6f" };
    expect(diffProperties(olds, moved, propertyRules(userSpec))).to.deep.equal({
      changes: true,
      replaces: ["tenantId"],
      deleteBeforeReplace: true,
    });
    expect(
      diffProperties(olds, { ...olds, login: "JaneDoe" }, propertyRules(userSpec)).deleteBeforeReplace,
    ).to.equal(true);
    expect(
      diffProperties(olds, { ...olds, contact: { email: "jd@example.com" } }, propertyRules(userSpec)),
    ).to.deep.equal({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("builds the tutorial's access-policy body", () => {
    expect(accessPolicyItems("u1", "t1", ["company_admin"])).to.deep.equal([
      {
        id: "00000000-0000-0000-0000-000000000000",
        issuer_id: "00000000-0000-0000-0000-000000000000",
        tenant_id: "t1",
        trustee_id: "u1",
        trustee_type: "user",
        role_id: "company_admin",
        version: 0,
      },
    ]);
  });

  it("reads roles back as a sorted set", () => {
    const items = ["backup_user", "company_admin", "backup_user"].map((role_id) => ({
      ...accessPolicyItems("u1", "t1", [role_id])[0],
    }));
    expect(accessPolicyOutputs("u1", "t1", items)).to.deep.equal({
      userId: "u1",
      tenantId: "t1",
      roles: ["backup_user", "company_admin"],
    });
  });

  it("rejects unknown roles, naming the element", () => {
    expect(
      validateAccessPolicy({ userId: partner, roles: ["company_admin", "god_mode"] as never }),
    ).to.deep.equal([
      {
        property: "roles[1]",
        reason:
          'roles[1] must be one of partner_admin, hci_admin, company_admin, unit_admin, readonly_admin, backup_user, sync_share_admin, sync_share_user, sync_share_guest, got "god_mode"',
      },
    ]);
  });
});

describe("Acronis settings", () => {
  it("prefers stack config over the environment", () => {
    const config = { get: (k: string) => ({ "acronis:baseUrl": "http://cfg/api/2" })[k] };
    const settings = readAcronisSettings(config, {
      ACRONIS_BASE_URL: "http://env/api/2",
      ACRONIS_CLIENT_ID: "id",
      ACRONIS_CLIENT_SECRET: "s",
    });
    expect(settings).to.deep.include({ baseUrl: "http://cfg/api/2", clientId: "id", clientSecret: "s" });
  });

  it("names every missing setting and both ways to set it", () => {
    expect(() => completeAcronisSettings({ baseUrl: "http://x" })).to.throw(
      /acronis:clientId \(or ACRONIS_CLIENT_ID\), acronis:clientSecret \(or ACRONIS_CLIENT_SECRET\)/,
    );
  });

  it("takes the token's expiry from expires_on, else expires_in, else two hours", () => {
    expect(tokenExpiryMs({ expires_on: 100 }, 0)).to.equal(100_000);
    expect(tokenExpiryMs({ expires_in: 60 }, 1000)).to.equal(61_000);
    expect(tokenExpiryMs({}, 0)).to.equal(7_200_000);
  });

  it("reads retries, timeouts and the concurrency limit from config or env, refusing nonsense by name", () => {
    expect(readReliabilitySettings("acronis", undefined, {})).to.deep.equal({
      requestTimeoutMs: 30_000,
      maxResponseBytes: 128 * 1024 * 1024,
      operationTimeoutMs: 600_000,
      retry: { attempts: 4, baseDelayMs: 250, maxDelayMs: 20_000 },
      maxConcurrentRequests: 8,
    });
    const config = { get: (k: string) => ({ "hcp:retryAttempts": "2" })[k] };
    const hcp = readReliabilitySettings("hcp", config, {
      HCP_MAX_CONCURRENT_REQUESTS: "3",
      HCP_RETRY_ATTEMPTS: "9",
    });
    expect(hcp.retry.attempts).to.equal(2);
    expect(hcp.maxConcurrentRequests).to.equal(3);
    expect(() =>
      readReliabilitySettings("acronis", undefined, { ACRONIS_REQUEST_TIMEOUT_MS: "soon" }),
    ).to.throw(
      'acronis:requestTimeoutMs (or ACRONIS_REQUEST_TIMEOUT_MS) must be a whole number ≥ 100, got "soon"',
    );
  });
});
