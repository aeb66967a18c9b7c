import { isUnknown, normaliseBoolean } from "../../core/normalise";
import { isMark, markPrefix } from "../../core/ownership";
import { adoptProperty, type PropertySpec, type ResourceSpec } from "../../core/spec";
import type { Validator } from "../../core/validate";
import { namespaceQuotaText, quota, unmarkedTags } from "../codecs";
import {
  caseInsensitiveSet,
  lowerCase,
  normaliseNamespaceQuota,
  passwordProblem,
  quotaForDiff,
  tenantNameProblem,
  trimmed,
  usernamePattern,
} from "../values";
import { oneOfAnyCase, quotaRule } from "./common";

/** What happens to the tenant, and all its data, when the resource is removed or destroyed. */
export const hcpDeletionPolicies = ["delete", "retain"] as const;

export const authenticationTypeNames = ["LOCAL", "RADIUS", "EXTERNAL"] as const;

/** Whether the inputs enable LOCAL authentication; HCP's default (none given) is LOCAL and RADIUS. */
export function enablesLocalAuthentication(types: unknown): boolean {
  if (!Array.isArray(types)) return true;
  return types.some((t) => typeof t === "string" && t.toUpperCase() === "LOCAL");
}

/** A boolean element of the tenant document, of the same name. */
const flag = (element: string, doc: string): PropertySpec => ({
  value: { type: "boolean" },
  normalise: normaliseBoolean,
  wire: { path: element },
  doc,
});

// Choice: service plan and network names compare case-insensitively, since HCP answers its own spelling.
const caseInsensitiveName = (element: string, doc: string): PropertySpec => ({
  value: { type: "string", minLength: 1, maxLength: 64 },
  normalise: lowerCase,
  wire: { path: element },
  doc,
});

/** At least one type, and not RADIUS alone (reference §6). */
function checkAuthenticationTypes(v: Validator, path: string, types: unknown): void {
  if (!Array.isArray(types) || types.some(isUnknown)) return;
  const distinct = new Set(types.map((t) => String(t).toUpperCase()));
  if (distinct.size === 1 && distinct.has("RADIUS")) v.fail(path, `${path} cannot be RADIUS alone`);
}

/** HCP makes the initial user exactly when LOCAL authentication is on; it needs both name and password. */
function checkInitialUser(v: Validator, news: Record<string, unknown>, creating: boolean): void {
  if (isUnknown(news.authenticationTypes)) return;
  const local = enablesLocalAuthentication(news.authenticationTypes);
  for (const key of ["initialUserName", "initialUserPassword"]) {
    // An adopted tenant has its users already; a missing one is refused by HCP at create, naming it.
    if (local && creating && news.adopt !== true && news[key] === undefined)
      v.fail(
        key,
        `${key} is required to create a tenant with LOCAL authentication (the default when authenticationTypes is not set)`,
      );
    if (!local && news[key] !== undefined)
      v.fail(key, `${key} is valid only when authenticationTypes includes LOCAL`);
  }
}

export const maxTagLength = 64;

export const hcpTenantSpec: ResourceSpec = {
  type: "HcpTenant",
  module: "hcp",
  entry: "hcpTenant",
  doc: "A Hitachi Content Platform tenant, managed with the system-level account (`hcp:username`): made with its initial user (PUT /tenants), changed in place (POST). Removing or destroying it only forgets it, unless `deletionPolicy` `delete` is in the state.",
  id: "The tenant's name, also its import id.",
  retainUnlessPolicy: ["delete"],
  properties: {
    name: {
      wire: { path: "name" },
      value: { type: "string", rule: tenantNameProblem },
      required: true,
      // Choice: a tenant is never renamed in place: a new name replaces it (names compare case-insensitively).
      replaces: "createFirst",
      normalise: lowerCase,
      doc: "1-63 letters, digits and inner hyphens, not starting with `xn--` and not a reserved word (admin, default, www…); it becomes the tenant's host name. Compared case-insensitively. A change replaces the tenant.",
    },
    systemVisibleDescription: {
      wire: { path: "systemVisibleDescription" },
      value: { type: "string", maxLength: 1024 },
      normalise: trimmed,
      doc: "Up to 1,024 characters, seen only by system-level administrators.",
    },
    hardQuota: {
      wire: { path: "hardQuota", codec: quota },
      value: { type: "string", rule: quotaRule("100 GB", "1 GB") },
      // Choice: hardQuota is required, as the emulator requires it on create.
      required: true,
      normalise: quotaForDiff,
      doc: 'Storage the tenant may allocate: "<number with at most 2 decimals> <MB|GB|TB>", at least 1 GB, e.g. "100 GB"; compared by size. Read back as HCP renders it, e.g. "100.00 GB".',
    },
    softQuota: {
      wire: { path: "softQuota" },
      // Choice: a tenant's softQuota is 10-95 like a namespace's (the tenant table's 0-100 is a read-only view).
      value: { type: "integer", min: 10, max: 95 },
      normalise: Number,
      doc: "Percent of the hard quota at which HCP warns, 10-95 (HCP's default 85).",
    },
    namespaceQuota: {
      wire: { path: "namespaceQuota", codec: namespaceQuotaText },
      value: {
        type: "custom",
        tsType: 'number | "None"',
        schema: { oneOf: [{ type: "integer" }, { type: "string" }] },
      },
      normalise: normaliseNamespaceQuota,
      check(v, path, value) {
        const ok =
          value === "None" ||
          (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10_000);
        if (!ok)
          v.fail(path, `${path} must be an integer from 1 to 10000 or "None", got ${JSON.stringify(value)}`);
      },
      doc: 'How many namespaces the tenant may have: 1-10000, or "None" for no limit (the default).',
    },
    authenticationTypes: {
      wire: { path: "authenticationTypes" },
      value: {
        type: "array",
        minLength: 1,
        items: { type: "string", rule: oneOfAnyCase(authenticationTypeNames) },
      },
      normalise: caseInsensitiveSet,
      check: checkAuthenticationTypes,
      doc: "How the tenant's users sign in: any of LOCAL, RADIUS, EXTERNAL (any case) but not RADIUS alone; compared as a set. HCP's default is LOCAL and RADIUS.",
    },
    complianceConfigurationEnabled: flag(
      "complianceConfigurationEnabled",
      "Whether the tenant may set retention (compliance) modes on its namespaces.",
    ),
    versioningConfigurationEnabled: flag(
      "versioningConfigurationEnabled",
      "Whether the tenant's namespaces may keep versions.",
    ),
    searchConfigurationEnabled: flag("searchConfigurationEnabled", "Whether the tenant may enable search."),
    replicationConfigurationEnabled: flag(
      "replicationConfigurationEnabled",
      "Whether the tenant may take part in replication.",
    ),
    erasureCodingSelectionEnabled: flag(
      "erasureCodingSelectionEnabled",
      "Whether the tenant may choose erasure coding for its namespaces (HCP 9.x).",
    ),
    servicePlanSelectionEnabled: flag(
      "servicePlanSelectionEnabled",
      "Whether the tenant picks a service plan per namespace (then `servicePlan` must not be set).",
    ),
    servicePlan: caseInsensitiveName(
      "servicePlan",
      "The service plan of all the tenant's namespaces, compared case-insensitively (HCP's default `Default`); only while `servicePlanSelectionEnabled` is not true.",
    ),
    tags: {
      wire: { path: "tags", codec: unmarkedTags },
      value: {
        type: "array",
        items: {
          type: "string",
          minLength: 1,
          maxLength: maxTagLength,
          rule: (tag) => {
            if (tag.includes(",")) return "must not contain commas";
            return isMark(tag.toLowerCase())
              ? `must not start with "${markPrefix}" (the provider's ownership mark)`
              : undefined;
          },
        },
      },
      normalise: caseInsensitiveSet,
      doc: `Tags, each 1-64 characters without commas; compared case-insensitively, order ignored. The provider adds its ownership mark (\`${markPrefix}<project>/<stack>@<resource>\`) to the tenants it creates, by which a later \`up\` takes back a create that a crash kept out of the state; it is never shown here.`,
    },
    dataNetwork: caseInsensitiveName(
      "dataNetwork",
      "The network for data access, compared case-insensitively (HCP's default `[hcp_system]`).",
    ),
    managementNetwork: caseInsensitiveName(
      "managementNetwork",
      "The network for management access, compared case-insensitively (HCP's default `[hcp_system]`).",
    ),
    initialUserName: {
      value: { type: "string", pattern: usernamePattern, patternHint: "1-64 letters, digits and . _ - @" },
      createOnly: true,
      doc: "The tenant's first account, made with the tenant and given only the SECURITY role: 1-64 letters, digits and . _ - @. Required to create a tenant with LOCAL authentication, refused without it. Used at creation only: later changes have no effect and never replace the tenant.",
    },
    initialUserPassword: {
      value: { type: "string", rule: (password) => passwordProblem(password) },
      secret: true,
      createOnly: true,
      doc: "The initial user's password: 6-64 characters mixing at least two of letters, digits and other characters. Used at creation only; stored, as input and as output alike, only as a secret.",
    },
    forcePasswordChange: {
      value: { type: "boolean" },
      createOnly: true,
      doc: "Whether the initial user must change its password at first login (default false). Used at creation only.",
    },
    adopt: adoptProperty(
      "an HCP tenant of this name",
      "Adoption's one other write adds this resource's ownership mark to the tenant's tags, so another stack's adopt is refused.",
    ),
    deletionPolicy: {
      // Choice: without a policy in state, removal only forgets, as for Acronis customers: no single edit deletes a tenant's data.
      default: "retain",
      value: { type: "string", enum: hcpDeletionPolicies },
      doc: "What `pulumi destroy`, removing the resource or a replacement does to the tenant: `retain` (the default) leaves the tenant and its data as they are and only forgets it, which the plan shows as `delete [retain]`; `delete` deletes it in HCP, which destroys the tenant and the customer data it governs, irreversibly (HCP refuses while the tenant still owns namespaces). It acts from the state: `delete` must be stored by an earlier `up` (a `pulumi destroy` right after setting it still only forgets).",
    },
    tenantId: {
      role: "output",
      value: { type: "string" },
      required: true,
      doc: "The tenant's UUID, assigned by HCP.",
    },
    fullyQualifiedName: {
      role: "output",
      value: { type: "string" },
      required: true,
      doc: "`<name>.<hcp domain>`: the host of the tenant's Tenant Management Console and MAPI.",
    },
    creationTime: {
      role: "output",
      value: { type: "string" },
      doc: "When HCP created the tenant, as HCP reports it.",
    },
  },
  check(v, news, olds) {
    const creating =
      typeof olds.name !== "string" ||
      typeof news.name !== "string" ||
      olds.name.toLowerCase() !== news.name.toLowerCase();
    checkInitialUser(v, news, creating);
    if (news.servicePlan !== undefined && news.servicePlanSelectionEnabled === true)
      v.fail(
        "servicePlan",
        "servicePlan applies only while servicePlanSelectionEnabled is false (with selection on, each namespace picks its plan)",
      );
  },
};
