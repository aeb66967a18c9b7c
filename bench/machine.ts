import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as os from "node:os";

/** The machine and software a benchmark ran on, read at run time. */
export interface Machine {
  cpu: string;
  /** CPUs this process may use (what the engine's default parallelism counts). */
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  engine: string;
  pulumiSdk: string;
  /** 1-minute load average before the runs started. */
  loadAverageBefore: number;
  /**
   * The share of all CPU time of the machine that processes other than the bench's (the bench, its
   * emulators, the engine and everything it started) used while the runs took place: 0 on a quiet machine.
   */
  othersCpuShare?: number;
}

function osName(): string {
  try {
    const release = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?/m);
    if (release) return `${release[1]}, ${os.type()} ${os.release()}`;
  } catch {
    // Not Linux, or no os-release.
  }
  return `${os.type()} ${os.release()}`;
}

/** Busy and total CPU time of the machine (all CPUs), and the CPU time of this process with its reaped children. */
function cpuTimes(): { busy: number; total: number; ours: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  const stat = readFileSync("/proc/self/stat", "utf8");
  const after = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  // Fields 14-17 of stat (utime, stime, cutime, cstime) are 12-15 after the command name.
  const ours = after[11] + after[12] + after[13] + after[14];
  return { busy, total: busy + idle + iowait, ours };
}

/**
 * Starts counting the CPU time others use: every process the bench starts is a descendant that its parent
 * waits for, so its time ends up in this process's children's times.
 */
export function othersCpuMeter(): { stop(): number | undefined } {
  let start: ReturnType<typeof cpuTimes> | undefined;
  try {
    start = cpuTimes();
  } catch {
    // No /proc: not Linux.
  }
  return {
    stop() {
      if (!start) return undefined;
      const end = cpuTimes();
      const total = end.total - start.total;
      const others = end.busy - start.busy - (end.ours - start.ours);
      return total > 0 ? Math.max(0, Math.round((others / total) * 100) / 100) : undefined;
    },
  };
}

export function machine(): Machine {
  const engine = execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim();
  const sdk = (require("@pulumi/pulumi/package.json") as { version: string }).version;
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    node: process.version,
    engine,
    pulumiSdk: sdk,
    loadAverageBefore: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
