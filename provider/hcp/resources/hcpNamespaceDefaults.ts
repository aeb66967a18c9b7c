import type { HcpNamespaceDefaultsInputs } from "../../generated/hcp";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider } from "../provider";
import { hcpNamespaceDefaultsSpec } from "../specs/hcpNamespaceDefaults";
import type { NamespaceDefaults } from "../types";
import { quotaBytes } from "../values";

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
  HcpNamespaceDefaultsInputs,
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

  protected async defaults(
    managed: HcpNamespaceDefaultsInputs,
    client: HcpClient,
  ): Promise<NamespaceDefaults> {
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
