/** Platform errors: `{"error":{code,message,details:{info},domain,context}}` with HTTP or platform codes. */

const ERROR_DOMAIN = "PlatformAccountServer";

/** Messages of the HTTP codes and platform codes (DOC:error-codes) this emulator answers with. */
const MESSAGES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method Not Allowed",
  409: "Conflict",
  415: "Unsupported Media Type",
  426: "Upgrade Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
  1000: "Internal error",
  1001: "Version mismatch",
  1002: "Access denied",
  1003: "Parent tenant is disabled",
  1004: "Tenant name conflict",
  1005: "Tenant not found",
  1006: "It is prohibited to delete a non-disabled tenant.",
  1007: "Attempt to move a tenant under its child",
  1013: "Attempt to move a tenant under a disabled tenant",
  1018: "User is disabled",
  1021: "Offering item is not available",
  1027: "Business rules violation",
  1033: "Invalid login",
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly info: string,
  ) {
    super(MESSAGES[code] ?? MESSAGES[status] ?? "Error");
  }
}

export function errorBody(err: ApiError): unknown {
  return {
    error: {
      code: err.code,
      message: err.message,
      details: { info: err.info },
      domain: ERROR_DOMAIN,
      context: {},
    },
  };
}

/** Any error; `code` defaults to the HTTP status. */
export const fail = (status: number, code: number, info: string): ApiError =>
  new ApiError(status, code, info);

export const invalid = (info: string): ApiError => new ApiError(400, 400, info);

export const notFound = (info = "Not found"): ApiError => new ApiError(404, 404, info);

export const accessDenied = (info: string): ApiError => new ApiError(403, 1002, info);

export const unauthorized = (info: string): ApiError => new ApiError(401, 401, info);

export const conflict = (info: string): ApiError => new ApiError(409, 409, info);

// Choice: a stale `version` is HTTP 409 with platform code 1001.
export const versionMismatch = (what: string, stored: number, sent: number): ApiError =>
  new ApiError(409, 1001, `${what} version is ${stored}, the request sent ${sent}`);
