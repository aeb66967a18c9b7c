import { estateTenantFields } from "../provider/acronis/specs/tenantCommon";
import type { ResourceSpec } from "../provider/core/spec";

/** The resource's inputs a tenant entry of the estate file gives, by its spec. */
export function tenantArgs(spec: ResourceSpec, entry: object): Record<string, unknown> {
  const fields = entry as Record<string, unknown>;
  return Object.fromEntries(estateTenantFields(spec).map((key) => [key, fields[key]]));
}
