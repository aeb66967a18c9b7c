import { normaliseBoolean } from "../../core/normalise";
import type { PropertySpec, ResourceSpec } from "../../core/spec";
import { givenMembers, quota, spelledAs } from "../codecs";
import { lowerCase, quotaForDiff, trimmed } from "../values";
import { checkAccount, namedElements, oneOfAnyCase, quotaRule, tenantAccount } from "./common";

export const hashSchemes = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "RIPEMD-160"] as const;
export const optimizations = ["ALL", "CLOUD", "DEFAULT"] as const;
export const directoryUsages = ["Balanced", "Unbalanced", "Default"] as const;
export const retentionTypes = ["HCP", "S3"] as const;

const flag = (doc: string): PropertySpec => ({
  value: { type: "boolean" },
  normalise: normaliseBoolean,
  doc,
});

// Choice: enumerations other than hashScheme are taken in any case and compared so; HCP is sent the documented
// spelling (the spelledAs codec).
const anyCase = (element: string, allowed: readonly string[], doc: string): PropertySpec => ({
  value: { type: "string", rule: oneOfAnyCase(allowed) },
  wire: { path: element, codec: spelledAs(allowed) },
  normalise: lowerCase,
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

export const hcpNamespaceDefaultsSpec: ResourceSpec = {
  type: "HcpNamespaceDefaults",
  module: "hcp",
  entry: "hcpNamespaceDefaults",
  doc: "Defaults for the namespaces an HCP tenant creates (POST /tenants/{tenant}/namespaceDefaults; needs the ADMINISTRATOR role). Only the settings given are managed. Destroying the resource POSTs HCP's documented defaults back for those settings.",
  id: "The tenant's name, also its import id. Read as the system-level account (`hcp:username`), so the tenant must allow administration by system-level accounts.",
  properties: {
    ...tenantAccount("ADMINISTRATOR"),
    ...namedElements({
      description: {
        value: { type: "string", maxLength: 1024 },
        normalise: trimmed,
        doc: "Up to 1,024 characters; an empty string clears it (default none).",
      },
      hardQuota: {
        wire: { path: "hardQuota", codec: quota },
        value: { type: "string", rule: quotaRule("50 GB") },
        normalise: quotaForDiff,
        doc: 'e.g. "50 GB": "<number with at most 2 decimals> <MB|GB|TB>", at most the tenant hard quota; compared by size (default 50 GB, or the tenant hard quota when smaller).',
      },
      softQuota: {
        value: { type: "integer", min: 10, max: 95 },
        normalise: Number,
        doc: "Percent of the hard quota at which HCP warns, 10-95 (default 85).",
      },
      hashScheme: {
        value: { type: "string", enum: hashSchemes },
        doc: "MD5, SHA-1, SHA-256, SHA-384, SHA-512 or RIPEMD-160, case-sensitive (default SHA-256).",
      },
      enterpriseMode: flag("Only with complianceConfigurationEnabled on the tenant (default true)."),
      searchEnabled: flag("Only with searchConfigurationEnabled on the tenant (default false)."),
      replicationEnabled: flag("Only with replicationConfigurationEnabled on the tenant (default false)."),
      servicePlan: {
        value: { type: "string", minLength: 1, maxLength: 64 },
        normalise: lowerCase,
        doc: "Only with servicePlanSelectionEnabled on the tenant; compared case-insensitively (default `Default`).",
      },
      allowErasureCoding: flag(
        'Only with erasureCodingSelectionEnabled on the tenant; true needs optimizedFor "CLOUD" (default false).',
      ),
      optimizedFor: anyCase(
        "optimizedFor",
        optimizations,
        "ALL, CLOUD or DEFAULT, any case (default DEFAULT).",
      ),
      directoryUsage: anyCase(
        "directoryUsage",
        directoryUsages,
        "Balanced, Unbalanced or Default, any case (default Default).",
      ),
      multipartUploadAutoAbortDays: {
        value: { type: "integer", min: 0, max: 180 },
        normalise: Number,
        doc: "Days after which an unfinished multipart upload is aborted, 0-180 (default 30).",
      },
      retentionType: anyCase("retentionType", retentionTypes, "HCP or S3, any case (default HCP)."),
      s3UnversionedOverwrite: flag(
        "Whether an S3 PUT may overwrite an existing object in a namespace without versioning (default false).",
      ),
      versioningSettings: {
        wire: { path: "versioningSettings", codec: givenMembers },
        value: {
          type: "object",
          typeName: "HcpVersioningSettings",
          doc: "Versioning of new namespaces; as an output, the members given as HCP holds them.",
          fields: {
            enabled: {
              value: { type: "boolean" },
              required: true,
              doc: "Whether new namespaces keep versions.",
            },
            prune: {
              value: { type: "boolean" },
              doc: "Whether old versions are pruned; required when enabled is true.",
            },
            pruneDays: {
              value: { type: "integer", min: 0, max: 36_500 },
              doc: "Days a version is kept before pruning, 0-36500; required when prune is true.",
            },
            useDeleteMarkers: { value: { type: "boolean" }, doc: "Whether deletes leave delete markers." },
          },
        },
        normalise: normaliseVersioning,
        check(v, path, value) {
          const settings = value as { enabled?: unknown; prune?: unknown; pruneDays?: unknown };
          if (settings.enabled === true && settings.prune == null)
            v.fail(`${path}.prune`, `${path}.prune is required`);
          if (settings.prune === true && settings.pruneDays == null)
            v.fail(`${path}.pruneDays`, `${path}.pruneDays is required`);
        },
        doc: "Only with versioningConfigurationEnabled on the tenant (default: no versioning).",
      },
    }),
  },
  check(v, news) {
    checkAccount(v, news);
    if (news.allowErasureCoding === true && String(news.optimizedFor).toUpperCase() !== "CLOUD")
      v.fail("allowErasureCoding", 'allowErasureCoding true needs optimizedFor "CLOUD"');
  },
};
