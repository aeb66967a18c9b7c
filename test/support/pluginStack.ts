import { appendFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import type { AcronisInfo } from "../../emulator/types";
import { repoRoot, TestStack } from "./engine";
import type { StackConfig } from "./stackConfig";

/** What `npm install tenant-estates` makes in a project directory: the packed package under node_modules. */
export function installPackage(projectDir: string): void {
  mkdirSync(path.join(projectDir, "node_modules"), { recursive: true });
  symlinkSync(
    path.join(repoRoot, "node_modules", "tenant-estates"),
    path.join(projectDir, "node_modules", "tenant-estates"),
  );
}

/**
 * A stack of a compiled program that declares its resources through the tenant-estates provider plugin,
 * which the engine starts from the installed package, as a user's Pulumi.yaml says.
 */
export async function pluginStack(name: string, programDir: string, config: StackConfig): Promise<TestStack> {
  const stack = await TestStack.create(name, programDir, config);
  installPackage(stack.workDir);
  appendFileSync(
    path.join(stack.workDir, "Pulumi.yaml"),
    "plugins:\n  providers:\n    - name: tenant-estates\n      path: node_modules/tenant-estates/bin\n",
  );
  return stack;
}

/** The project config by which the examples (YAML, Go) give their provider instance an Acronis account. */
export function exampleAcronisConfig(info: AcronisInfo): StackConfig {
  return {
    acronisBaseUrl: { value: info.baseUrl },
    acronisClientId: { value: info.clientId },
    acronisClientSecret: { value: info.clientSecret, secret: true },
    partnerTenantId: { value: info.partnerTenantId },
  };
}

/** Edits a program as its user would: one text, which must be there, replaced in its file. */
export function replaceInFile(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  expect(text).to.include(from);
  writeFileSync(file, text.replace(from, to));
}
