import {
  ApiError,
  AuthenticationError,
  errorClassForStatus,
  NameConflictError,
  StateConflictError,
} from "../core/errors";
import type { TransportRequest, TransportResponse } from "../core/transport";

/**
 * HCP answers 403 both for bad credentials and for a caller without the right; only its message tells
 * them apart.
 */
// Choice: a 403 whose X-HCP-ErrorMessage speaks of the username, password or authorization is an AuthenticationError.
const credentialComplaint = /password|username|credential|authori[sz]ation/i;

/**
 * HCP has no error codes: the class comes from the status and, for 409, the method. A PUT creates, so its
 * 409 says the object exists (MD@514000, which gives 409 to PUT only); a 409 on DELETE, undocumented, is
 * read as the object not being empty.
 */
export function hcpErrorClass(
  status: number,
  method: TransportRequest["method"] | undefined,
  vendorMessage: string | undefined,
): typeof ApiError {
  if (status === 403 && vendorMessage && credentialComplaint.test(vendorMessage)) return AuthenticationError;
  if (status === 409 && method === "PUT") return NameConflictError;
  if (status === 409 && method === "DELETE") return StateConflictError;
  return errorClassForStatus(status);
}

/** Turns an HCP error answer into the error class for it, with X-HCP-ErrorMessage as the message. */
export function hcpError(
  response: TransportResponse,
  operation: string,
  method?: TransportRequest["method"],
): ApiError {
  const vendorMessage = response.headers["x-hcp-errormessage"] || undefined;
  const ErrorClass = hcpErrorClass(response.status, method, vendorMessage);
  return new ErrorClass({ vendor: "HCP", operation, status: response.status, vendorMessage });
}

/**
 * The same error with every given secret cut out of its message: HCP may echo a query parameter
 * (the initial user's password) back in X-HCP-ErrorMessage.
 */
export function withoutSecrets(err: unknown, secrets: readonly string[]): unknown {
  if (!(err instanceof ApiError) || err.vendor !== "HCP" || !err.vendorMessage) return err;
  const message = err.vendorMessage;
  const present = secrets.filter((s) => s.length > 0 && message.includes(s));
  if (present.length === 0) return err;
  const vendorMessage = present.reduce((text, secret) => text.split(secret).join("***"), message);
  return err.copyWith({ vendorMessage });
}
