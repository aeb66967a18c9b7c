import * as pulumi from "@pulumi/pulumi";

// Internal to @pulumi/pulumi (no type declarations): where pulumi.log finds the engine's address.
const { getStore } = require("@pulumi/pulumi/runtime/state") as {
  getStore(): { settings: { options: { engineAddr?: string } } };
};

/**
 * The engine's log at debug level, shown by `pulumi up --debug`: the dynamic-provider host gets the
 * engine's address as its one argument but does not hand it to `pulumi.log`, so it is set here once.
 * Outside the host (tests, the CLI) nothing is logged.
 */
let engineKnown: boolean | undefined;

function connectedToEngine(): boolean {
  if (engineKnown !== undefined) return engineKnown;
  const address = process.argv[2] ?? "";
  const inHost = (process.argv[1] ?? "").includes("dynamic-provider") && /^[\w.-]+:\d+$/.test(address);
  const options = getStore().settings.options;
  if (inHost && !options.engineAddr) options.engineAddr = address;
  engineKnown = Boolean(options.engineAddr);
  return engineKnown;
}

/** One line for the engine's debug log; never awaited, never a failure of the operation. */
export function debugLog(message: string): void {
  if (!connectedToEngine()) return;
  pulumi.log.debug(message).catch(() => undefined);
}
