import Mocha from "mocha";
import { readContractTallies } from "./contractTallies";

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

/** The count of exchanges the test processes checked; undefined when checking was off. */
function contractSummary(): string | undefined {
  const tallies = readContractTallies();
  if (!tallies) return undefined;
  const acronis = tallies.reduce((n, t) => n + t.exchanges.acronis, 0);
  const hcp = tallies.reduce((n, t) => n + t.exchanges.hcp, 0);
  const violations = tallies.reduce((n, t) => n + t.violations.length, 0);
  const count = (n: number) => n.toLocaleString("en");
  return `contract: ${count(acronis + hcp)} exchanges checked (Acronis ${count(acronis)}, HCP ${count(hcp)}), ${violations} violations\n`;
}

export = SpecWithSummary;
