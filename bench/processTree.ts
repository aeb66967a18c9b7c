import { readdirSync, readFileSync } from "node:fs";

/** What a process of a Pulumi run is, from its command line. */
export type Role = "engine" | "language host" | "program" | "dynamic provider" | "other";

export interface ProcessMemory {
  pid: number;
  role: Role;
  /** Resident set size, MB (shared pages counted in every process that maps them). */
  rssMb: number;
  /** The command line, shortened, for the log. */
  command: string;
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined; // The process ended while we looked.
  }
}

/** Every live descendant of `root` (not `root` itself), from the parent ids in /proc/<pid>/stat. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), "stat");
    if (!stat) continue;
    // The command name (field 2) may hold spaces and parentheses: the fields after the last ")" are fixed.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

export function roleOf(argv: string[]): Role {
  const program = argv[0]?.split("/").pop() ?? "";
  if (program === "pulumi") return "engine";
  if (program === "pulumi-language-nodejs") return "language host";
  const script = argv.find((arg, i) => i > 0 && !arg.startsWith("-")) ?? "";
  // The host itself (node …/cmd/dynamic-provider) and the shell script that starts it.
  if (/dynamic-provider/.test(script) || script.split("/").pop() === "pulumi-resource-pulumi-nodejs")
    return "dynamic provider";
  if (program === "node" || program === "nodejs") {
    if (/@pulumi[/\\]pulumi[/\\]cmd[/\\]run/.test(argv.join(" "))) return "program";
  }
  return "other";
}

/** The memory of every descendant of `root` now. */
export function memoryOfDescendants(root: number): ProcessMemory[] {
  const result: ProcessMemory[] = [];
  for (const pid of descendantsOf(root)) {
    const status = readProc(pid, "status");
    const cmdline = readProc(pid, "cmdline");
    const rss = status?.match(/^VmRSS:\s+(\d+) kB/m);
    if (!rss || cmdline === undefined) continue; // ended, or a zombie (no VmRSS)
    const argv = cmdline.split("\0").filter((a) => a !== "");
    result.push({
      pid,
      role: roleOf(argv),
      rssMb: Number(rss[1]) / 1024,
      command: argv.join(" ").slice(0, 160),
    });
  }
  return result;
}

/** How often the peak sampler looks at the processes. */
export const sampleEveryMs = 200;

export interface MemoryPeak {
  /** The largest sum of the resident set sizes of all processes of the run seen, MB. */
  peakMb: number;
  /** The processes at that moment, largest first. */
  atPeak: ProcessMemory[];
  /** What was running when the peak was seen (e.g. "up", "preview --refresh"). */
  phase: string;
}

/**
 * Samples the summed memory of every process below `root` (by default this one: the engine, the language
 * host, the program and the dynamic-provider host all descend from the bench) every `everyMs`, keeping the
 * peak of the sum and the per-process breakdown at that moment. The bench process itself (with the
 * emulators) is not counted.
 */
export function peakSampler(root = process.pid, everyMs = sampleEveryMs) {
  let phase = "";
  let peak: MemoryPeak = { peakMb: 0, atPeak: [], phase: "" };
  const sample = () => {
    const now = memoryOfDescendants(root);
    const sum = now.reduce((total, p) => total + p.rssMb, 0);
    if (sum > peak.peakMb) peak = { peakMb: sum, atPeak: now.sort((a, b) => b.rssMb - a.rssMb), phase };
  };
  const timer = setInterval(sample, everyMs);
  return {
    /** Names what runs from now on, for the breakdown. */
    phase(name: string): void {
      phase = name;
    },
    stop(): MemoryPeak {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** One line per process, for the log: role, pid, MB, command. */
export function describePeak(peak: MemoryPeak): string[] {
  return [
    `peak ${peak.peakMb.toFixed(1)} MB summed over ${peak.atPeak.length} processes during ${peak.phase}:`,
    ...peak.atPeak.map(
      (p) =>
        `  ${p.role.padEnd(16)} ${String(p.pid).padStart(7)} ${p.rssMb.toFixed(1).padStart(8)} MB  ${p.command}`,
    ),
  ];
}
