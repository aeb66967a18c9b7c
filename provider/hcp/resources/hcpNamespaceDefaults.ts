import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import {
  directoryUsages,
  hcpNamespaceDefaultsSpec,
  optimizations,
  retentionTypes,
} from "../specs/hcpNamespaceDefaults";
import type { NamespaceDefaults, VersioningSettings } from "../types";
import { pickKeys, quotaBytes, wireQuota } from "../values";

export type NamespaceDefaultsInputs = TenantSettingInputs & NamespaceDefaults;

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
  readonly spec = hcpNamespaceDefaultsSpec;

  protected fetch(client: HcpClient, tenant: string): Promise<NamespaceDefaults | undefined> {
    return client.getNamespaceDefaults(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: NamespaceDefaults): Promise<void> {
    return client.setNamespaceDefaults(tenant, body);
  }

  protected body(inputs: NamespaceDefaultsInputs): NamespaceDefaults {
    return documentedSpelling(pick(inputs, this.managedSettings(inputs)));
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

/** The enumerations the inputs take in any case, and their spellings in the reference. */
const spelledEnumerations = {
  optimizedFor: optimizations,
  directoryUsage: directoryUsages,
  retentionType: retentionTypes,
};

// Choice: HCP is sent the reference's spelling of an enumeration, whatever case the program used (the reference
// does not say these values are case-insensitive), and a quota in its documented form.
function documentedSpelling(body: NamespaceDefaults): NamespaceDefaults {
  const out: NamespaceDefaults = { ...body };
  if (typeof out.hardQuota === "string") out.hardQuota = wireQuota(out.hardQuota);
  for (const [key, allowed] of Object.entries(spelledEnumerations)) {
    const value = out[key as keyof typeof spelledEnumerations];
    if (typeof value !== "string") continue;
    const documented = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (documented) out[key as keyof typeof spelledEnumerations] = documented;
  }
  return out;
}

function pick(source: NamespaceDefaults, keys: readonly string[]): NamespaceDefaults {
  return Object.fromEntries(keys.map((key) => [key, source[key as keyof NamespaceDefaults]]));
}
