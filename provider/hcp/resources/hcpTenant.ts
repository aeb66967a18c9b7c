import type * as pulumi from "@pulumi/pulumi";
import { NameConflictError, NotFoundError, StateConflictError } from "../../core/errors";
import { isUnknown, jsonEqual, normaliseBoolean, plain } from "../../core/normalise";
import {
  checkResult,
  createOnce,
  diffProperties,
  finishCreate,
  managedKeys,
  type PropertyRules,
  readResult,
} from "../../core/resource";
import { Validator } from "../../core/validate";
import { checkEach, checkValue, trimmed } from "../checks";
import type { HcpClient } from "../client";
import { HcpResourceProvider } from "../provider";
import type { InitialUser, Tenant, TenantSettings } from "../types";
import {
  caseInsensitiveSet,
  isQuota,
  lowerCase,
  normaliseNamespaceQuota,
  passwordProblem,
  quotaBytes,
  quotaForDiff,
  tenantNameProblem,
  usernamePattern,
} from "../values";

/** What happens to the tenant, and all its data, when the resource is destroyed. */
export const hcpDeletionPolicies = ["delete", "retain"] as const;
export type HcpDeletionPolicy = (typeof hcpDeletionPolicies)[number];

export const authenticationTypeNames = ["LOCAL", "RADIUS", "EXTERNAL"] as const;

const configurationFlags = [
  "complianceConfigurationEnabled",
  "versioningConfigurationEnabled",
  "searchConfigurationEnabled",
  "replicationConfigurationEnabled",
  "erasureCodingSelectionEnabled",
  "servicePlanSelectionEnabled",
] as const;

export interface HcpTenantInputs {
  name: string;
  systemVisibleDescription?: string;
  hardQuota: string;
  softQuota?: number;
  /** A count of namespaces, or "None" for no limit. */
  namespaceQuota?: number | "None";
  authenticationTypes?: string[];
  complianceConfigurationEnabled?: boolean;
  versioningConfigurationEnabled?: boolean;
  searchConfigurationEnabled?: boolean;
  replicationConfigurationEnabled?: boolean;
  erasureCodingSelectionEnabled?: boolean;
  servicePlanSelectionEnabled?: boolean;
  servicePlan?: string;
  tags?: string[];
  dataNetwork?: string;
  managementNetwork?: string;
  /** The tenant's first account (SECURITY role), made with the tenant; needed with LOCAL authentication. */
  initialUserName?: string;
  initialUserPassword?: string;
  forcePasswordChange?: boolean;
  deletionPolicy?: HcpDeletionPolicy;
}

/** The inputs minus the initial password (never an output), plus what HCP assigns. */
export interface HcpTenantOutputs extends Omit<HcpTenantInputs, "initialUserPassword"> {
  tenantId: string;
  fullyQualifiedName: string;
  creationTime?: string;
}

// Choice: a tenant is never renamed in place: a new name replaces it (names compare case-insensitively).
// Choice: service plan and network names compare case-insensitively, since HCP answers its own spelling.
export const hcpTenantRules: PropertyRules = {
  name: { replaces: true, normalise: lowerCase },
  systemVisibleDescription: { normalise: trimmed },
  hardQuota: { normalise: quotaForDiff },
  softQuota: { normalise: Number },
  namespaceQuota: { normalise: normaliseNamespaceQuota },
  authenticationTypes: { normalise: caseInsensitiveSet },
  ...Object.fromEntries(configurationFlags.map((flag) => [flag, { normalise: normaliseBoolean }])),
  servicePlan: { normalise: lowerCase },
  tags: { normalise: caseInsensitiveSet },
  dataNetwork: { normalise: lowerCase },
  managementNetwork: { normalise: lowerCase },
  initialUserName: { createOnly: true },
  initialUserPassword: { createOnly: true },
  forcePasswordChange: { createOnly: true },
  // Not an API property: kept in state so `delete` knows what to do.
  deletionPolicy: {},
};

/** The tenant settings the API holds, in the documented PUT body's order. */
const settingKeys = [
  "name",
  "systemVisibleDescription",
  "hardQuota",
  "softQuota",
  "namespaceQuota",
  "authenticationTypes",
  "complianceConfigurationEnabled",
  "versioningConfigurationEnabled",
  "searchConfigurationEnabled",
  "replicationConfigurationEnabled",
  "erasureCodingSelectionEnabled",
  "tags",
  "servicePlanSelectionEnabled",
  "servicePlan",
  "dataNetwork",
  "managementNetwork",
] as const;

/** Whether the inputs enable LOCAL authentication; HCP's default (none given) is LOCAL and RADIUS. */
export function enablesLocalAuthentication(types: unknown): boolean {
  if (!Array.isArray(types)) return true;
  return types.some((t) => typeof t === "string" && t.toUpperCase() === "LOCAL");
}

/** Input rules, checked before any API call. `creating`: the tenant is about to be made (or replaced). */
export function validateHcpTenant(news: HcpTenantInputs, creating: boolean): pulumi.dynamic.CheckFailure[] {
  const v = new Validator(news)
    .knownKeys(Object.keys(hcpTenantRules))
    .string("name", { required: true })
    .string("systemVisibleDescription", { maxLength: 1024 })
    // Choice: hardQuota is required, as the emulator requires it on create.
    .string("hardQuota", { required: true })
    // Choice: a tenant's softQuota is 10-95 like a namespace's (the tenant table's 0-100 is a read-only view).
    .integer("softQuota", { min: 10, max: 95 });
  for (const flag of configurationFlags) v.boolean(flag);
  v.string("servicePlan", { minLength: 1, maxLength: 64 })
    .string("dataNetwork", { minLength: 1, maxLength: 64 })
    .string("managementNetwork", { minLength: 1, maxLength: 64 })
    .string("initialUserName", {
      pattern: usernamePattern,
      patternHint: "1-64 letters, digits and . _ - @",
    })
    .string("initialUserPassword")
    .boolean("forcePasswordChange")
    .oneOf("deletionPolicy", hcpDeletionPolicies);
  checkValue(v, news, "name", (value) => (typeof value === "string" ? tenantNameProblem(value) : undefined));
  checkValue(v, news, "hardQuota", (value) => {
    if (!isQuota(value))
      return `must be a number with at most 2 decimals and MB, GB or TB, e.g. "100 GB", got "${value}"`;
    return (quotaBytes(value) as number) < (quotaBytes("1 GB") as number)
      ? `must be at least 1 GB, got "${value}"`
      : undefined;
  });
  checkValue(v, news, "namespaceQuota", (value) =>
    value === "None" ||
    (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 10_000)
      ? undefined
      : `must be an integer from 1 to 10000 or "None", got ${JSON.stringify(value)}`,
  );
  checkAuthenticationTypes(v, news);
  checkEach(v, news, "tags", (path) => {
    v.string(path, { minLength: 1, maxLength: 64 });
    checkValue(v, news, path, (tag) => (String(tag).includes(",") ? "must not contain commas" : undefined));
  });
  checkValue(v, news, "initialUserPassword", (value) =>
    typeof value === "string" ? passwordProblem(value) : undefined,
  );
  checkInitialUser(v, news, creating);
  if (news.servicePlan !== undefined && news.servicePlanSelectionEnabled === true) {
    v.fail(
      "servicePlan",
      "servicePlan applies only while servicePlanSelectionEnabled is false (with selection on, each namespace picks its plan)",
    );
  }
  return v.failures;
}

function checkAuthenticationTypes(v: Validator, news: HcpTenantInputs): void {
  checkEach(v, news, "authenticationTypes", (path) => {
    checkValue(v, news, path, (value) =>
      typeof value === "string" && authenticationTypeNames.includes(value.toUpperCase() as never)
        ? undefined
        : `must be one of ${authenticationTypeNames.join(", ")} (any case), got ${JSON.stringify(value)}`,
    );
  });
  const types = news.authenticationTypes;
  if (!Array.isArray(types) || types.some(isUnknown)) return;
  const distinct = new Set(types.map((t) => String(t).toUpperCase()));
  if (distinct.size === 0) v.fail("authenticationTypes", "authenticationTypes needs at least one type");
  if (distinct.size === 1 && distinct.has("RADIUS")) {
    v.fail("authenticationTypes", "authenticationTypes cannot be RADIUS alone");
  }
}

/** HCP makes the initial user exactly when LOCAL authentication is on; it needs both name and password. */
function checkInitialUser(v: Validator, news: HcpTenantInputs, creating: boolean): void {
  if (isUnknown(news.authenticationTypes)) return;
  const local = enablesLocalAuthentication(news.authenticationTypes);
  for (const key of ["initialUserName", "initialUserPassword"] as const) {
    if (local && creating && news[key] === undefined) {
      v.fail(
        key,
        `${key} is required to create a tenant with LOCAL authentication (the default when authenticationTypes is not set)`,
      );
    }
    if (!local && news[key] !== undefined) {
      v.fail(key, `${key} is valid only when authenticationTypes includes LOCAL`);
    }
  }
}

/** The PUT/POST body for the given settings of the inputs. */
export function hcpTenantBody(inputs: Partial<HcpTenantInputs>, keys: readonly string[]): TenantSettings {
  const body: Record<string, unknown> = {};
  for (const key of settingKeys) {
    if (!keys.includes(key)) continue;
    const value = inputs[key];
    body[key] = key === "namespaceQuota" && value !== undefined ? String(value) : value;
  }
  return plain(body) as TenantSettings;
}

/**
 * Outputs from the API's tenant: every input key the program manages, as HCP now holds it, plus the
 * tenant id and its host name. Create and read both use it, so they always agree. The initial
 * password is never among them.
 */
export function hcpTenantOutputs(tenant: Tenant, managed: Partial<HcpTenantInputs>): HcpTenantOutputs {
  const fromApi: Record<string, unknown> = {
    ...Object.fromEntries(settingKeys.map((key) => [key, tenant[key]])),
    namespaceQuota:
      tenant.namespaceQuota === undefined ? undefined : normaliseNamespaceQuota(tenant.namespaceQuota),
    initialUserName: managed.initialUserName,
    forcePasswordChange: managed.forcePasswordChange,
    deletionPolicy: managed.deletionPolicy,
  };
  const outputs: Record<string, unknown> = {
    tenantId: tenant.id,
    fullyQualifiedName: tenant.fullyQualifiedName,
    creationTime: tenant.creationTime,
  };
  for (const key of managedKeys(managed, hcpTenantRules)) {
    if (key !== "initialUserPassword") outputs[key] = fromApi[key];
  }
  outputs.name = tenant.name;
  return plain(outputs) as unknown as HcpTenantOutputs;
}

/** The settings whose value differs between the stored outputs and the new inputs (what an update POSTs). */
export function changedSettings(olds: object, news: Partial<HcpTenantInputs>): string[] {
  return settingKeys.filter((key) => {
    if (key === "name" || news[key] === undefined) return false;
    const normalise = hcpTenantRules[key].normalise ?? ((x: unknown) => x);
    return !jsonEqual(normalise((olds as Record<string, unknown>)[key] ?? null), normalise(news[key]));
  });
}

/** The namespace count HCP names in its refusal, when it does. */
export function namespaceCountIn(message: string | undefined): number | undefined {
  const match = /(\d+)\s+namespace/i.exec(message ?? "");
  return match ? Number(match[1]) : undefined;
}

/**
 * HCP tenants (system level): PUT /tenants with the initial user, POST for changes, DELETE. The id is
 * the tenant name.
 */
export class HcpTenantProvider extends HcpResourceProvider implements pulumi.dynamic.ResourceProvider {
  async check(olds: Partial<HcpTenantInputs>, news: HcpTenantInputs): Promise<pulumi.dynamic.CheckResult> {
    const creating =
      typeof olds?.name !== "string" ||
      typeof news.name !== "string" ||
      olds.name.toLowerCase() !== news.name.toLowerCase();
    return checkResult(news, validateHcpTenant(news, creating));
  }

  async diff(_id: string, olds: HcpTenantOutputs, news: HcpTenantInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, hcpTenantRules);
  }

  async create(inputs: HcpTenantInputs): Promise<pulumi.dynamic.CreateResult> {
    const client = this.systemClient();
    const keys = managedKeys(inputs, hcpTenantRules);
    const initialUser: InitialUser | undefined =
      inputs.initialUserName !== undefined && inputs.initialUserPassword !== undefined
        ? {
            username: inputs.initialUserName,
            password: inputs.initialUserPassword,
            forcePasswordChange: inputs.forcePasswordChange,
          }
        : undefined;
    // Adopted only when the outcome is unknown: a tenant of that name that existed before is a 409.
    await createOnce(
      () => client.createTenant(hcpTenantBody(inputs, keys), initialUser).then(() => true),
      async () => ((await client.tenantExists(inputs.name)) ? true : undefined),
    ).catch((err: unknown) => {
      if (!(err instanceof NameConflictError)) throw err;
      throw err.copyWith({
        explanation: `an HCP tenant named "${inputs.name}" already exists: choose another name`,
      });
    });
    const { initialUserPassword: _secret, ...known } = inputs;
    return finishCreate(inputs.name, inputs, plain(known), async () =>
      hcpTenantOutputs(await requireTenant(client, inputs.name), inputs),
    );
  }

  async read(id: string, props: HcpTenantOutputs): Promise<pulumi.dynamic.ReadResult> {
    const tenant = await this.systemClient().getTenant(id);
    if (!tenant) return {};
    return readResult(id, hcpTenantOutputs(tenant, props), hcpTenantRules, props);
  }

  async update(
    id: string,
    olds: HcpTenantOutputs,
    news: HcpTenantInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    const client = this.systemClient();
    const changed = changedSettings(olds, news);
    // Lists (tags, authentication types) are replaced whole: one write per tenant at a time.
    if (changed.length > 0)
      await client.exclusive(`tenant:${id.toLowerCase()}`, () =>
        client.modifyTenant(id, hcpTenantBody(news, changed)),
      );
    return { outs: hcpTenantOutputs(await requireTenant(client, id), news) };
  }

  async delete(id: string, props: HcpTenantOutputs): Promise<void> {
    if ((props.deletionPolicy ?? "delete") === "retain") return;
    try {
      await this.systemClient().deleteTenant(id);
    } catch (err) {
      if (!(err instanceof StateConflictError)) throw err;
      const count = namespaceCountIn(err.vendorMessage);
      const owns = count === undefined ? "namespaces" : `${count} namespace(s)`;
      throw err.copyWith({
        explanation:
          `tenant "${id}" still owns ${owns}, and HCP deletes only empty tenants: delete its namespaces ` +
          `(and their data) first, or set deletionPolicy to "retain" to only forget the tenant`,
      });
    }
  }
}

async function requireTenant(client: HcpClient, name: string): Promise<Tenant> {
  const tenant = await client.getTenant(name);
  if (!tenant) {
    throw new NotFoundError({
      vendor: "HCP",
      operation: `GET /tenants/${name}`,
      status: 404,
      vendorMessage: "tenant not found",
    });
  }
  return tenant;
}
