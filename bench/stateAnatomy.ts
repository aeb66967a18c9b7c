import { readFileSync } from "node:fs";

interface ExportedResource {
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StateAnatomy {
  /** Dynamic resources (ours: the five types of the estate), the divisor of every figure below. */
  resources: number;
  /** The whole `pulumi stack export` text, per dynamic resource (the stack and provider records included). */
  bytesPerResource: number;
  /** The serialized `__provider` of inputs and outputs together, per dynamic resource. */
  providerBytesPerResource: number;
  /**
   * Per dynamic resource, compact JSON bytes of each field of its state record (`inputs` and `outputs`
   * without `__provider`, which is counted apart), and `indentation`: what the export's pretty-printing adds.
   */
  fields: Record<string, number>;
}

/** What the state of a stack holds per dynamic resource, field by field, from `pulumi stack export`. */
export function stateAnatomy(exported: string): StateAnatomy {
  const state = JSON.parse(exported) as { deployment: { resources?: ExportedResource[] } };
  const dynamic = (state.deployment.resources ?? []).filter((r) =>
    r.type.startsWith("pulumi-nodejs:dynamic/"),
  );
  const count = Math.max(dynamic.length, 1);
  const fields: Record<string, number> = {};
  let provider = 0;
  const add = (key: string, bytes: number) => {
    fields[key] = (fields[key] ?? 0) + bytes;
  };
  for (const resource of dynamic) {
    for (const [key, value] of Object.entries(resource)) {
      if ((key === "inputs" || key === "outputs") && value && typeof value === "object") {
        const { __provider, ...rest } = value as Record<string, unknown>;
        const text = typeof __provider === "string" ? __provider : "";
        provider += text.length;
        add(`${key}.__provider`, JSON.stringify(text).length);
        add(key, JSON.stringify(rest).length);
      } else {
        add(key, JSON.stringify(value).length + key.length + 3);
      }
    }
  }
  const compact = JSON.stringify(dynamic).length;
  const pretty = JSON.stringify(dynamic, null, 4).length;
  add("indentation", pretty - compact);
  for (const key of Object.keys(fields)) fields[key] = Math.round(fields[key] / count);
  return {
    resources: dynamic.length,
    bytesPerResource: Math.round(exported.length / count),
    providerBytesPerResource: Math.round(provider / count),
    fields,
  };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write(
      "usage: node dist/bench/stateAnatomy.js EXPORT.json   (the output of pulumi stack export)\n",
    );
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(stateAnatomy(readFileSync(file, "utf8")), null, 2)}\n`);
}
