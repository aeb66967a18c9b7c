/**
 * Root hooks: a test during which an emulator saw an exchange that breaks the API contract fails, naming the
 * exchange, and the file goes on; violations seen between tests (in a `before` hook, or after a test ended)
 * fail the next test, saying so. Each file leaves the process's tally for the closing summary and verdict.
 */
import type { Context, Hook } from "mocha";
import { contractLedger } from "../../contract/ledger";

let reported = 0;

function newViolations(): string[] {
  const all = contractLedger?.snapshot().violations ?? [];
  const fresh = all.slice(reported);
  reported = all.length;
  return fresh;
}

function violationError(when: string, violations: string[]): Error {
  const shown = violations.slice(0, 20).map((v) => `  - ${v}`);
  const more = violations.length > 20 ? [`  … and ${violations.length - 20} more`] : [];
  return new Error([`${violations.length} contract violation(s) ${when}:`, ...shown, ...more].join("\n"));
}

/** Fails the test at hand without stopping the file (a hook that throws would skip the file's other tests). */
function failCurrentTest(hook: Context, when: string): void {
  const violations = newViolations();
  // In a hook, `this.test` is the hook itself; an error set on it fails the current test (mocha's runner).
  if (violations.length > 0) (hook.test as Hook | undefined)?.error(violationError(when, violations));
}

export const mochaHooks = {
  beforeEach(this: Context): void {
    failCurrentTest(this, "before this test (in a before hook, or after the previous test ended)");
  },
  afterEach(this: Context): void {
    failCurrentTest(this, "during this test");
  },
  afterAll(): void {
    contractLedger?.persist();
    const violations = newViolations();
    if (violations.length > 0) throw violationError("after the file's last test", violations);
  },
};
