/**
 * Props for pulumi.dynamic.Resource: the user's args plus every output key set to undefined, which is
 * how a dynamic resource declares the outputs it exposes (pulumi/pulumi#5174).
 */
export function withOutputs(args: object, outputKeys: readonly string[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of outputKeys) props[key] = undefined;
  return { ...props, ...args };
}
