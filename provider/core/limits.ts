/** Concurrency limits shared by every client of one API in a provider process. */

/** At most `limit` holders at once; the others wait in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private limit: number) {}

  setLimit(limit: number): void {
    this.limit = Math.max(1, limit);
    this.wake();
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.wake();
    }
  }

  private wake(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()?.();
    }
  }
}

/**
 * One task at a time per key: read-modify-write of a list the API replaces whole (offering items of a
 * tenant, roles of a user, an HCP tenant's lists) must not interleave with another of the same key.
 */
export class KeyedMutex {
  private readonly tails: Record<string, Promise<unknown>> = {};

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails[key] ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(task);
    const tail = result.catch(() => undefined);
    this.tails[key] = tail;
    try {
      return await result;
    } finally {
      if (this.tails[key] === tail) delete this.tails[key];
    }
  }
}

/** Limits shared by every client of one API (and account) in this process. */
export interface ApiLimits {
  inFlight: Semaphore;
  writes: KeyedMutex;
}
