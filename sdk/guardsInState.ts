import * as pulumi from "@pulumi/pulumi";

/**
 * The engine plans a removal without asking a provider, so the removal of an account's last partner or
 * folder is seen at preview only by a TenantRemovalGuard still declared then. The estate file cannot say
 * the guard existed; the stack's last deployment can: the engine's builtin provider reads it
 * (`pulumi:pulumi:readStackResourceOutputs`, as stack references do), with no resource in the plan.
 */

const readStackResources = "pulumi:pulumi:readStackResourceOutputs";

let names: Promise<ReadonlySet<string>> | undefined;

/** The names of the TenantRemovalGuards in this stack's last deployment, read once per program run. */
export function guardsInState(): Promise<ReadonlySet<string>> {
  names ??= readGuardNames();
  return names;
}

async function readGuardNames(): Promise<ReadonlySet<string>> {
  const stackName = `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`;
  const answer = (await pulumi.runtime.invoke(readStackResources, { stackName })) as {
    outputs?: Record<string, { type?: string }>;
  };
  return new Set(guardNames(answer.outputs ?? {}));
}

/** The resource names of the guards among a deployment's resources (URN to type). */
export function guardNames(resources: Record<string, { type?: string }>): string[] {
  return Object.entries(resources)
    .filter(([, resource]) => resource.type?.endsWith(":TenantRemovalGuard"))
    .map(([urn]) => urn.slice(urn.lastIndexOf("::") + 2));
}

/**
 * Declares the guard `name` with `declare` when the last deployment holds it; the program's run waits for
 * the read (an RPC the runtime awaits), so the guard is registered before the run ends.
 */
export function declareIfInState(name: string, declare: () => pulumi.Resource): void {
  const done = pulumi.runtime.rpcKeepAlive();
  guardsInState()
    .then((held) => {
      if (held.has(name)) declare();
    })
    .finally(done);
}
