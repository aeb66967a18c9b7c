/**
 * Keeps a Node.js heap near its live objects when the process runs with `--expose-gc` (the main job and
 * the pipeline example set it in NODE_OPTIONS). V8 lets a heap grow to several times what it keeps while
 * `@pulumi/pulumi` churns through registrations and gRPC messages: at 600 customers the program held
 * 123 MB of live objects in 476 MB resident (docs/scaling.md, option 8). Loaded by the program and by each
 * dynamic-provider host, through every provider entry.
 */

const MiB = 1024 * 1024;

export interface HeapKeeperOptions {
  /** A full collection (global.gc). */
  collect: () => void;
  /** Bytes in use now that only a collection frees: the heap, and in the process the buffers too. */
  bytesInUse: () => number;
  /** How far the heap may grow past what the last collection kept before the next one. */
  slackBytes: number;
  /** The least time between two collections: a full collection of a large heap takes 100 ms or more. */
  minIntervalMs: number;
  now: () => number;
}

/**
 * Collects once the heap has grown `slackBytes` past the least it held since the last collection, and at
 * most once per `minIntervalMs`.
 */
export class HeapKeeper {
  private floor: number;
  private lastCollectedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: HeapKeeperOptions) {
    this.floor = options.bytesInUse();
  }

  /** One look at the heap; true when it collected. */
  check(): boolean {
    const used = this.options.bytesInUse();
    // V8's own collections lower the floor too, so only growth since the last one counts.
    this.floor = Math.min(this.floor, used);
    if (used - this.floor < this.options.slackBytes) return false;
    if (this.options.now() - this.lastCollectedAt < this.options.minIntervalMs) return false;
    this.options.collect();
    this.lastCollectedAt = this.options.now();
    this.floor = this.options.bytesInUse();
    return true;
  }
}

const started = Symbol.for("tenant-estates.heapKeeper");

/** Starts the keeper once per process, if `--expose-gc` gave it a collector; the timer never keeps a process alive. */
export function keepHeapNearLive(checkEveryMs = 250, slackBytes = 32 * MiB, minIntervalMs = 2000): void {
  const host = globalThis as { gc?: () => void; [started]?: true };
  if (typeof host.gc !== "function" || host[started]) return;
  host[started] = true;
  const collect = host.gc;
  // Buffers (HTTP bodies, gRPC messages) count too: only a collection frees them.
  const bytesInUse = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.external;
  };
  const keeper = new HeapKeeper({ collect, bytesInUse, slackBytes, minIntervalMs, now: Date.now });
  setInterval(() => keeper.check(), checkEveryMs).unref();
}

keepHeapNearLive();
