import * as pulumi from "@pulumi/pulumi";

/**
 * The engine plans a removal without asking a provider, so the removal of an account's last partner or
 * folder is seen at preview only by a TenantRemovalGuard still declared then. The estate file cannot say
 * the guard existed; the program's last deployment can, through the stack output a program exports:
 * reading a stack's own outputs (`pulumi:pulumi:readStackOutputs`, as stack references do) costs one small
 * answer and puts nothing in the plan, where reading its resources would cost every resource's outputs.
 */

/** The stack output holding the names of the guards declared: export `declared.tenantRemovalGuards` under it. */
export const removalGuardsOutput = "tenantRemovalGuards";

const readStackOutputs = "pulumi:pulumi:readStackOutputs";

/** The guard names a stack output holds; anything else (no output, an older shape) holds none. */
export function guardNamesIn(output: unknown): string[] {
  return Array.isArray(output) ? output.filter((name): name is string => typeof name === "string") : [];
}

let remembered: Promise<ReadonlySet<string>> | undefined;

/** The guards the stack's last deployment exported, read once per program run. */
function guardsOfLastDeployment(): Promise<ReadonlySet<string>> {
  remembered ??= readOwnOutput();
  return remembered;
}

async function readOwnOutput(): Promise<ReadonlySet<string>> {
  const name = `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`;
  try {
    const answer = (await pulumi.runtime.invoke(readStackOutputs, { name })) as {
      outputs?: Record<string, unknown>;
    };
    return new Set(guardNamesIn(answer.outputs?.[removalGuardsOutput]));
  } catch (err) {
    // A stack never deployed has no outputs to read; the removal is then refused at `up`, as without the output.
    pulumi.log.debug(`no ${removalGuardsOutput} output read from the last deployment: ${err}`);
    return new Set();
  }
}

/** The guards a program declares, for its `tenantRemovalGuards` output. */
export class GuardBook {
  private readonly names: string[] = [];
  private readonly pending: Promise<void>[] = [];

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
    this.pending.push(
      guardsOfLastDeployment()
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
