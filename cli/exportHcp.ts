/** `tenant-estates export` of HCP: the tenants, and inside each what its own account can read. */
import { fromWire, mappedProperties } from "../provider/core/wire";
import type { HcpClient } from "../provider/hcp/client";
import { hcpTenantSpec } from "../provider/hcp/specs/hcpTenant";
import type { Tenant } from "../provider/hcp/types";
import { type HcpSettings, hcpClientFromSettings } from "../sdk/clients";
import type { Estate, EstateHcpTenant } from "../sdk/estateFile";
import { slug } from "../sdk/estateFile";
import { compactSorted, type ExportReport, sortedPlain, withUniqueKeys } from "./exportCommon";
import { type TenantSignIn, tenantObjects } from "./exportHcpObjects";

/** The HCP tenant properties an estate file holds and a tenant can be read back with: its spec's mapped ones. */
const hcpTenantKeys = mappedProperties(hcpTenantSpec).map(([key]) => key);

/** How export signs in to each tenant; `why` says what to set for a tenant that has no account. */
export interface TenantAccounts {
  signInFor(tenant: string): TenantSignIn | undefined;
  why(tenant: string): string;
}

/** `HCP_TENANT_<TENANT>_USERNAME`: the tenant's name in capitals, its dashes as underscores. */
export const tenantUsernameVariable = (tenant: string): string =>
  `HCP_TENANT_${tenant.toUpperCase().replace(/-/g, "_")}_USERNAME`;

/**
 * The tenant-level accounts export signs in with, from the environment: `HCP_TENANT_USERNAME` in every
 * tenant unless `HCP_TENANT_<TENANT>_USERNAME` names another, each with `HCP_TENANT_PASSWORD`.
 */
// Choice: one password for every tenant, the estate file's one hcpInitialUserPassword; only the username is per tenant.
export function tenantAccountsFrom(
  settings: HcpSettings,
  env: Record<string, string | undefined> = process.env,
): TenantAccounts {
  const password = env.HCP_TENANT_PASSWORD || undefined;
  const usernameFor = (tenant: string) =>
    env[tenantUsernameVariable(tenant)] || env.HCP_TENANT_USERNAME || undefined;
  return {
    signInFor(tenant) {
      const username = usernameFor(tenant);
      if (username === undefined || password === undefined) return undefined;
      return {
        username,
        clientAs: (account) => hcpClientFromSettings(settings, { tenant, username: account, password }),
      };
    },
    why: (tenant) =>
      `no tenant-level account was given: set HCP_TENANT_USERNAME (or ${tenantUsernameVariable(tenant)}) and HCP_TENANT_PASSWORD`,
  };
}

/** The HCP tenant properties export writes, and the report compares with a declaration. */
export const exportedHcpTenantKeys: readonly string[] = hcpTenantKeys;

/** A tenant as a verbose GET answers it, as export writes its own properties (no name, key or inside objects). */
export function liveTenantEntry(tenant: Tenant): Record<string, unknown> {
  return exportedTenantEntry(fromWire(hcpTenantSpec, tenant));
}

/** A tenant's own properties as the estate file holds them: empty strings and lists left out (unmanaged). */
export function exportedTenantEntry(outputs: Record<string, unknown>): Record<string, unknown> {
  return compactSorted(Object.fromEntries(hcpTenantKeys.map((k) => [k, outputs[k]])));
}

/**
 * Every HCP tenant with the properties the estate file holds (one listing and one read per tenant), and
 * inside each what its own accounts can read; a tenant without them is exported alone, never failing the rest.
 */
export async function exportHcp(
  client: HcpClient,
  report: ExportReport,
  accounts?: TenantAccounts,
): Promise<NonNullable<Estate["hcp"]>> {
  const names = await client.listTenants();
  const tenants: EstateHcpTenant[] = [];
  for (const name of names) {
    const tenant = await client.getTenant(name);
    if (!tenant) continue;
    if (tenant.hardQuota === undefined) {
      report.notExpressed(
        `hcp: tenant "${name}" has no hard quota (HCP's default tenant), which the estate file requires`,
      );
      continue;
    }
    const entry = liveTenantEntry(tenant);
    const signIn = accounts?.signInFor(name);
    if (!signIn)
      report.notExpressed(
        `hcp: tenant "${name}": its settings documents, user accounts and namespaces are not exported: ${accounts?.why(name) ?? "no tenant-level account was given"}`,
      );
    const objects = signIn ? await tenantObjects(name, signIn, report) : {};
    tenants.push(sortedPlain({ key: slug(name), ...entry, name, ...objects }) as EstateHcpTenant);
    report.progress(`hcp: ${tenants.length} of ${names.length} tenants read`);
  }
  return { tenants: withUniqueKeys(tenants.sort((a, b) => a.name.localeCompare(b.name))) };
}
