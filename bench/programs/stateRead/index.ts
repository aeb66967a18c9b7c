import { writeFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { guardsInState } from "tenant-estates/dist/sdk/guardsInState";

// Declares nothing; with `read` set, makes the estate loader's one read of the stack's last deployment
// (the removal guards' lookup) and writes how long it took and what it added to this process's memory.
const config = new pulumi.Config();
if (config.getBoolean("read")) {
  const before = process.memoryUsage();
  const started = process.hrtime.bigint();
  const done = pulumi.runtime.rpcKeepAlive();
  guardsInState()
    .then((guards) => {
      const after = process.memoryUsage();
      const figures = {
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        guards: guards.size,
        rssGrowthMb: (after.rss - before.rss) / 2 ** 20,
        heapGrowthMb: (after.heapUsed - before.heapUsed) / 2 ** 20,
      };
      writeFileSync(config.require("out"), JSON.stringify(figures));
    })
    .finally(done);
}
