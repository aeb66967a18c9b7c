import { ConfigurationError } from "./errors";
import { defaultRetryPolicy, type RetryPolicy } from "./retryTiming";
import { defaultMaxResponseBytes } from "./transport";

/** The part of Pulumi's dynamic-provider Config the providers use. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export type Env = Record<string, string | undefined>;

/** The config namespace of an API's settings (`acronis:*`, `hcp:*`). */
export type Api = "acronis" | "hcp";

/** How hard and how long the providers try, per API; every value has a stack-config key and an env fallback. */
export interface ReliabilitySettings {
  /** Each HTTP request gives up after this long, connect to last byte (`<api>:requestTimeoutMs`, default 30 s). */
  requestTimeoutMs: number;
  /** Longest answer read (`<api>:maxResponseBytes`, default 128 MiB); a longer one is an error. */
  maxResponseBytes: number;
  /** A whole create/read/update/delete gives up after this long (`<api>:operationTimeoutMs`, default 10 min). */
  operationTimeoutMs: number;
  /** Attempts and backoff for requests that may be repeated (`<api>:retryAttempts`, `…BaseDelayMs`, `…MaxDelayMs`). */
  retry: RetryPolicy;
  /** Requests in flight to the API from this provider process (`<api>:maxConcurrentRequests`, default 8). */
  maxConcurrentRequests: number;
}

const reliabilityKeys = {
  requestTimeoutMs: { fallback: 30_000, min: 100 },
  maxResponseBytes: { fallback: defaultMaxResponseBytes, min: 1024 },
  operationTimeoutMs: { fallback: 600_000, min: 1000 },
  retryAttempts: { fallback: defaultRetryPolicy.attempts, min: 1 },
  retryBaseDelayMs: { fallback: defaultRetryPolicy.baseDelayMs, min: 0 },
  retryMaxDelayMs: { fallback: defaultRetryPolicy.maxDelayMs, min: 0 },
  maxConcurrentRequests: { fallback: 8, min: 1 },
} as const;

/** `acronis:retryAttempts` ↔ `ACRONIS_RETRY_ATTEMPTS` */
function envName(api: Api, key: string): string {
  return `${api}_${key.replace(/[A-Z]/g, (c) => `_${c}`)}`.toUpperCase();
}

export function readReliabilitySettings(
  api: Api,
  config: ConfigSource | undefined,
  env: Env = process.env,
): ReliabilitySettings {
  const read = (key: keyof typeof reliabilityKeys): number => {
    const { fallback, min } = reliabilityKeys[key];
    const raw = config?.get(`${api}:${key}`) ?? env[envName(api, key)];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new ConfigurationError(
        `${api}:${key} (or ${envName(api, key)}) must be a whole number ≥ ${min}, got "${raw}"`,
      );
    }
    return value;
  };
  return {
    requestTimeoutMs: read("requestTimeoutMs"),
    maxResponseBytes: read("maxResponseBytes"),
    operationTimeoutMs: read("operationTimeoutMs"),
    retry: {
      attempts: read("retryAttempts"),
      baseDelayMs: read("retryBaseDelayMs"),
      maxDelayMs: read("retryMaxDelayMs"),
    },
    maxConcurrentRequests: read("maxConcurrentRequests"),
  };
}

/** Requests in flight per API and account when `<api>:maxConcurrentRequests` is not read. */
export const defaultMaxConcurrentRequests = reliabilityKeys.maxConcurrentRequests.fallback;
