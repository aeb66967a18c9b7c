/** When and how long to wait before retrying a request. Pure functions; the clients apply them. */

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  attempts: number;
  /** Delay before the first retry; doubles each time. */
  baseDelayMs: number;
  /** No computed delay is longer than this; a server-requested one only when no operation deadline bounds it. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 20_000 };

/** Statuses after which an idempotent request is repeated: repeating it cannot do harm. */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Statuses that say the request was not processed at all, so even a create may be repeated. */
export const unprocessedStatuses: ReadonlySet<number> = new Set([429, 503]);

/** Methods safe to repeat. HCP's partial-modify POST is idempotent too; the HCP client says so per call. */
export function isIdempotentMethod(method: string): boolean {
  return ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].includes(method.toUpperCase());
}

/**
 * Retry-After as milliseconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unparsable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Delay before retry number `retry` (1 = first retry): exponential backoff with full jitter,
 * unless the server named a delay, which is honoured whole when an operation deadline bounds the wait
 * (`deadlineBound`: the caller gives up if it passes the deadline), else capped at maxDelayMs.
 */
export function retryDelayMs(
  retry: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
  deadlineBound = false,
): number {
  if (retryAfterMs !== undefined)
    return deadlineBound ? retryAfterMs : Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
