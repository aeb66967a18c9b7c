/**
 * The promise kept under `key`, made by `make` when there is none. A promise that rejects is dropped from
 * the cache, so a failure (a token refused, a listing cut off) is answered once and the next call asks the
 * API again, while a success is kept for the life of the cache.
 */
export function cachedUntilRejected<T>(
  cache: Record<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  const held = cache[key];
  if (held) return held;
  const made = make();
  cache[key] = made;
  // Only this promise is dropped: a newer one made after it stays.
  made.catch(() => {
    if (cache[key] === made) delete cache[key];
  });
  return made;
}

/**
 * Listings kept while reads keep using them: the reads of one refresh come in one burst, however long, and
 * a listing no read has used for `idleMs` is made again. A listing that failed is not kept.
 */
export class IdleListings<T> {
  private readonly held: Record<string, Promise<T>> = {};
  private readonly lastUsedAt: Record<string, number> = {};

  constructor(
    private readonly now: () => number,
    private readonly idleMs = 30_000,
  ) {}

  get(key: string, make: () => Promise<T>): Promise<T> {
    const now = this.now();
    if (now - (this.lastUsedAt[key] ?? Number.NEGATIVE_INFINITY) >= this.idleMs) delete this.held[key];
    this.lastUsedAt[key] = now;
    return cachedUntilRejected(this.held, key, make);
  }
}
