import { readdirSync, readFileSync } from "node:fs";

export interface RunProcess {
  pid: number;
  /** Its process group: the engine starts each plugin in a group of its own. */
  group: number;
  command: string;
}

/**
 * The live processes of one engine run: those whose command line or environment mentions `marker`, the
 * run's own directory (its PULUMI_HOME and backend live there, and every plugin inherits them). Found
 * through /proc, so plugins in process groups of their own and orphans are found too; a zombie (killed,
 * not yet reaped) shows neither and is left out, as it runs nothing and holds no memory.
 */
export function processesOf(marker: string): RunProcess[] {
  const found: RunProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const command = readProc(pid, "cmdline");
    if (command.includes(marker) || readProc(pid, "environ").includes(marker)) {
      const group = Number(statFields(pid)[2]);
      found.push({ pid, group, command: command.split("\0").join(" ").trim() });
    }
  }
  return found;
}

/** SIGKILLs each process and its whole process group; resolves once none of them runs any more. */
export async function killAll(processes: readonly RunProcess[]): Promise<void> {
  for (const { pid, group } of processes) {
    signal(-group);
    signal(pid);
  }
  while (processes.some(({ pid }) => isRunning(pid))) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The fields of /proc/<pid>/stat after the command name: state, parent, process group, … */
function statFields(pid: number): string[] {
  const stat = readProc(pid, "stat");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

function isRunning(pid: number): boolean {
  const state = statFields(pid)[0];
  return state !== undefined && state !== "" && state !== "Z" && state !== "X";
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "latin1");
  } catch {
    return ""; // gone meanwhile, or not readable
  }
}

function signal(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
