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
