import type { Agent as HttpsAgent } from "node:https";
import axios, { type AxiosInstance, type AxiosResponse, type RawAxiosRequestHeaders } from "axios";
import { type AccessHints, explainAccess } from "./accessHints";
import { debugLog } from "./debugLog";
import { type ApiError, NetworkError, RedirectError, ResponseTooLargeError, type Vendor } from "./errors";
import type { Semaphore } from "./limits";
import { operationContext, pastDeadline } from "./operation";
import {
  defaultRetryPolicy,
  isIdempotentMethod,
  parseRetryAfter,
  type RetryPolicy,
  retryableStatuses,
  retryDelayMs,
  unprocessedStatuses,
} from "./retryTiming";
import { userAgent } from "./userAgent";

/** One HTTP call as the API clients describe it. */
export interface TransportRequest {
  method: "GET" | "HEAD" | "PUT" | "POST" | "DELETE";
  /** Path below the base URL, already encoded. */
  path: string;
  params?: Record<string, string | number | boolean | undefined>;
  data?: unknown;
  headers?: RawAxiosRequestHeaders;
  /** Overrides the method's own idempotency (HCP's partial-modify POST is safe to repeat). */
  idempotent?: boolean;
  /** Human name of the call for errors, e.g. `GET /tenants/{id}`; never contains credentials. */
  operation: string;
  /** Statuses the caller handles itself (e.g. 404 on read); they are returned, not thrown. */
  accept?: readonly number[];
}

export interface TransportResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
}

export interface TransportOptions {
  vendor: Vendor;
  baseUrl: string;
  /** Total time for one request, from connecting to the answer's last byte (`<api>:requestTimeoutMs`). */
  timeoutMs: number;
  /** Longest answer read, in bytes, after decompression (`<api>:maxResponseBytes`); default 128 MiB. */
  maxResponseBytes?: number;
  retry?: RetryPolicy;
  httpsAgent?: HttpsAgent;
  /** Builds the vendor's error from a refused answer (the method tells some kinds apart, e.g. HCP's 409s). */
  toError(response: TransportResponse, operation: string, method: TransportRequest["method"]): ApiError;
  /** Shared by all clients of the API: bounds the requests in flight. Waiting for a retry holds no place. */
  limiter?: Semaphore;
  /** The settings to name when the credentials are refused or nothing answers. */
  access?: AccessHints;
  /** Sleeps between retries; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Four times the largest page the clients ask for: 5,000 Acronis tenants with their offering items come
 * to 30.6 MB from the emulator (about 6 KB each; 5.6 MB without the items).
 */
export const defaultMaxResponseBytes = 128 * 1024 * 1024;

/** `acronis:requestTimeoutMs`: the stack-config key of a transport setting, for errors. */
const configKey = (vendor: Vendor, key: string) => `${vendor.toLowerCase()}:${key}`;

/** axios with the project's retry rules, timeouts and error mapping; knows nothing of any one API. */
export class Transport {
  private readonly http: AxiosInstance;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TransportOptions) {
    this.retry = options.retry ?? defaultRetryPolicy;
    this.sleep = options.sleep ?? sleepMs;
    this.http = axios.create({
      baseURL: options.baseUrl,
      // No idle timeout: each request's total deadline (an abort signal, see `once`) bounds it whole.
      httpsAgent: options.httpsAgent,
      // axios stops reading past this and destroys the stream, so an oversized answer is never held whole.
      maxContentLength: options.maxResponseBytes ?? defaultMaxResponseBytes,
      // Every status reaches our own handling; axios never throws on one.
      validateStatus: () => true,
      // Proxies from the environment are not ours to follow for admin APIs.
      proxy: false,
      maxRedirects: 0,
      headers: { "User-Agent": userAgent },
    });
  }

  async send<T = unknown>(request: TransportRequest): Promise<TransportResponse<T>> {
    const idempotent = request.idempotent ?? isIdempotentMethod(request.method);
    // A create is repeated only after an answer that says it was not processed; see createOnce for the rest.
    const retryOn = idempotent ? retryableStatuses : unprocessedStatuses;
    // Path and operation only: credentials travel in headers, bodies and query parameters, never logged.
    const what = `${this.options.vendor} ${request.method} ${request.path}`;
    for (let attempt = 1; ; attempt++) {
      const mayRetry = attempt < this.retry.attempts;
      const started = Date.now();
      let response: AxiosResponse;
      try {
        const send = () => this.once(request);
        response = await (this.options.limiter ? this.options.limiter.run(send) : send());
      } catch (err) {
        if (isOversized(err)) throw this.tooLarge(request.operation);
        const delay = retryDelayMs(attempt, this.retry, undefined);
        const failure = networkError(this.options.vendor, request.operation, err, this.options.timeoutMs);
        const retrying = mayRetry && idempotent && isTransientNetworkError(err) && !pastDeadline(delay);
        debugLog(
          `${what}: ${failure.vendorMessage} after ${Date.now() - started} ms${retrying ? `; retry ${attempt + 1} in ${delay} ms` : ""}`,
        );
        if (!retrying) throw explainAccess(failure, this.options.access);
        await this.sleep(delay);
        continue;
      }
      const answer = toTransportResponse<T>(response);
      debugLog(`${what}: ${answer.status} in ${Date.now() - started} ms (attempt ${attempt})`);
      if (answer.status < 300 || request.accept?.includes(answer.status)) return answer;
      if (answer.status < 400) throw redirectError(this.options.vendor, request.operation, answer);
      if (mayRetry && retryOn.has(answer.status)) {
        const retryAfter = parseRetryAfter(answer.headers["retry-after"], Date.now());
        // Within an operation the server's delay is honoured up to its deadline; outside one, up to maxDelayMs.
        const bound = operationContext.getStore() !== undefined;
        const delay = retryDelayMs(attempt, this.retry, retryAfter, Math.random, bound);
        const asked = retryAfter === undefined ? "" : ` (Retry-After: ${answer.headers["retry-after"]})`;
        // Past the operation's deadline the answer at hand is the result.
        if (!pastDeadline(delay)) {
          debugLog(`${what}: retry ${attempt + 1} in ${delay} ms${asked}`);
          await this.sleep(delay);
          continue;
        }
        debugLog(`${what}: no retry: waiting ${delay} ms${asked} would pass the operation's deadline`);
      }
      throw explainAccess(
        this.options.toError(answer, request.operation, request.method),
        this.options.access,
      );
    }
  }

  /** One attempt, aborted when its total deadline passes, however the server paces its bytes. */
  private async once(request: TransportRequest): Promise<AxiosResponse> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    try {
      return await this.http.request({
        method: request.method,
        url: request.path,
        params: request.params,
        data: request.data,
        headers: request.headers,
        signal: deadline.signal,
      });
    } catch (err) {
      throw deadline.signal.aborted
        ? Object.assign(new Error("total deadline passed"), { code: "ETIMEDOUT" })
        : err;
    } finally {
      clearTimeout(timer);
    }
  }

  private tooLarge(operation: string): ResponseTooLargeError {
    const limit = this.options.maxResponseBytes ?? defaultMaxResponseBytes;
    const key = configKey(this.options.vendor, "maxResponseBytes");
    return new ResponseTooLargeError({
      vendor: this.options.vendor,
      operation,
      explanation: `the answer exceeded ${limit} bytes (${key}) and was not read further: raise ${key} if the answer is genuine`,
    });
  }
}

/** axios's refusal of an answer past maxContentLength (its only ERR_BAD_RESPONSE of that wording). */
function isOversized(err: unknown): boolean {
  const { code, message } = err as { code?: string; message?: string };
  return code === "ERR_BAD_RESPONSE" && /maxContentLength/.test(message ?? "");
}

function toTransportResponse<T>(response: AxiosResponse): TransportResponse<T> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(response.headers ?? {})) {
    if (value !== undefined && value !== null) headers[key.toLowerCase()] = String(value);
  }
  return { status: response.status, headers, data: response.data as T };
}

function redirectError(vendor: Vendor, operation: string, answer: TransportResponse): RedirectError {
  const location = answer.headers.location;
  return new RedirectError({
    vendor,
    operation,
    status: answer.status,
    explanation: `the API answered with a redirect${location ? ` to ${location}` : ""}, which is not followed: check the base URL`,
  });
}

/** Failures that may pass: a reset or refused connection, a timeout. Certificate and DNS errors never do. */
const transientNetworkCodes = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
]);

export function isTransientNetworkError(err: unknown): boolean {
  return transientNetworkCodes.has((err as { code?: string }).code ?? "");
}

/** A request that got no answer: connection refused or reset, or a timeout. Never carries the request. */
function networkError(vendor: Vendor, operation: string, err: unknown, timeoutMs: number): NetworkError {
  const code = (err as { code?: string }).code;
  const key = configKey(vendor, "requestTimeoutMs");
  const message =
    code === "ECONNABORTED" || code === "ETIMEDOUT"
      ? `request timed out: no whole answer within ${timeoutMs} ms (${key})`
      : `no answer (${code ?? "network error"})`;
  return new NetworkError({ vendor, operation, code, vendorMessage: message });
}
