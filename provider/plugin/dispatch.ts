import type * as pulumi from "@pulumi/pulumi";
import type { ResourceSpec } from "../core/spec";
import { resourceSpecs } from "../specs";
import { packageName, typeToken } from "./tokens";

/** A resource type the plugin serves: its spec and the provider its dynamic resources use. */
export interface Served {
  spec: ResourceSpec;
  provider: pulumi.dynamic.ResourceProvider;
}

/** Each spec's entry module (provider/entry/), the guarded provider the dynamic resources' state points at. */
const entryProvider = (spec: ResourceSpec): pulumi.dynamic.ResourceProvider =>
  require(`../entry/${spec.entry}`) as pulumi.dynamic.ResourceProvider;

/** One table from type token to provider, for every resource of provider/specs.ts. */
export function dispatchTable(
  load: (spec: ResourceSpec) => pulumi.dynamic.ResourceProvider = entryProvider,
): Map<string, Served> {
  return new Map(resourceSpecs.map((spec) => [typeToken(spec), { spec, provider: load(spec) }]));
}

/** The served type of a token, or an error naming the types there are. */
export function servedType(table: Map<string, Served>, token: string): Served {
  const served = table.get(token);
  if (!served)
    throw new Error(
      `unknown resource type ${token}: the ${packageName} plugin serves ${[...table.keys()].join(", ")}`,
    );
  return served;
}
