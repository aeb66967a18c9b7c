type Json = Record<string, unknown>;
type Definition = Json & { properties: Record<string, Json> };

/** The settings a customer package may hold: the customer's own, without what names or reaches one tenant. */
const customerSettings = [
  "language",
  "ancestralAccess",
  "enhancedSecurity",
  "pricingMode",
  "enabled",
  "deletionPolicy",
  "contact",
  "twoFactor",
  "offeringItems",
];

/** What an HCP tenant package may not hold: what names one tenant, and the objects made inside it. */
const hcpTenantOnly = [
  "key",
  "name",
  "package",
  "systemVisibleDescription",
  "initialUser",
  "userAccounts",
  "namespaces",
];

const packageName = (description: string): Json => ({
  type: "string",
  pattern: "^[a-z0-9]+(-[a-z0-9]+)*$",
  maxLength: 63,
  description,
});

const packageShelf = (definition: string, description: string): Json => ({
  type: "object",
  description,
  propertyNames: { pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 63 },
  additionalProperties: { $ref: `#/definitions/${definition}` },
});

/** A package definition: `description`, the `package` it extends, and the chosen settings of `tenant`. */
function packageDefinition(
  tenant: Definition,
  settings: string[],
  doc: string,
  extra: Record<string, Json>,
): Json {
  const properties: Record<string, Json> = {
    description: { type: "string", description: "What the package is, for people." },
    package: packageName("A package this one extends: its settings, then this one's on top."),
    ...extra,
  };
  for (const key of settings) properties[key] = tenant.properties[key];
  return { type: "object", description: doc, additionalProperties: false, properties };
}

const withProperties = (definition: Json, added: Record<string, Json>): Json => ({
  ...definition,
  properties: { ...(definition.properties as Record<string, Json>), ...added },
});

/**
 * estate.schema.json with packages: top-level `packages` for customers (and `defaultPackage` on the levels
 * above them), `hcp.packages` for HCP tenants, each derived from the tenant's own definition.
 */
export function withPackages(schema: Json): Json {
  const definitions = { ...(schema.definitions as Record<string, Json>) };
  const customer = definitions.customer as Definition;
  const hcpTenant = definitions.hcpTenant as Definition;
  const users = customer.properties.users as { items: Definition };
  definitions.package = packageDefinition(
    customer,
    customerSettings,
    "Customer settings under a name: a customer that names it takes them, and its own settings win (offering items by name, a contact key by key).",
    {
      userRoles: {
        ...users.items.properties.roles,
        description: "The roles of the customer's users that declare none.",
      },
    },
  );
  const hcpSettings = Object.keys(hcpTenant.properties).filter((key) => !hcpTenantOnly.includes(key));
  definitions.hcpPackage = packageDefinition(
    hcpTenant,
    hcpSettings,
    "HCP tenant settings under a name: a tenant that names it takes them, and its own settings win (a settings document key by key).",
    {},
  );
  const named = packageName("The package whose settings this tenant takes; its own settings win.");
  const byDefault = packageName("The package of the customers below that name none.");
  definitions.customer = withProperties(customer, { package: named });
  // A package may give the quota: whether the tenant has one is checked once its package is merged.
  const required = (hcpTenant.required as string[]).filter((key) => key !== "hardQuota");
  definitions.hcpTenant = { ...withProperties(hcpTenant, { package: named }), required };
  for (const level of ["partner", "folder", "acronisSection"])
    definitions[level] = withProperties(definitions[level], { defaultPackage: byDefault });
  definitions.hcpSection = withProperties(definitions.hcpSection, {
    packages: packageShelf(
      "hcpPackage",
      "Named HCP tenant settings, which a tenant of this system takes with `package`.",
    ),
  });
  const properties = {
    ...(schema.properties as Record<string, Json>),
    packages: packageShelf(
      "package",
      "Named customer settings, which a customer takes with `package` (or a `defaultPackage` above it).",
    ),
  };
  return { ...schema, properties, definitions };
}
