import * as pulumi from "@pulumi/pulumi";

/**
 * Props and options of an HCP tenant-setting resource: the tenant account's password is always a
 * secret, in the inputs and in the outputs (the provider keeps it there so refresh and destroy can
 * sign in).
 */
export function withSecretPassword<A extends { password?: pulumi.Input<string> }>(
  args: A,
  opts: pulumi.CustomResourceOptions | undefined,
): { args: A; opts: pulumi.CustomResourceOptions } {
  const secretArgs = args.password === undefined ? args : { ...args, password: pulumi.secret(args.password) };
  return {
    args: secretArgs,
    opts: { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "password"] },
  };
}
