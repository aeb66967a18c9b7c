import {
  type ApiError,
  errorClassForStatus,
  ItemNotAvailableError,
  NameConflictError,
  StateConflictError,
  VersionConflictError,
} from "../core/errors";
import type { TransportResponse } from "../core/transport";

/** Acronis platform codes the providers act on (DOC:error-codes). */
export const AcronisCode = {
  versionMismatch: 1001,
  tenantNameConflict: 1004,
  deleteEnabledTenant: 1006,
  tenantLocked: 1012,
  offeringItemNotAvailable: 1021,
} as const;

/** The error class of each platform code the providers must tell apart; other codes go by HTTP status. */
const classOfCode: Readonly<Record<number, typeof ApiError>> = {
  [AcronisCode.versionMismatch]: VersionConflictError,
  [AcronisCode.tenantNameConflict]: NameConflictError,
  [AcronisCode.deleteEnabledTenant]: StateConflictError,
  [AcronisCode.tenantLocked]: StateConflictError,
  [AcronisCode.offeringItemNotAvailable]: ItemNotAvailableError,
};

/** The class for an Acronis answer: by platform code (a number or, as some SDKs type it, a string), else by status. */
export function acronisErrorClass(status: number, code: unknown): typeof ApiError {
  const byCode = classOfCode[Number(code)];
  if (byCode) return byCode;
  // A quota write with a missing or outdated quota version is refused 426 (KB 71376): re-read, write again.
  if (status === 426) return VersionConflictError;
  // A 409 without a platform code means "Another object of the same type already exists" (DOCAPI:status-http-codes).
  if (status === 409) return NameConflictError;
  return errorClassForStatus(status);
}

interface AcronisErrorBody {
  error?: { code?: number | string; message?: string; details?: unknown } | string;
  error_description?: string;
}

/** Turns an Acronis error answer (platform or OAuth shape) into the error class for its code or status. */
export function acronisError(response: TransportResponse, operation: string): ApiError {
  const body = (
    typeof response.data === "object" && response.data !== null ? response.data : {}
  ) as AcronisErrorBody;
  if (typeof body.error === "string") {
    // OAuth shape from /idp/token: {"error":"invalid_client","error_description":"…"}
    const ErrorClass = errorClassForStatus(response.status);
    return new ErrorClass({
      vendor: "Acronis",
      operation,
      status: response.status,
      code: body.error,
      vendorMessage: body.error_description,
    });
  }
  const code = body.error?.code ?? response.status;
  const ErrorClass = acronisErrorClass(response.status, code);
  return new ErrorClass({
    vendor: "Acronis",
    operation,
    status: response.status,
    code,
    vendorMessage: body.error?.message,
    details: body.error?.details,
  });
}
