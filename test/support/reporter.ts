import Mocha from "mocha";

const { EVENT_RUN_END } = Mocha.Runner.constants;

/**
 * Mocha's spec reporter, plus one closing line `N passed, N failed` that CI reads
 * (mocha's own summary is not among the formats it recognises).
 */
class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats;
      if (!stats) return;
      // Spec prints its epilogue on the same event; ours must be the very last line.
      setImmediate(() => process.stdout.write(`\n${stats.passes} passed, ${stats.failures} failed\n`));
    });
  }
}

export = SpecWithSummary;
