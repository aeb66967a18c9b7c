import { isUnknown, normaliseBoolean } from "../../core/normalise";
import { isMark, markPrefix } from "../../core/ownership";
import { adoptProperty, type PropertySpec, type ResourceSpec } from "../../core/spec";
import { enterpriseMode, quota, unmarkedTags } from "../codecs";
import { namespaceNameProblem, normaliseRetention, retentionProblem } from "../tenantObjectValues";
import { caseInsensitiveSet, lowerCase, quotaForDiff, trimmed } from "../values";
import { checkAccount, quotaRule, tenantAccount } from "./common";
import { hashSchemes } from "./hcpNamespaceDefaults";
import { maxTagLength } from "./hcpTenant";

/** What happens to the namespace when the resource is destroyed or replaced. */
export const namespaceDeletionPolicies = ["delete", "retain"] as const;
export const retentionModes = ["enterprise", "compliance"] as const;

/** A boolean element of the namespace document, of the same name. */
const flag = (element: string, doc: string): PropertySpec => ({
  value: { type: "boolean" },
  normalise: normaliseBoolean,
  wire: { path: element },
  doc,
});

/** Versioning as HCP means it: booleans in any spelling, the days as a number. */
function normaliseVersioning(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [
      key,
      key === "pruneDays" ? Number(member) : normaliseBoolean(member),
    ]),
  );
}

// Choice: namespaces are managed with a tenant-level ADMINISTRATOR account (the docs give it every namespace call; an allow-namespace-management account reaches only its own, and not POST).
const signIn = tenantAccount("ADMINISTRATOR");

export const hcpNamespaceSpec: ResourceSpec = {
  type: "HcpNamespace",
  module: "hcp",
  entry: "hcpNamespace",
  doc:
    "A namespace of an HCP tenant (PUT /tenants/{tenant}/namespaces; changes by POST, versioning and the default retention through their sub-resources), managed with a tenant-level account with the ADMINISTRATOR role. " +
    "Removing or destroying it only forgets it, unless `deletionPolicy` `delete` is in the state; HCP deletes only empty namespaces, so a delete fails while the namespace holds objects, naming how many.",
  id: "The namespace's id (a UUID HCP assigns), which a rename keeps. Its import id is `<tenant>/<name>` (e.g. `finance/invoices`). Read as the system-level account (`hcp:username`), so the tenant must allow administration by system-level accounts.",
  retainUnlessPolicy: ["delete"],
  properties: {
    tenant: {
      value: { type: "string", minLength: 1, maxLength: 63 },
      required: true,
      // Choice: a namespace cannot move between tenants; the old one is deleted first (refused while it holds objects).
      replaces: "deleteFirst",
      normalise: lowerCase,
      doc: "The tenant's name, compared case-insensitively. A change replaces the namespace: the old one is first forgotten, or deleted when `deletionPolicy` `delete` is in the state (which HCP refuses while it holds objects).",
    },
    username: {
      ...signIn.username,
      doc: `${signIn.username.doc} Setting \`defaultRetention\` needs the COMPLIANCE role as well.`,
    },
    password: signIn.password,
    adopt: adoptProperty(
      "a namespace of this name in the tenant",
      "Adoption's one other write adds this resource's ownership mark to the namespace's tags, so another stack's adopt is refused.",
    ),
    name: {
      wire: { path: "name" },
      // Choice: a new name renames in place (POST name, documented), keyed on the namespace's id, rather than replacing a namespace that may hold data.
      value: { type: "string", rule: namespaceNameProblem },
      required: true,
      normalise: lowerCase,
      doc: "1-63 letters, digits and inner hyphens, not starting with `xn--`; unique in the tenant, compared case-insensitively; it becomes the namespace's host name `<name>.<tenant>.<domain>`. A change renames the namespace in place (its URL changes for every client).",
    },
    description: {
      wire: { path: "description" },
      value: { type: "string", maxLength: 1024 },
      normalise: trimmed,
      doc: "Up to 1,024 characters; an empty string clears it (default: the tenant's namespace defaults).",
    },
    hardQuota: {
      wire: { path: "hardQuota", codec: quota },
      value: { type: "string", rule: quotaRule("50 GB", "1 GB") },
      normalise: quotaForDiff,
      doc: 'Storage the namespace may use: "<number with at most 2 decimals> <MB|GB|TB>", at least 1 GB, e.g. "50 GB"; compared by size. The namespaces of a tenant together may not exceed its hard quota, and a quota cannot go below what the namespace stores (default: the tenant\'s namespace defaults, 50 GB).',
    },
    softQuota: {
      wire: { path: "softQuota" },
      value: { type: "integer", min: 10, max: 95 },
      normalise: Number,
      doc: "Percent of the hard quota at which HCP warns, 10-95 (default: the tenant's namespace defaults, 85).",
    },
    hashScheme: {
      wire: { path: "hashScheme", write: "create" },
      value: { type: "string", enum: hashSchemes },
      // Choice: hashScheme replaces, old namespace first (HCP refuses it on POST; the name stays taken until the old one goes).
      replaces: "deleteFirst",
      doc: "MD5, SHA-1, SHA-256, SHA-384, SHA-512 or RIPEMD-160, case-sensitive (default: the tenant's namespace defaults, SHA-256). HCP fixes it when the namespace is made: a change replaces the namespace, deleting the old one first, which HCP refuses while it holds objects; it is refused before any call unless `deletionPolicy` `delete` is in the state, since a kept namespace keeps its name.",
    },
    // Choice: HCP's enterpriseMode is offered as retentionMode enterprise|compliance; compliance is one way (true→false only on POST).
    retentionMode: {
      wire: { path: "enterpriseMode", codec: enterpriseMode },
      value: { type: "string", enum: retentionModes },
      doc: "`enterprise` (privileged deletes allowed) or `compliance` (no object is deleted before its retention ends); HCP's `enterpriseMode`. `compliance` needs the tenant's complianceConfigurationEnabled, and is one way: a plan that returns to `enterprise` is refused at preview (default enterprise).",
    },
    // Choice: the default retention is the one complianceSettings member managed here; it is written after the PUT, by the same account.
    defaultRetention: {
      value: { type: "string", rule: retentionProblem },
      normalise: normaliseRetention,
      doc: 'The retention new objects get: 0 (deletion allowed, HCP\'s default), -1 (deletion prohibited), -2 (initial unspecified), an offset from ingest such as "A+7y" or "A+1y+6M", a retention class "C+<name>", or a date "2030-01-01T00:00:00+0000". Set through the namespace\'s complianceSettings, which needs the COMPLIANCE role.',
    },
    versioning: {
      value: {
        type: "object",
        typeName: "HcpNamespaceVersioning",
        doc: "Whether the namespace keeps old versions of objects; as an output, the members given as HCP holds them.",
        fields: {
          enabled: {
            value: { type: "boolean" },
            required: true,
            doc: "Whether versions are kept; only where the tenant allows versioning.",
          },
          prune: { value: { type: "boolean" }, doc: "Whether old versions are pruned (default false)." },
          pruneDays: {
            value: { type: "integer", min: 0, max: 36_500 },
            doc: "Days a version is kept before pruning, 0-36500; required when prune is true.",
          },
        },
      },
      normalise: normaliseVersioning,
      check(v, path, value) {
        const settings = value as { prune?: unknown; pruneDays?: unknown };
        if (settings.prune === true && settings.pruneDays == null)
          v.fail(`${path}.pruneDays`, `${path}.pruneDays is required when prune is true`);
      },
      doc: "Versioning (HCP's versioningSettings sub-resource; default: the tenant's namespace defaults, none).",
    },
    searchEnabled: flag(
      "searchEnabled",
      "Whether the namespace can be searched; only where the tenant allows search. Turning it off also turns indexing off and drops the index.",
    ),
    indexingEnabled: flag(
      "indexingEnabled",
      "Whether objects are indexed for search; needs searchEnabled (default: searchEnabled at create).",
    ),
    customMetadataIndexingEnabled: flag(
      "customMetadataIndexingEnabled",
      "Whether custom metadata is indexed too; needs indexingEnabled (default false).",
    ),
    multipartUploadAutoAbortDays: {
      value: { type: "integer", min: 0, max: 180 },
      normalise: Number,
      wire: { path: "multipartUploadAutoAbortDays" },
      doc: "Days after which HCP aborts a multipart upload left incomplete, 0-180; 0 never aborts (default 30).",
    },
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
      doc: `Tags, each 1-64 characters without commas; compared case-insensitively, order ignored. The provider adds its ownership mark (\`${markPrefix}<project>/<stack>@<resource>\`) to the namespaces it creates; it is never shown here.`,
    },
    deletionPolicy: {
      // Choice: without a policy in state, removal only forgets, as for Acronis customers: no single edit deletes a namespace (HCP deletes only empty ones, but a namespace's settings and history go with it).
      default: "retain",
      value: { type: "string", enum: namespaceDeletionPolicies },
      doc: "What `pulumi destroy`, removing the resource or a replacement does: `retain` (the default) leaves the namespace and its objects as they are and only forgets it, which the plan shows as `delete [retain]`; `delete` deletes the namespace, which HCP does only when it holds no objects (otherwise the operation fails, naming the object count, and nothing is deleted). It acts from the state: `delete` must be stored by an earlier `up`.",
    },
    namespaceId: {
      role: "output",
      value: { type: "string" },
      required: true,
      doc: "The namespace's UUID, assigned by HCP.",
    },
    fullyQualifiedName: {
      role: "output",
      value: { type: "string" },
      required: true,
      doc: "`<name>.<tenant>.<hcp domain>`: the namespace's host for data access.",
    },
    creationTime: {
      role: "output",
      value: { type: "string" },
      doc: "When HCP created the namespace, as HCP reports it.",
    },
  },
  check(v, news, olds) {
    checkAccount(v, news);
    if (olds.retentionMode === "compliance" && news.retentionMode === "enterprise")
      v.fail(
        "retentionMode",
        "retentionMode cannot return from compliance to enterprise (HCP allows only enterprise to compliance)",
      );
    const known = (key: string) => news[key] !== undefined && !isUnknown(news[key]);
    if (news.indexingEnabled === true && known("searchEnabled") && news.searchEnabled !== true)
      v.fail("indexingEnabled", "indexingEnabled needs searchEnabled true");
    if (
      news.customMetadataIndexingEnabled === true &&
      known("indexingEnabled") &&
      news.indexingEnabled !== true
    )
      v.fail("customMetadataIndexingEnabled", "customMetadataIndexingEnabled needs indexingEnabled true");
    const sameNamespace =
      typeof olds.name === "string" &&
      typeof news.name === "string" &&
      olds.name.toLowerCase() === news.name.toLowerCase() &&
      String(olds.tenant).toLowerCase() === String(news.tenant).toLowerCase();
    // A retained namespace stays under its name, so a replacement of the same name could only collide.
    if (
      sameNamespace &&
      olds.deletionPolicy !== "delete" &&
      known("hashScheme") &&
      olds.hashScheme !== undefined &&
      olds.hashScheme !== news.hashScheme
    )
      v.fail(
        "hashScheme",
        'hashScheme can change only by replacing the namespace, which only forgets the old namespace unless deletionPolicy "delete" is in the state (the kept namespace keeps the name): delete the namespace yourself, or set deletionPolicy "delete" and run `pulumi up` first',
      );
  },
};
