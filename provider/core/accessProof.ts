import { AuthenticationError, ConfigurationError } from "./errors";

/**
 * At preview, before any write: one authenticated read per client (an account's credentials and address)
 * and provider process proves that the credentials are right and the API answers. A success or a refusal
 * is kept, so a thousand resources make one read; a failure that may pass (no answer, a 5xx after the
 * retries) is read again by the next check.
 */
const proofs = new WeakMap<object, Promise<void>>();

export function proveAccess(client: object, read: () => Promise<unknown>): Promise<void> {
  let proof = proofs.get(client);
  if (!proof) {
    proof = read().then(
      () => undefined,
      (err: unknown) => {
        if (!(err instanceof AuthenticationError || err instanceof ConfigurationError)) proofs.delete(client);
        throw err;
      },
    );
    proofs.set(client, proof);
  }
  return proof;
}

/** A resource provider that can prove its access (the guard calls it at check, once the inputs are valid). */
export interface AccessCheck {
  verifyAccess(): Promise<void>;
}
