/**
 * The main job's memory settings (scripts/demo.sh, examples/pipelines; docs/scaling.md, option 8), which
 * every benchmark process runs with unless --default-memory: Node.js exposes gc, so the program and the
 * provider hosts keep their heaps near their live objects (provider/core/heap.ts), with a small young
 * generation; the engine's Go collector runs at 10 % heap growth; glibc keeps two malloc arenas, gives
 * freed memory back beyond 128 KB and maps blocks of 128 KB or more on their own.
 */
export const leanMemoryEnvironment: Readonly<Record<string, string>> = {
  NODE_OPTIONS: "--expose-gc --max-semi-space-size=2",
  GOGC: "10",
  MALLOC_ARENA_MAX: "2",
  MALLOC_TRIM_THRESHOLD_: "131072",
  MALLOC_MMAP_THRESHOLD_: "131072",
};

/** The environment of a benchmark's pulumi commands: the main job's memory settings unless told otherwise. */
export const memoryEnvironment = (leanMemory: boolean): Record<string, string> =>
  leanMemory ? { ...leanMemoryEnvironment } : {};
