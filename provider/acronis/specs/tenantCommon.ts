import { isMark, markPrefix } from "../../core/ownership";
import {
  adoptProperty,
  inputKeys,
  type PropertySpec,
  type ResourceSpec,
  type ValueSpec,
} from "../../core/spec";
import { givenKeys } from "../../core/wire";
import { email, languageCode, text, uuid } from "./values";

/** The kinds of tenant a program declares: the reseller hierarchy and the customers in it. */
export type DeclaredTenantKind = "customer" | "partner" | "folder";

export const maxInternalTagLength = 256;

/** What happens to the tenant, and all its data, when the resource is destroyed. */
export const deletionPolicies = ["delete", "disable", "retain"] as const;

const contactText = (doc: string) => ({ value: text(255), doc });

/** One object, so the SDK and schema.json declare `TenantContact` once for every kind of tenant. */
const tenantContact: ValueSpec & { type: "object" } = {
  type: "object",
  typeName: "TenantContact",
  doc: "A tenant's contact; only the keys given are managed.",
  fields: {
    email: { value: email, doc: "E-mail address." },
    firstname: contactText("First name."),
    lastname: contactText("Last name."),
    phone: contactText("Phone number."),
    address1: contactText("Address, first line."),
    address2: contactText("Address, second line."),
    city: contactText("City."),
    state: contactText("State or region."),
    zipcode: contactText("Postal code."),
    country: contactText("Country."),
  },
};

const whereItLives: Record<DeclaredTenantKind, string> = {
  customer: "The partner or folder tenant the customer lives under.",
  partner: "The partner or folder tenant the partner lives under (the API client's partner at the top).",
  folder: "The partner or folder tenant the folder lives under.",
};

const whatDeleteTakes: Record<DeclaredTenantKind, string> = {
  customer: "with all its users, services and backups",
  partner: "with all its users; Acronis refuses while it still has child tenants",
  folder: "with all its users; Acronis refuses while it still has child tenants",
};

/** The properties every declared tenant has, in the order the SDK lists them. */
export function tenantProperties(kind: DeclaredTenantKind): Record<string, PropertySpec> {
  return {
    name: {
      value: { type: "string", minLength: 1, maxLength: 255 },
      required: true,
      doc: "Unique in the partner's hierarchy. Renamed in place.",
      wire: { path: "name" },
    },
    parentId: {
      value: uuid,
      required: true,
      // Choice: a new parent is a move in place (PUT parent_id, DOC:tenants/moving-tenant), never a replacement.
      doc: `${whereItLives[kind]} A change moves the tenant in place, with its users and data.`,
      wire: { path: "parent_id" },
    },
    customerId: {
      value: text(255),
      doc: "An external id for reporting (Acronis `customer_id`).",
      wire: { path: "customer_id" },
    },
    internalTag: {
      value: {
        type: "string",
        maxLength: maxInternalTagLength,
        rule: (tag) =>
          isMark(tag) ? `must not start with "${markPrefix}" (the provider's ownership mark)` : undefined,
      },
      doc: `An internal tag, up to ${maxInternalTagLength} characters. Left unset, it holds the provider's ownership mark (\`${markPrefix}<project>/<stack>@<resource>\`), by which a later \`up\` takes back a create that a crash or a lost answer kept out of the state, and another stack's adopt is refused; when you set it, the tenant carries no mark: a create whose answer was lost takes it back only when the name was seen free just before, a crashed one needs \`adopt\`, and adopting it does not stop another stack's adopt.`,
      wire: { path: "internal_tag" },
    },
    language: { value: languageCode, doc: "Language code, default `en`.", wire: { path: "language" } },
    enabled: {
      value: { type: "boolean" },
      doc: `false suspends the ${kind} (its data is kept). Default true.`,
      // Choice: POST /tenants makes an enabled tenant; a disabled one follows as an update.
      wire: { path: "enabled", write: "update" },
    },
    contact: {
      value: tenantContact,
      doc: "The tenant's contact; only the keys given are managed.",
      wire: { path: "contact", codec: givenKeys(Object.keys(tenantContact.fields)) },
    },
    deletionPolicy: {
      value: { type: "string", enum: deletionPolicies },
      // Removing `delete` from the program must plan its return to the default, never keep it silently.
      default: "disable",
      doc: `What \`pulumi destroy\`, or removing the resource, does to the tenant: \`disable\` (default) only disables it (data kept, still billed); \`delete\` disables it and then deletes it ${whatDeleteTakes[kind]}, irreversibly (it must be in the state from an earlier \`up\` to take effect); \`retain\` leaves it as it is and only forgets it.`,
    },
    adopt: adoptProperty(
      `a ${kind} tenant of this name under \`parentId\` (never one under another parent)`,
      "Adoption's one other write puts this resource's ownership mark in the tenant's empty `internal_tag`, so another stack's adopt is refused; a tenant whose tag is declared, or already set by someone, keeps it and stays unmarked (the preview warns when it is declared).",
    ),
    tenantId: { role: "output", value: uuid, isId: true, doc: "The tenant's UUID (the resource id)." },
    kind: {
      role: "output",
      value: { type: "string", enum: [kind] },
      required: true,
      doc: `Always \`${kind}\`.`,
    },
  };
}

/** Inputs a tenant entry of the estate file never holds: its place gives the parent, its section the account. */
const givenByTheFile = new Set(["parentId", "adopt", "account"]);

/** The fields of a tenant entry of the estate file that are its resource's inputs: the schema and the loader agree. */
export function estateTenantFields(spec: ResourceSpec): string[] {
  return inputKeys(spec).filter((key) => !givenByTheFile.has(key));
}
