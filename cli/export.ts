import { acronisClientFromEnvironment, hcpClientFromSettings, hcpSettingsFromEnvironment } from "../sdk";
import type { Estate } from "../sdk/estate";
import { exportAcronis } from "./exportAcronis";
import type { ExportReport } from "./exportCommon";
import { exportHcp, tenantAccountsFrom } from "./exportHcp";
import { unsetVariablesProblem } from "./exportSettings";

export type { ExportReport } from "./exportCommon";

/** The live estate, from the settings of the providers' environment fallbacks. */
export async function exportEstate(
  which: { acronis: boolean; hcp: boolean },
  report: ExportReport,
): Promise<Estate> {
  const problems = (["Acronis", "HCP"] as const)
    .filter((api) => (api === "Acronis" ? which.acronis : which.hcp))
    .map((api) => unsetVariablesProblem(api))
    .filter((problem) => problem !== undefined);
  if (problems.length > 0) throw new Error(problems.join("; "));
  const estate: Estate = { adopt: true };
  if (which.acronis) estate.acronis = await exportAcronis(acronisClientFromEnvironment(), report);
  if (which.hcp) {
    const settings = hcpSettingsFromEnvironment();
    estate.hcp = await exportHcp(hcpClientFromSettings(settings), report, tenantAccountsFrom(settings));
  }
  return estate;
}
