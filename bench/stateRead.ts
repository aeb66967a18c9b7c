import { readFileSync } from "node:fs";
import * as path from "node:path";
import { startEmulators } from "../emulator/index";
import { TestStack } from "../test/support/engine";
import { acronisStackConfig } from "../test/support/stackConfig";
import { describePeak, peakSampler } from "./processTree";

/**
 * What the estate loader's read of the stack's last deployment costs (it keeps an account's removal guard
 * after the last partner leaves): N customers deployed by the benchmark's estate, then `pulumi preview` of a
 * program that declares nothing, once without the read and once with it. Usage: node dist/bench/stateRead.js [N]
 */
async function main(): Promise<void> {
  const customers = Number(process.argv[2] ?? 1000);
  const emulators = await startEmulators({ latencyMs: 0 });
  const stack = await TestStack.create("bench-state-read", "test/programs/estate", {
    ...acronisStackConfig(emulators.acronis),
    customers: { value: String(customers) },
    hcpTenants: { value: "0" },
    tenantPassword: { value: "Unused-pass-1", secret: true },
  });
  stack.setEnvironment({ PULUMI_SKIP_CHECKPOINTS: "true" });
  try {
    await stack.up();
    const resources = (JSON.parse(await stack.exportState()) as { deployment: { resources: unknown[] } })
      .deployment.resources.length;
    const program = path.join(__dirname, "programs", "stateRead", "index.js");
    await stack.shell(`echo 'module.exports = require(${JSON.stringify(program)});' > index.js`);
    const out = path.join(stack.workDir, "state-read.json");
    await stack.mustRun(["config", "set", "out", out]);
    const preview = async (read: boolean) => {
      await stack.mustRun(["config", "set", "read", String(read)]);
      const memory = peakSampler();
      memory.phase(read ? "preview with the read" : "preview without it");
      const started = Date.now();
      await stack.mustRun(["preview"]);
      return { seconds: (Date.now() - started) / 1000, peak: memory.stop() };
    };
    const without = await preview(false);
    const withRead = await preview(true);
    const figures = JSON.parse(readFileSync(out, "utf8")) as Record<string, number>;
    console.log(`${customers} customers, ${resources} resources in the stack's state`);
    console.log(
      `the read: ${figures.seconds.toFixed(2)} s in the program, +${figures.rssGrowthMb.toFixed(1)} MB resident, +${figures.heapGrowthMb.toFixed(1)} MB heap`,
    );
    console.log(
      `preview: ${withRead.seconds.toFixed(1)} s with it, ${without.seconds.toFixed(1)} s without (${(withRead.seconds - without.seconds).toFixed(1)} s more)`,
    );
    console.log(
      `peak of all processes: ${withRead.peak.peakMb.toFixed(0)} MB with it, ${without.peak.peakMb.toFixed(0)} MB without (${(withRead.peak.peakMb - without.peak.peakMb).toFixed(0)} MB more)`,
    );
    for (const line of describePeak(withRead.peak)) console.log(line);
  } finally {
    stack.remove();
    await emulators.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
