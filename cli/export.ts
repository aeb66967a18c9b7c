import estateSchema from "../estate.schema.json";
import {
  acronisClientFor,
  completeAcronisSettings,
  completeHcpSettings,
  hcpClientFor,
  readAcronisSettings,
  readHcpSettings,
} from "../provider/core/config";
import { inputKeys } from "../provider/core/spec";
import type { HcpClient } from "../provider/hcp/client";
import { hcpTenantOutputs } from "../provider/hcp/resources/hcpTenant";
import { hcpTenantSpec } from "../provider/hcp/specs/hcpTenant";
import type { Estate, EstateHcpTenant } from "../sdk/estate";
import { slug } from "../sdk/estate";
import { exportAcronis } from "./exportAcronis";
import { type ExportReport, sortedPlain, withUniqueKeys } from "./exportCommon";

export type { ExportReport } from "./exportCommon";

/** The HCP tenant properties an estate file holds and a tenant can be read back with (never the initial user). */
const hcpTenantKeys = Object.keys(estateSchema.definitions.hcpTenant.properties).filter(
  (key) =>
    inputKeys(hcpTenantSpec).includes(key) &&
    !hcpTenantSpec.properties[key].createOnly &&
    key !== "deletionPolicy",
);

/** Asks hcpTenantOutputs for every exported property. */
const everyHcpTenantKey = Object.fromEntries(hcpTenantKeys.map((k) => [k, true])) as never;

/** Every HCP tenant with the properties the estate file holds: one listing and one read per tenant. */
export async function exportHcp(
  client: HcpClient,
  report: ExportReport,
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
    const outputs = hcpTenantOutputs(tenant, everyHcpTenantKey) as unknown as Record<string, unknown>;
    const entry = Object.fromEntries(hcpTenantKeys.map((k) => [k, outputs[k]]));
    if (Array.isArray(entry.tags) && entry.tags.length === 0) delete entry.tags;
    tenants.push(sortedPlain({ key: slug(name), ...entry, name }) as EstateHcpTenant);
    report.progress(`hcp: ${tenants.length} of ${names.length} tenants read`);
  }
  report.notExpressed(
    "hcp: tenant settings documents (console security and others) are not exported: they need each tenant's own account",
  );
  return { tenants: withUniqueKeys(tenants.sort((a, b) => a.name.localeCompare(b.name))) };
}

/** The live estate, from the settings of the providers' environment fallbacks. */
export async function exportEstate(
  which: { acronis: boolean; hcp: boolean },
  report: ExportReport,
): Promise<Estate> {
  const estate: Estate = { adopt: true };
  if (which.acronis)
    estate.acronis = await exportAcronis(
      acronisClientFor(completeAcronisSettings(readAcronisSettings(undefined))),
      report,
    );
  if (which.hcp)
    estate.hcp = await exportHcp(hcpClientFor(completeHcpSettings(readHcpSettings(undefined))), report);
  return estate;
}
