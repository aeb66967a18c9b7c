import { acronisClientFor, completeAcronisSettings, readAcronisSettings } from "../provider/acronis/config";
import { completeHcpSettings, hcpClientFor, readHcpSettings } from "../provider/hcp/config";
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
  if (which.acronis)
    estate.acronis = await exportAcronis(
      acronisClientFor(completeAcronisSettings(readAcronisSettings(undefined))),
      report,
    );
  if (which.hcp) {
    const settings = completeHcpSettings(readHcpSettings(undefined));
    estate.hcp = await exportHcp(hcpClientFor(settings), report, tenantAccountsFrom(settings));
  }
  return estate;
}
