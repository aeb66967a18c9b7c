import type * as pulumi from "@pulumi/pulumi";

/** Settles once the engine has answered the resource's registration, whether it succeeded or not. */
function answered(resource: pulumi.Resource): Promise<void> {
  // Choice: an Output's promise() is internal to @pulumi/pulumi, but apply() never runs for a failed
  // registration, and a window waiting on one would hang a `--continue-on-error` run.
  const urn = resource.urn as unknown as { promise(withUnknowns: boolean): Promise<unknown> };
  return urn.promise(true).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * At most `size` groups of resources (a customer with its users, say) registered and not yet answered by
 * the engine. `@pulumi/pulumi` holds about 100 KB per resource until the engine answers it, so a program
 * that declares a whole estate at once holds the whole estate; behind a window it holds the groups in
 * flight. The engine works on at most `size` groups at a time, so `size` should exceed what the APIs serve
 * in parallel.
 */
export class RegistrationWindow {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(readonly size = 50) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`registration window: size must be a whole number of at least 1 (got ${size})`);
  }

  /** Resolves once fewer than `size` groups are in flight. */
  async room(): Promise<void> {
    while (this.inFlight.size >= this.size) await Promise.race(this.inFlight);
  }

  /** A group is in flight until the engine has answered every resource in it. */
  track(group: readonly pulumi.Resource[]): void {
    const done: Promise<void> = Promise.all(group.map(answered)).then(() => {
      this.inFlight.delete(done);
    });
    this.inFlight.add(done);
  }
}
