import { appendFileSync, mkdirSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { repoRoot, TestStack } from "./engine";
import type { StackConfig } from "./stackConfig";

/**
 * A stack of a compiled program that declares its resources through the tenant-estates provider plugin,
 * which the engine starts from the installed package, as a user's Pulumi.yaml says.
 */
export async function pluginStack(name: string, programDir: string, config: StackConfig): Promise<TestStack> {
  const stack = await TestStack.create(name, programDir, config);
  mkdirSync(path.join(stack.workDir, "node_modules"));
  symlinkSync(
    path.join(repoRoot, "node_modules", "tenant-estates"),
    path.join(stack.workDir, "node_modules", "tenant-estates"),
  );
  appendFileSync(
    path.join(stack.workDir, "Pulumi.yaml"),
    "plugins:\n  providers:\n    - name: tenant-estates\n      path: node_modules/tenant-estates/bin\n",
  );
  return stack;
}
