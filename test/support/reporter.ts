import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Mocha from "mocha";
import type { Tally } from "../../contract/ledger";

const { EVENT_RUN_END } = Mocha.Runner.constants;

/**
 * Mocha's spec reporter, plus the count of exchanges checked against the API contracts, and one closing line
 * `N passed, N failed` that CI reads (mocha's own summary is not among the formats it recognises).
 */
class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats;
      if (!stats) return;
      // Spec prints its epilogue on the same event; ours must be the very last lines.
      setImmediate(() => {
        const contract = contractSummary();
        if (contract) process.stdout.write(`\n${contract}`);
        process.stdout.write(`\n${stats.passes} passed, ${stats.failures} failed\n`);
      });
    });
  }
}

/** The tallies the test processes left (contract/ledger.ts), added up; undefined when checking was off. */
function contractSummary(): string | undefined {
  const dir = process.env.TENANT_ESTATES_CONTRACT_DIR;
  if (!dir) return undefined;
  const tallies = readdirSync(dir)
    .filter((f) => f.startsWith("tally-"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Tally);
  const acronis = tallies.reduce((n, t) => n + t.exchanges.acronis, 0);
  const hcp = tallies.reduce((n, t) => n + t.exchanges.hcp, 0);
  const violations = tallies.reduce((n, t) => n + t.violations.length, 0);
  // A violation fails the test that saw it (contractHooks.ts); one seen outside any test still fails the run.
  if (violations > 0) process.exitCode = 1;
  const total = (acronis + hcp).toLocaleString("en");
  return `contract: ${total} exchanges checked (Acronis ${acronis.toLocaleString("en")}, HCP ${hcp.toLocaleString("en")}), ${violations} violations\n`;
}

export = SpecWithSummary;
