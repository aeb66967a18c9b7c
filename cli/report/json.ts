/** The report as JSON: the model itself, indented, for a PSA import or a script. */
import type { Report } from "./model";

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
