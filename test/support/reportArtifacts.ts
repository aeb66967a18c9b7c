import * as path from "node:path";
import { repoRoot } from "./engine";

/** Where test/e2e/report.test.ts writes the sample report's HTML (`report --format html --out`), for a browser to open. */
export const reportHtmlFile = path.join(repoRoot, "dist", "test", "artifacts", "report.html");
