import type * as Grpc from "@grpc/grpc-js";
import { anyPb, grpc, providerPb, statusPb } from "./modules";
import { structOf } from "./values";

/** A create that made the object but failed afterwards (PartialCreateError): the engine records it. */
interface InitFailure {
  id: string;
  properties?: Record<string, unknown>;
  reasons?: string[];
}

const isInitFailure = (err: unknown): err is Error & InitFailure =>
  err instanceof Error && typeof (err as Partial<InitFailure>).id === "string";

/**
 * The gRPC error of a failed operation: its one-line message, and for a partial create the object's id and
 * outputs as `ErrorResourceInitFailed`, so the object is in state and the next `up` finishes it.
 */
export function statusOf(err: unknown): Partial<Grpc.ServiceError> {
  const message = err instanceof Error ? err.message : String(err);
  const metadata = new grpc.Metadata();
  if (isInitFailure(err)) {
    const { __provider: _dynamicOnly, ...properties } = err.properties ?? {};
    const detail = new providerPb.ErrorResourceInitFailed();
    detail.setId(err.id);
    detail.setProperties(structOf(properties));
    detail.setReasonsList(err.reasons ?? [message]);
    const packed = new anyPb.Any();
    packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusPb.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(packed);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: message, message, metadata };
}

type Callback<Res> = (error: Partial<Grpc.ServiceError> | null, value?: Res | null) => void;

/** A unary gRPC handler from an async function of the request. */
export function unary<Req, Res>(handle: (request: Req) => Promise<Res> | Res) {
  return (call: { request: Req }, callback: Callback<Res>): void => {
    Promise.resolve()
      .then(() => handle(call.request))
      .then(
        (response) => callback(null, response),
        (err: unknown) => callback(statusOf(err)),
      );
  };
}

/** A method this plugin does not serve. */
export const unimplemented =
  (method: string) =>
  (_call: unknown, callback: Callback<never>): void =>
    callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by tenant-estates` });
