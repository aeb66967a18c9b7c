import * as pulumi from "@pulumi/pulumi";
import { claimNaturalKey, warnUnmarkable } from "./naturalKeys";
import "./quietRpcLog";

/**
 * Props for pulumi.dynamic.Resource: the user's args, with secret inputs wrapped as secrets, the stack's
 * name (`__owner`; the engine hides `__` keys from plans) and the resource's (`__resourceName`, which the marks
 * name), plus every output key set to undefined, which is how a dynamic resource declares the outputs it exposes
 * (pulumi/pulumi#5174). A second resource of the program for the same object is refused here, at preview.
 */
export function resourceProps(
  args: object,
  outputKeys: readonly string[],
  secretKeys: readonly string[],
  resourceName?: string,
  type?: string,
): Record<string, unknown> {
  if (type !== undefined && resourceName !== undefined) {
    claimNaturalKey(type, resourceName, args);
    warnUnmarkable(type, resourceName, args);
  }
  // The hidden `__owner` names the stack, for the ownership mark the provider writes on what it creates.
  const props: Record<string, unknown> = { __owner: `${pulumi.getProject()}/${pulumi.getStack()}` };
  if (resourceName !== undefined) props.__resourceName = resourceName;
  for (const key of outputKeys) props[key] = undefined;
  const given = args as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    props[key] = secretKeys.includes(key) && value !== undefined ? pulumi.secret(value) : value;
  }
  return props;
}

/** Secret inputs come back as outputs of the same key: the engine stores those encrypted too. */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  secretKeys: readonly string[],
): pulumi.CustomResourceOptions | undefined {
  if (secretKeys.length === 0) return opts;
  return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretKeys] };
}

/**
 * `retainOnDelete` from the deletion policy, so the plan of a removal says what will happen: set unless the
 * policy is one under which the provider acts (`acting`). An option the program sets itself wins; a policy
 * that is not a plain value leaves it unset, and the provider then decides from the policy in state.
 */
export function withRetainUnless(
  opts: pulumi.CustomResourceOptions | undefined,
  policy: unknown,
  acting: readonly string[],
): pulumi.CustomResourceOptions | undefined {
  if (opts?.retainOnDelete !== undefined) return opts;
  if (policy !== undefined && (typeof policy !== "string" || acting.includes(policy))) return opts;
  return { ...opts, retainOnDelete: true };
}
