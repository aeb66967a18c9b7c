import { normaliseBoolean } from "../../core/normalise";
import type { PropertyRules } from "../../core/resource";
import type { Validator } from "../../core/validate";
import { checkValue, pickKeys, trimmed, valueAt } from "../checks";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import type { NamespaceDefaults, VersioningSettings } from "../types";
import { isQuota, lowerCase, quotaBytes, quotaForDiff } from "../values";

export type NamespaceDefaultsInputs = TenantSettingInputs & NamespaceDefaults;

export const hashSchemes = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "RIPEMD-160"] as const;
export const optimizations = ["ALL", "CLOUD", "DEFAULT"] as const;
export const directoryUsages = ["Balanced", "Unbalanced", "Default"] as const;
export const retentionTypes = ["HCP", "S3"] as const;

const booleanSettings = [
  "enterpriseMode",
  "searchEnabled",
  "replicationEnabled",
  "allowErasureCoding",
  "s3UnversionedOverwrite",
] as const;

const normaliseVersioning = (value: unknown): unknown => {
  if (typeof value !== "object" || value === null) return value;
  const v = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(v).map(([key, member]) => [
      key,
      key === "pruneDays" ? Number(member) : normaliseBoolean(member),
    ]),
  );
};

// Choice: enumerations other than hashScheme compare case-insensitively, since the emulator reads them so.
export const namespaceDefaultsRules: PropertyRules = {
  description: { normalise: trimmed },
  hardQuota: { normalise: quotaForDiff },
  softQuota: { normalise: Number },
  hashScheme: {},
  ...Object.fromEntries(booleanSettings.map((key) => [key, { normalise: normaliseBoolean }])),
  servicePlan: { normalise: lowerCase },
  optimizedFor: { normalise: lowerCase },
  directoryUsage: { normalise: lowerCase },
  multipartUploadAutoAbortDays: { normalise: Number },
  retentionType: { normalise: lowerCase },
  versioningSettings: { normalise: normaliseVersioning },
};

const oneOfAnyCase = (allowed: readonly string[]) => (value: unknown) =>
  typeof value === "string" && allowed.some((a) => a.toLowerCase() === value.toLowerCase())
    ? undefined
    : `must be one of ${allowed.join(", ")}, got "${String(value)}"`;

export function checkNamespaceDefaults(v: Validator, news: NamespaceDefaultsInputs): void {
  v.string("description", { maxLength: 1024 })
    .string("hardQuota")
    .integer("softQuota", { min: 10, max: 95 })
    .oneOf("hashScheme", hashSchemes)
    .string("servicePlan", { minLength: 1, maxLength: 64 })
    .integer("multipartUploadAutoAbortDays", { min: 0, max: 180 })
    .object("versioningSettings")
    .knownKeys(["enabled", "prune", "pruneDays", "useDeleteMarkers"], "versioningSettings")
    .boolean("versioningSettings.enabled", { required: news.versioningSettings !== undefined })
    .boolean("versioningSettings.prune", { required: news.versioningSettings?.enabled === true })
    .integer("versioningSettings.pruneDays", {
      min: 0,
      max: 36_500,
      required: news.versioningSettings?.prune === true,
    })
    .boolean("versioningSettings.useDeleteMarkers");
  for (const key of booleanSettings) v.boolean(key);
  checkValue(v, news, "hardQuota", (value) =>
    isQuota(value)
      ? undefined
      : `must be a number with at most 2 decimals and MB, GB or TB, e.g. "50 GB", got "${value}"`,
  );
  checkValue(v, news, "optimizedFor", oneOfAnyCase(optimizations));
  checkValue(v, news, "directoryUsage", oneOfAnyCase(directoryUsages));
  checkValue(v, news, "retentionType", oneOfAnyCase(retentionTypes));
  const optimizedFor = valueAt(news, "optimizedFor");
  if (news.allowErasureCoding === true && String(optimizedFor).toUpperCase() !== "CLOUD") {
    v.fail("allowErasureCoding", 'allowErasureCoding true needs optimizedFor "CLOUD"');
  }
}

const fiftyGb = "50 GB";

/** The documented 50 GB default, or the tenant hard quota when that is smaller. */
// Choice: the 50 GB default shrinks to the tenant hard quota, as in the emulator (it may not exceed it).
export function defaultNamespaceHardQuota(tenantHardQuota: string | undefined): string {
  const tenantBytes = tenantHardQuota === undefined ? undefined : quotaBytes(tenantHardQuota);
  return tenantBytes !== undefined && tenantBytes < (quotaBytes(fiftyGb) as number)
    ? (tenantHardQuota as string)
    : fiftyGb;
}

/** HCP's defaults for namespace creation (reference §13), hard quota aside. */
export const namespaceDefaultsDefaults: Required<Omit<NamespaceDefaults, "hardQuota">> = {
  description: "",
  softQuota: 85,
  hashScheme: "SHA-256",
  enterpriseMode: true,
  searchEnabled: false,
  replicationEnabled: false,
  servicePlan: "Default",
  allowErasureCoding: false,
  optimizedFor: "DEFAULT",
  directoryUsage: "Default",
  multipartUploadAutoAbortDays: 30,
  retentionType: "HCP",
  s3UnversionedOverwrite: false,
  versioningSettings: { enabled: false },
};

/**
 * Defaults for namespaces the tenant creates (POST /tenants/{t}/namespaceDefaults, ADMINISTRATOR role).
 * Destroying the resource restores HCP's documented defaults for the settings it managed.
 */
export class HcpNamespaceDefaultsProvider extends HcpTenantSettingProvider<
  NamespaceDefaultsInputs,
  NamespaceDefaults
> {
  protected readonly resource = "namespaceDefaults";
  protected readonly role = "ADMINISTRATOR";
  protected readonly settingRules = namespaceDefaultsRules;

  protected checkSettings(v: Validator, news: NamespaceDefaultsInputs): void {
    checkNamespaceDefaults(v, news);
  }

  protected fetch(client: HcpClient, tenant: string): Promise<NamespaceDefaults | undefined> {
    return client.getNamespaceDefaults(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: NamespaceDefaults): Promise<void> {
    return client.setNamespaceDefaults(tenant, body);
  }

  protected body(inputs: NamespaceDefaultsInputs): NamespaceDefaults {
    return pick(inputs, this.managedSettings(inputs));
  }

  protected settingOutputs(
    api: NamespaceDefaults,
    managed: NamespaceDefaultsInputs,
  ): Record<string, unknown> {
    const outputs: Record<string, unknown> = { ...pick(api, this.managedSettings(managed)) };
    if (managed.versioningSettings) {
      outputs.versioningSettings = pickKeys<VersioningSettings>(
        api.versioningSettings,
        managed.versioningSettings,
      );
    }
    return outputs;
  }

  protected async defaults(managed: NamespaceDefaultsInputs, client: HcpClient): Promise<NamespaceDefaults> {
    const keys = this.managedSettings(managed);
    const defaults: NamespaceDefaults = { ...namespaceDefaultsDefaults };
    if (keys.includes("hardQuota")) {
      const tenant = await client.getTenant(managed.tenant);
      defaults.hardQuota = defaultNamespaceHardQuota(tenant?.hardQuota);
    }
    return pick(defaults, keys);
  }
}

function pick(source: NamespaceDefaults, keys: readonly string[]): NamespaceDefaults {
  return Object.fromEntries(keys.map((key) => [key, source[key as keyof NamespaceDefaults]]));
}
