/**
 * One error class per kind of failure. Every API error carries the vendor, the operation that failed,
 * the HTTP status and the vendor's own code and message, and renders as one line that names them all.
 * No class ever holds request headers or bodies, so no credential can reach a message.
 */

export type Vendor = "Acronis" | "HCP";

export interface ApiErrorFields {
  vendor: Vendor;
  /** What was being done, e.g. `PUT /tenants/{id}` or `create customer tenant "Customer, Inc"`. */
  operation: string;
  status?: number;
  /** The vendor's code: Acronis platform code (1001, 1004…) or HTTP code; HCP has none beyond the status. */
  code?: string | number;
  /** The vendor's message (Acronis `error.message`, HCP `X-HCP-ErrorMessage`). */
  vendorMessage?: string;
  details?: unknown;
  /** What the failure means for the object and what to do about it, put before the vendor's words. */
  explanation?: string;
}

export class ApiError extends Error {
  readonly vendor: Vendor;
  readonly operation: string;
  readonly status?: number;
  readonly code?: string | number;
  readonly vendorMessage?: string;
  readonly details?: unknown;
  readonly explanation?: string;

  constructor(fields: ApiErrorFields) {
    super(describeApiError(fields));
    this.name = new.target.name;
    this.vendor = fields.vendor;
    this.operation = fields.operation;
    this.status = fields.status;
    this.code = fields.code;
    this.vendorMessage = fields.vendorMessage;
    this.details = fields.details;
    this.explanation = fields.explanation;
  }

  /** The same kind of error (same class) with some fields replaced, e.g. an explanation added. */
  copyWith(changes: Partial<ApiErrorFields>): this {
    const ErrorClass = this.constructor as new (fields: ApiErrorFields) => this;
    const { vendor, operation, status, code, vendorMessage, details, explanation } = this;
    return new ErrorClass({
      vendor,
      operation,
      status,
      code,
      vendorMessage,
      details,
      explanation,
      ...changes,
    });
  }
}

/**
 * `Acronis PUT /tenants/… failed: HTTP 409, code 1001: Version mismatch`; with an explanation,
 * `<explanation> (Acronis PUT … failed: …)`.
 */
export function describeApiError(f: ApiErrorFields): string {
  const parts = [
    f.status !== undefined ? `HTTP ${f.status}` : undefined,
    f.code !== undefined ? `code ${f.code}` : undefined,
  ]
    .filter((p) => p !== undefined)
    .join(", ");
  const message = f.vendorMessage ? `: ${f.vendorMessage}` : "";
  const failure = `${f.vendor} ${f.operation} failed${parts ? `: ${parts}` : ""}${message}`;
  return f.explanation ? `${f.explanation} (${failure})` : failure;
}

/** 400 and other refusals of the request's content. */
export class BadRequestError extends ApiError {}
/** 401, or 403 for missing/invalid credentials: the credentials themselves are wrong. */
export class AuthenticationError extends ApiError {}
/** 403 for a valid caller without the right. */
export class PermissionError extends ApiError {}
/** 404: the object does not exist (callers treat it as "gone" on read and delete). */
export class NotFoundError extends ApiError {}
/** A refusal because of the object's current state; the subclasses say which kind (unknown kinds stay here). */
export class ConflictError extends ApiError {}
/** A stale `version` (Acronis 1001): the only conflict worth re-reading the object and writing again. */
export class VersionConflictError extends ConflictError {}
/** The name or login is taken (Acronis 1004, a taken login; HCP 409 on create): only another name helps. */
export class NameConflictError extends ConflictError {}
/**
 * The object's state forbids the operation (Acronis 1006 delete of an enabled tenant, 1012 locked tenant;
 * HCP 409 on delete of a tenant that owns namespaces): a repeat fails the same way.
 */
export class StateConflictError extends ConflictError {}
/** An offering item the parent tenant does not offer (Acronis 1021). */
export class ItemNotAvailableError extends BadRequestError {}
/** 429: the API asks us to slow down. */
export class RateLimitError extends ApiError {}
/** 5xx. */
export class ServerError extends ApiError {}
/** Connection refused, reset or timed out: for a write, the outcome is unknown. */
export class NetworkError extends ApiError {}

/** Maps an HTTP status to the error class for it. */
export function errorClassForStatus(status: number): typeof ApiError {
  if (status === 400 || status === 405 || status === 406 || status === 414 || status === 415)
    return BadRequestError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return ApiError;
}

/** An answer longer than `<api>:maxResponseBytes`: reading stopped at the limit, nothing of it is used. */
export class ResponseTooLargeError extends ApiError {}

/** A redirect (3xx): never followed, since it would carry credentials elsewhere; the base URL is likely wrong. */
export class RedirectError extends ApiError {}

/** A failure of the program's configuration (missing credentials, bad URL), found before any request. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

/** An object that another stack created (its ownership mark says so), which adoption never takes over. */
export class OwnershipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OwnershipError";
  }
}

/** A change the provider refuses because the API would destroy data with it, irreversibly. */
export class SafetyRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SafetyRefusal";
  }
}
