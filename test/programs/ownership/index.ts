import * as pulumi from "@pulumi/pulumi";
import * as estates from "tenant-estates";

// Any resources, declared by stack config `declare`: a JSON list of {type, name, args}. An argument
// "$partner" is the partner tenant's id, and "@<resource>.<output>" another declared resource's output.
interface Declared {
  type: keyof typeof kinds;
  name: string;
  args: Record<string, unknown>;
}

const kinds = {
  CustomerTenant: estates.CustomerTenant,
  User: estates.User,
  ApiClient: estates.ApiClient,
  AccessPolicy: estates.AccessPolicy,
  TenantMfa: estates.TenantMfa,
  OfferingItems: estates.OfferingItems,
  HcpTenantContactInfo: estates.HcpTenantContactInfo,
  HcpTenant: estates.HcpTenant,
  HcpNamespace: estates.HcpNamespace,
  HcpUserAccount: estates.HcpUserAccount,
};

const config = new pulumi.Config();
const declared = JSON.parse(config.get("declare") ?? "[]") as Declared[];
const made: Record<string, pulumi.CustomResource> = {};

function resolve(value: unknown): unknown {
  if (value === "$partner") return config.require("partnerTenantId");
  if (typeof value !== "string" || !value.startsWith("@")) return value;
  const [resource, output] = value.slice(1).split(".");
  return (made[resource] as unknown as Record<string, pulumi.Output<unknown>>)[output];
}

for (const { type, name, args } of declared) {
  const resolved = Object.fromEntries(Object.entries(args).map(([key, value]) => [key, resolve(value)]));
  const Kind = kinds[type] as unknown as new (name: string, args: unknown) => pulumi.CustomResource;
  made[name] = new Kind(name, resolved);
}

export const ids = Object.fromEntries(Object.entries(made).map(([name, resource]) => [name, resource.id]));
