import * as pulumi from "@pulumi/pulumi";

/**
 * The engine plans a removal without asking a provider, so the removal of an account's last partner or
 * folder is seen at preview only by a TenantRemovalGuard still declared then. The estate file cannot say
 * the guard existed; the program's last deployment can, through the stack output a program exports:
 * reading a stack's own outputs (`pulumi:pulumi:readStackOutputs`, as stack references do) costs one answer
 * of the program's outputs and puts nothing in the plan, where reading its resources would cost every
 * resource's outputs.
 */

/** The stack output holding the names of the guards declared: export `declared.tenantRemovalGuards` under it. */
export const removalGuardsOutput = "tenantRemovalGuards";

const readStackOutputs = "pulumi:pulumi:readStackOutputs";

/**
 * The guard names a stack output holds, secret or not (an invoke leaves a nested secret in the engine's
 * wrapping); anything else (no output, another shape) holds none.
 */
export function guardNamesIn(output: unknown): string[] {
  const value: unknown = pulumi.runtime.unwrapRpcSecret(output);
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
}

/**
 * The guards this stack's last deployment exported. A project-scoped backend names the stack
 * `org/project/stack`; a local backend of the older layout refuses that and takes the bare name.
 */
async function readOwnOutput(): Promise<ReadonlySet<string>> {
  const names = [
    `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`,
    pulumi.getStack(),
  ];
  let failure: unknown;
  for (const name of names) {
    try {
      const answer = (await pulumi.runtime.invoke(readStackOutputs, { name })) as {
        outputs?: Record<string, unknown>;
      };
      return new Set(guardNamesIn(answer.outputs?.[removalGuardsOutput]));
    } catch (err) {
      failure = err;
    }
  }
  pulumi.log.warn(
    `the stack's last ${removalGuardsOutput} output could not be read (${failure}): removing an account's last partner or folder is checked at up, not at preview`,
  );
  return new Set();
}

/** The guards a program declares, for its `tenantRemovalGuards` output. */
export class GuardBook {
  private readonly names: string[] = [];
  private readonly pending: Promise<void>[] = [];
  /** Read once per declaration of an estate: a process may run several programs (Automation API). */
  private remembered?: Promise<ReadonlySet<string>>;

  /** Declares the guard now. */
  declare(name: string, declare: () => pulumi.Resource): pulumi.Resource {
    this.names.push(name);
    return declare();
  }

  /**
   * Declares the guard, listing no tenant, when the last deployment exported it: the program's run waits
   * for the read (an RPC the runtime awaits), so the guard is registered before the run ends.
   */
  declareIfRemembered(name: string, declare: () => pulumi.Resource): void {
    const done = pulumi.runtime.rpcKeepAlive();
    this.remembered ??= readOwnOutput();
    this.pending.push(
      this.remembered
        .then((held) => {
          if (held.has(name)) this.declare(name, declare);
        })
        .finally(done),
    );
  }

  /** The names of every guard declared, once the reads are answered, sorted. */
  declared(): pulumi.Output<string[]> {
    return pulumi.output(Promise.all(this.pending).then(() => [...this.names].sort()));
  }
}
