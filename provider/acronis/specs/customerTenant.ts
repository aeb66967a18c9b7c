import { isMark, markPrefix } from "../../core/ownership";
import { adoptProperty, type ResourceSpec } from "../../core/spec";
import { email, languageCode, text, uuid } from "./values";

/** What happens to the tenant, and all its data, when the resource is destroyed. */
export const maxInternalTagLength = 256;

export const deletionPolicies = ["delete", "disable", "retain"] as const;

const contactText = (doc: string) => ({ value: text(255), doc });

export const customerTenantSpec: ResourceSpec = {
  type: "CustomerTenant",
  module: "acronis",
  entry: "customerTenant",
  doc: "An Acronis Cyber Protect Cloud customer tenant (POST /tenants; PUT with version; disable, then delete only when `deletionPolicy` says so).",
  id: "The tenant's UUID.",
  properties: {
    name: {
      value: { type: "string", minLength: 1, maxLength: 255 },
      required: true,
      doc: "Unique in the partner's hierarchy. Renamed in place.",
    },
    parentId: {
      value: uuid,
      required: true,
      // Choice: a new parent is a move in place (PUT parent_id, DOC:tenants/moving-tenant), never a replacement.
      doc: "The partner or folder tenant the customer lives under. A change moves the tenant in place, with its users and data.",
    },
    customerId: { value: text(255), doc: "An external id for reporting (Acronis `customer_id`)." },
    internalTag: {
      value: {
        type: "string",
        maxLength: maxInternalTagLength,
        rule: (tag) =>
          isMark(tag) ? `must not start with "${markPrefix}" (the provider's ownership mark)` : undefined,
      },
      doc: `An internal tag, up to ${maxInternalTagLength} characters. Left unset, it holds the provider's ownership mark (\`${markPrefix}<project>/<stack>\`), by which a later \`up\` takes back a create that a crash kept out of the state; when you set it, such a lost create needs \`adopt\`.`,
    },
    language: { value: languageCode, doc: "Language code, default `en`." },
    ancestralAccess: {
      value: { type: "boolean" },
      doc: 'true (default): "Managed by service provider"; false: "Self-service" management mode.',
    },
    enhancedSecurity: {
      value: { type: "boolean" },
      doc: "Backup encryption. Cannot be turned off once on: a program that tries fails at preview.",
    },
    enabled: {
      value: { type: "boolean" },
      doc: "false suspends the customer (its data is kept). Default true.",
    },
    contact: {
      value: {
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
      },
      doc: "The tenant's contact; only the keys given are managed.",
    },
    deletionPolicy: {
      value: { type: "string", enum: deletionPolicies },
      // Removing `delete` from the program must plan its return to the default, never keep it silently.
      default: "disable",
      doc: "What `pulumi destroy`, or removing the resource, does to the tenant: `disable` (default) only disables it (data kept, still billed); `delete` disables it and then deletes it with all its users, services and backups, irreversibly (it must be in the state from an earlier `up` to take effect); `retain` leaves it as it is and only forgets it.",
    },
    adopt: adoptProperty("a customer tenant of this name under `parentId` (never one under another parent)"),
    tenantId: { role: "output", value: uuid, isId: true, doc: "The tenant's UUID (the resource id)." },
    kind: {
      role: "output",
      value: { type: "string", enum: ["customer"] },
      required: true,
      doc: "Always `customer`.",
    },
  },
  check(v, news, olds) {
    if (olds.enhancedSecurity === true && news.enhancedSecurity === false)
      v.fail(
        "enhancedSecurity",
        "enhancedSecurity cannot be turned off once enabled (Acronis encrypts the backups for good)",
      );
  },
};
