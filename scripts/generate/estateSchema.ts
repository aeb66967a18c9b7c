import { estateTenantFields } from "../../provider/acronis/specs/tenantCommon";
import type { PropertySpec, ResourceSpec, ValueSpec } from "../../provider/core/spec";
import { settingKeys } from "../../provider/hcp/specs/common";

type Json = Record<string, unknown>;

/** The estate file's name of each HCP tenant settings document, and the resource that manages it. */
export const hcpSettingsDocuments: Record<string, string> = {
  consoleSecurity: "HcpConsoleSecurity",
  searchSecurity: "HcpSearchSecurity",
  contactInfo: "HcpTenantContactInfo",
  emailNotification: "HcpTenantEmailNotification",
  namespaceDefaults: "HcpNamespaceDefaults",
  permissions: "HcpTenantPermissions",
};

/** A value as JSON Schema (draft 07): what the spec states as types and bounds; its rules run at preview. */
function jsonSchema(value: ValueSpec): Json {
  switch (value.type) {
    case "string":
      return strip({
        type: "string",
        minLength: value.minLength,
        maxLength: value.maxLength,
        pattern: value.pattern?.source,
        format: value.format,
        enum: value.enum,
      });
    case "boolean":
      return { type: "boolean" };
    case "integer":
      return strip({
        type: value.nullable ? ["integer", "null"] : "integer",
        minimum: value.min,
        maximum: value.max,
      });
    case "array":
      return strip({ type: "array", items: jsonSchema(value.items), minItems: value.minLength });
    case "object":
      return objectSchema(value.fields);
    case "custom":
      return value.schema.type ? { type: value.schema.type } : {};
  }
}

function objectSchema(fields: Record<string, { value: ValueSpec; required?: boolean }>): Json {
  const required = Object.entries(fields)
    .filter(([, f]) => f.required)
    .map(([name]) => name);
  return strip({
    type: "object",
    additionalProperties: false,
    required: required.length > 0 ? required : undefined,
    properties: Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, jsonSchema(f.value)])),
  });
}

const strip = (json: Json): Json =>
  Object.fromEntries(Object.entries(json).filter(([, v]) => v !== undefined));

/** The settings a document holds in the estate file: the resource's inputs without the account it signs in with. */
function documentSchema(spec: ResourceSpec): Json {
  const fields: Record<string, PropertySpec> = {};
  // The section names the account; the tenant and the account to sign in with come from the tenant.
  for (const key of settingKeys(spec).filter((k) => k !== "account"))
    fields[key] = { ...spec.properties[key], required: false };
  return { description: spec.doc, ...objectSchema(fields) };
}

/** An entry of a list under its parent (API clients, namespaces, accounts): the resource's own inputs and a key. */
function entrySchema(spec: ResourceSpec, fromParent: readonly string[]): Json {
  const fields: Record<string, PropertySpec> = {
    key: {
      value: { type: "string", maxLength: 63, pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/ },
      doc: "The resource identity; defaults to the slug of the name.",
    },
  };
  for (const [key, property] of Object.entries(spec.properties)) {
    const parentGives = fromParent.includes(key) || ["adopt", "account"].includes(key);
    if ((property.role ?? "input") === "input" && !parentGives) fields[key] = property;
  }
  return { description: spec.doc, ...objectSchema(fields) };
}

/** Lists of resources under a tenant entry: the definition made from each spec, and where it is listed. */
const entryLists = [
  {
    list: "apiClients",
    type: "ApiClient",
    definition: "apiClient",
    fromParent: ["tenantId"],
    under: ["customer", "partner", "folder"],
  },
  // Accounts sign in as the initial user and start with the secret hcpInitialUserPassword.
  {
    list: "userAccounts",
    type: "HcpUserAccount",
    definition: "hcpUserAccount",
    fromParent: ["tenant", "signInUsername", "signInPassword", "password"],
    under: ["hcpTenant"],
  },
  // Namespaces sign in as the tenant's first ADMINISTRATOR account of userAccounts.
  {
    list: "namespaces",
    type: "HcpNamespace",
    definition: "hcpNamespace",
    fromParent: ["tenant", "username", "password"],
    under: ["hcpTenant"],
  },
];

/** The Acronis tenant entries and the resource each declares. */
const tenantEntries: Record<string, string> = {
  customer: "CustomerTenant",
  partner: "PartnerTenant",
  folder: "FolderTenant",
};

/**
 * A tenant entry: its key, its resource's inputs from the spec (each with the spec's doc), then what the
 * file adds around the tenant (offering items, users, packages…), kept as they are.
 */
function tenantEntrySchema(current: Json & { properties: Record<string, Json> }, spec: ResourceSpec): Json {
  const fields = estateTenantFields(spec);
  const { key, ...rest } = current.properties;
  const around = Object.fromEntries(
    Object.entries(rest).filter(([name]) => !(name in spec.properties) && !fields.includes(name)),
  );
  const own = fields.map((name) => [
    name,
    { ...jsonSchema(spec.properties[name].value), description: spec.properties[name].doc },
  ]);
  return { ...current, properties: { key, ...Object.fromEntries(own), ...around } };
}

/**
 * estate.schema.json with the Acronis tenant entries' own fields and the HCP tenant's settings documents derived from their resources' specs: one
 * definition each, referred to from `hcpTenant`. The rest of the file is kept as it is.
 */
export function estateSchema(current: Json, specs: readonly ResourceSpec[]): Json {
  const definitions = { ...(current.definitions as Record<string, Json>) };
  for (const [entry, type] of Object.entries(tenantEntries)) {
    const spec = specs.find((s) => s.type === type);
    if (!spec) throw new Error(`no spec for ${type}`);
    definitions[entry] = tenantEntrySchema(
      definitions[entry] as Json & { properties: Record<string, Json> },
      spec,
    );
  }
  const tenant = definitions.hcpTenant as Json & { properties: Record<string, Json> };
  const properties = { ...tenant.properties };
  for (const [document, type] of Object.entries(hcpSettingsDocuments)) {
    const spec = specs.find((s) => s.type === type);
    if (!spec) throw new Error(`no spec for ${type}`);
    const name = `hcp${document[0].toUpperCase()}${document.slice(1)}`;
    definitions[name] = documentSchema(spec);
    properties[document] = { $ref: `#/definitions/${name}` };
  }
  definitions.hcpTenant = { ...tenant, properties };
  for (const { list, type, definition, fromParent, under } of entryLists) {
    const spec = specs.find((s) => s.type === type);
    if (!spec) throw new Error(`no spec for ${type}`);
    definitions[definition] = entrySchema(spec, fromParent);
    for (const parent of under) {
      const entry = definitions[parent] as Json & { properties: Record<string, Json> };
      const items = { type: "array", items: { $ref: `#/definitions/${definition}` } };
      definitions[parent] = { ...entry, properties: { ...entry.properties, [list]: items } };
    }
  }
  return { ...current, definitions };
}
