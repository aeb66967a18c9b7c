/**
 * Run by the test command after mocha: fails the run when the test processes' tallies hold any contract
 * violation, also one seen where no hook could fail a test (mocha sets its own exit code from failures).
 */
import { readContractTallies } from "./contractTallies";

const tallies = readContractTallies();
const violations = tallies?.flatMap((t) => t.violations) ?? [];
if (violations.length > 0) {
  process.stderr.write(`contract violations in this run:\n${violations.map((v) => `  - ${v}`).join("\n")}\n`);
  process.exit(1);
}
