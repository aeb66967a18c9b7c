import {
  type AcronisClient,
  acronisClientFromEnvironment,
  type HcpClient,
  type HcpSettings,
  hcpClientFromSettings,
  hcpSettingsFromEnvironment,
} from "../sdk/clients";
import type { Estate } from "../sdk/estateFile";
import { exportAcronis } from "./exportAcronis";
import type { ExportReport } from "./exportCommon";
import { exportHcp, tenantAccountsFrom } from "./exportHcp";
import { unsetVariablesProblem } from "./exportSettings";

export type { ExportReport } from "./exportCommon";

/** The API clients of the providers' environment fallbacks; an error names every variable unset. */
export function environmentClients(
  which: { acronis: boolean; hcp: boolean },
  command = "export",
): {
  acronis?: AcronisClient;
  hcp?: { client: HcpClient; settings: HcpSettings };
} {
  const problems = (["Acronis", "HCP"] as const)
    .filter((api) => (api === "Acronis" ? which.acronis : which.hcp))
    .map((api) => unsetVariablesProblem(api, process.env, command))
    .filter((problem) => problem !== undefined);
  if (problems.length > 0) throw new Error(problems.join("; "));
  const hcpSettings = which.hcp ? hcpSettingsFromEnvironment() : undefined;
  return {
    acronis: which.acronis ? acronisClientFromEnvironment() : undefined,
    hcp: hcpSettings ? { client: hcpClientFromSettings(hcpSettings), settings: hcpSettings } : undefined,
  };
}

/** The live estate, from the settings of the providers' environment fallbacks. */
export async function exportEstate(
  which: { acronis: boolean; hcp: boolean },
  report: ExportReport,
): Promise<Estate> {
  const clients = environmentClients(which);
  const estate: Estate = { adopt: true };
  if (clients.acronis) estate.acronis = await exportAcronis(clients.acronis, report);
  if (clients.hcp)
    estate.hcp = await exportHcp(clients.hcp.client, report, tenantAccountsFrom(clients.hcp.settings));
  return estate;
}
