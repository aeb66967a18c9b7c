import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../test/support/engine";

/** The package the engine floor's do-nothing provider is installed as (see programs/engineFloor). */
export const floorPackageName = "tenant-estates-bench-noop";

/**
 * Installs the compiled no-op provider into the repository's node_modules as a package of its own, the
 * way scripts/install-self.sh installs `tenant-estates`, so the floor program (run from .work/ inside the
 * repository, like ours) and the dynamic-provider host both resolve it by name.
 */
export function installFloorPackage(): string {
  const target = path.join(repoRoot, "node_modules", floorPackageName);
  mkdirSync(target, { recursive: true });
  copyFileSync(
    path.join(repoRoot, "dist", "bench", "programs", "engineFloor", "noopProvider.js"),
    path.join(target, "index.js"),
  );
  writeFileSync(
    path.join(target, "package.json"),
    `${JSON.stringify({ name: floorPackageName, version: "0.0.0", private: true, main: "index.js" }, null, 2)}\n`,
  );
  return target;
}
