import { execFileSync } from "node:child_process";
import * as path from "node:path";

/** The project's formatter over generated text, so generated files read like the rest. */
export function formatted(root: string, file: string, text: string): string {
  const biome = path.join(root, "node_modules", ".bin", "biome");
  return execFileSync(biome, ["format", `--stdin-file-path=${file}`], { cwd: root, input: text }).toString();
}
