import { type ApiError, errorClassForStatus } from "../core/errors";
import type { TransportResponse } from "../core/transport";

/** Acronis platform codes the providers act on (DOC:error-codes). */
export const AcronisCode = {
  versionMismatch: 1001,
  tenantNameConflict: 1004,
  deleteEnabledTenant: 1006,
  offeringItemNotAvailable: 1021,
} as const;

interface AcronisErrorBody {
  error?: { code?: number | string; message?: string; details?: unknown } | string;
  error_description?: string;
}

/** Turns an Acronis error answer (platform or OAuth shape) into the error class for its status. */
export function acronisError(response: TransportResponse, operation: string): ApiError {
  const body = (
    typeof response.data === "object" && response.data !== null ? response.data : {}
  ) as AcronisErrorBody;
  const ErrorClass = errorClassForStatus(response.status);
  if (typeof body.error === "string") {
    // OAuth shape from /idp/token: {"error":"invalid_client","error_description":"…"}
    return new ErrorClass({
      vendor: "Acronis",
      operation,
      status: response.status,
      code: body.error,
      vendorMessage: body.error_description,
    });
  }
  return new ErrorClass({
    vendor: "Acronis",
    operation,
    status: response.status,
    code: body.error?.code ?? response.status,
    vendorMessage: body.error?.message,
    details: body.error?.details,
  });
}
