import type { ResourceSpec } from "../core/spec";

/** The package's name: the engine's plugin `pulumi-resource-tenant-estates` and every type token's first part. */
export const packageName = "tenant-estates";

/** `tenant-estates:acronis:CustomerTenant`: the type token of a resource (and of its object types). */
export const typeToken = (spec: ResourceSpec, name = spec.type) => `${packageName}:${spec.module}:${name}`;

const stackKey = /^(acronis|hcp):([a-z][A-Za-z0-9]*)$/;
const providerProperty = /^(acronis|hcp)([A-Z][A-Za-z0-9]*)$/;

/** `acronis:baseUrl` → `acronisBaseUrl`: a stack key of the dynamic resources as a property of the provider. */
export function propertyOfKey(key: string): string | undefined {
  const match = stackKey.exec(key);
  return match ? `${match[1]}${match[2][0].toUpperCase()}${match[2].slice(1)}` : undefined;
}

/** `acronisBaseUrl` → `acronis:baseUrl`, the key the settings readers ask for. */
export function keyOfProperty(property: string): string | undefined {
  const match = providerProperty.exec(property);
  return match ? `${match[1]}:${match[2][0].toLowerCase()}${match[2].slice(1)}` : undefined;
}

/** The type token of a request: its own field, else the URN's type (the last of `parent$child`). */
export function tokenOfRequest(type: string, urn: string): string {
  if (type) return type;
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

/**
 * The hidden inputs the SDK's classes send (provider/core/ownership.ts), from a resource's URN
 * `urn:pulumi:<stack>::<project>::<type>::<name>`: the stack (`__owner`, `<project>/<stack>`) and the
 * resource's name, so the marks on what the plugin creates are the ones the SDK's resources leave.
 */
export function ownershipInputs(urn: string): { __owner?: string; __resourceName?: string } {
  const parts = urn.split("::");
  if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:")) return {};
  return {
    __owner: `${parts[1]}/${parts[0].slice("urn:pulumi:".length)}`,
    __resourceName: parts.slice(3).join("::"),
  };
}
