/**
 * Root hooks: a test during which an emulator saw an exchange that breaks the API contract fails, naming the
 * exchange; each test file leaves the process's tally for the run's closing summary (reporter.ts).
 */
import type { Context } from "mocha";
import { contractLedger } from "../../contract/ledger";

let reported = 0;

function newViolations(): string[] {
  const all = contractLedger?.snapshot().violations ?? [];
  const fresh = all.slice(reported);
  reported = all.length;
  return fresh;
}

function fail(when: string, violations: string[]): never {
  const shown = violations.slice(0, 20).map((v) => `  - ${v}`);
  const more = violations.length > 20 ? [`  … and ${violations.length - 20} more`] : [];
  throw new Error([`${violations.length} contract violation(s) ${when}:`, ...shown, ...more].join("\n"));
}

export const mochaHooks = {
  afterEach(this: Context): void {
    const violations = newViolations();
    if (violations.length > 0) fail(`during "${this.currentTest?.fullTitle()}"`, violations);
  },
  afterAll(): void {
    contractLedger?.persist();
    const violations = newViolations();
    if (violations.length > 0) fail("in a hook of this file", violations);
  },
};
