import { type ApiError, AuthenticationError, errorClassForStatus } from "../core/errors";
import type { TransportResponse } from "../core/transport";

/**
 * HCP answers 403 both for bad credentials and for a caller without the right; only its message tells
 * them apart.
 */
// Choice: a 403 whose X-HCP-ErrorMessage speaks of the username, password or authorization is an AuthenticationError.
const credentialComplaint = /password|username|credential|authori[sz]ation/i;

/** Turns an HCP error answer into the error class for its status, with X-HCP-ErrorMessage as the message. */
export function hcpError(response: TransportResponse, operation: string): ApiError {
  const vendorMessage = response.headers["x-hcp-errormessage"] || undefined;
  const ErrorClass =
    response.status === 403 && vendorMessage && credentialComplaint.test(vendorMessage)
      ? AuthenticationError
      : errorClassForStatus(response.status);
  return new ErrorClass({ vendor: "HCP", operation, status: response.status, vendorMessage });
}

/**
 * The same error with every given secret cut out of its message: HCP may echo a query parameter
 * (the initial user's password) back in X-HCP-ErrorMessage.
 */
export function withoutSecrets(err: unknown, secrets: readonly string[]): unknown {
  const api = err as ApiError;
  if (!(err instanceof Error) || api.vendor !== "HCP" || !api.vendorMessage) return err;
  const present = secrets.filter((s) => s.length > 0 && api.vendorMessage?.includes(s));
  if (present.length === 0) return err;
  const vendorMessage = present.reduce((text, secret) => text.split(secret).join("***"), api.vendorMessage);
  const ErrorClass = err.constructor as typeof ApiError;
  return new ErrorClass({ vendor: "HCP", operation: api.operation, status: api.status, vendorMessage });
}
