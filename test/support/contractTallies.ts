import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Tally } from "../../contract/ledger";

/** The tallies the test processes left (contract/ledger.ts); undefined when checking was off. */
export function readContractTallies(): Tally[] | undefined {
  const dir = process.env.TENANT_ESTATES_CONTRACT_DIR;
  if (!dir) return undefined;
  return readdirSync(dir)
    .filter((f) => f.startsWith("tally-"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Tally);
}
