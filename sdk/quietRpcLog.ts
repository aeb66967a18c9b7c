/**
 * The Node.js SDK logs the engine's answer to each resource registration at debug level, output values
 * included, so `pulumi up --debug` would print secret outputs (an API client's secret) in plaintext. This
 * leaves those debug lines in place without the answer.
 */
const log = require("@pulumi/pulumi/log") as { debug: (message: string, ...rest: unknown[]) => unknown };

// Choice: the SDK wraps @pulumi/pulumi's log.debug (the program's own copy), as no setting turns those lines off.
const patched = Symbol.for("tenant-estates.quietRpcLog");

/** A debug message of an RPC's answer, without the answer (`resp: …`); other messages unchanged. */
export function withoutRpcAnswer(message: string): string {
  const at = message.indexOf(", resp: ");
  if (!/RPC finished/.test(message) || at < 0) return message;
  return `${message.slice(0, at)}, resp: [left out by tenant-estates: it may hold secret outputs]`;
}

const debug = log.debug as typeof log.debug & { [patched]?: true };
if (!debug[patched]) {
  const quiet = (message: string, ...rest: unknown[]) => debug(withoutRpcAnswer(String(message)), ...rest);
  log.debug = Object.assign(quiet, { [patched]: true as const });
}
