import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Resident memory (MB) of every process whose working directory is `dir`: the engine, hosts and program. */
export function rssOfProcessesIn(dir: string): number {
  let kb = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (readlinkSync(`/proc/${pid}/cwd`) !== dir) continue;
      const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
      if (match) kb += Number(match[1]);
    } catch {
      // The process ended while we looked.
    }
  }
  return kb / 1024;
}

/** Samples `measure` every `everyMs` until stopped; answers the peak. */
export function peakSampler(measure: () => number, everyMs = 200): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, measure());
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, measure());
    },
  };
}
