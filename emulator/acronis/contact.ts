/** Contacts of tenants and users: defaults, validation, merge (PUT keeps unsent fields) and the answers' form. */
import { createHash } from "node:crypto";
import { invalid } from "./errors";
import { asObject, isEmail, type Json, toBool } from "./input";
import type { Contact } from "./model";

const TEXT_FIELDS = [
  "email",
  "address1",
  "address2",
  "country",
  "state",
  "zipcode",
  "city",
  "phone",
  "title",
  "website",
  "industry",
  "organization_size",
  "aan",
] as const;

const CONTACT_TYPES = new Set(["legal", "primary", "billing", "technical", "management"]);
const ORGANIZATION_SIZES = new Set(["1-10", "11-100", "101-500", "501-1000", "5000+"]);

/** What an unsent contact looks like in the docs' sample: names "", everything else null. */
export function emptyContact(): Contact {
  return {
    email: null,
    address1: null,
    address2: null,
    country: null,
    state: null,
    zipcode: null,
    city: null,
    phone: null,
    firstname: "",
    lastname: "",
    title: null,
    website: null,
    industry: null,
    organization_size: null,
    email_confirmed: null,
    aan: null,
    types: null,
  };
}

/** The contact with the sent fields applied; unknown keys (ids, timestamps sent back) are ignored. */
export function mergeContact(base: Contact, sent: unknown): Contact {
  const input = asObject(sent, "contact");
  const merged: Contact = { ...base };
  for (const field of TEXT_FIELDS) {
    if (input[field] !== undefined) merged[field] = nullableText(input, field);
  }
  for (const field of ["firstname", "lastname"] as const) {
    if (input[field] !== undefined) merged[field] = nullableText(input, field) ?? "";
  }
  if (input.email_confirmed !== undefined) {
    merged.email_confirmed =
      input.email_confirmed === null ? null : toBool(input.email_confirmed, "email_confirmed");
  }
  if (input.types !== undefined) merged.types = contactTypes(input.types);
  checkContact(merged);
  return merged;
}

function nullableText(input: Json, field: string): string | null {
  const value = input[field];
  if (value === null) return null;
  if (typeof value !== "string") throw invalid(`"contact.${field}" must be a string`);
  return value;
}

function contactTypes(value: unknown): string[] | null {
  if (value === null) return null;
  if (!Array.isArray(value) || value.some((t) => typeof t !== "string" || !CONTACT_TYPES.has(t))) {
    throw invalid(`"contact.types" must be a list of: ${[...CONTACT_TYPES].join(", ")}`);
  }
  return value as string[];
}

function checkContact(contact: Contact): void {
  if (contact.email !== null && !isEmail(contact.email))
    throw invalid(`"contact.email" is not an e-mail address`);
  if (contact.organization_size !== null && !ORGANIZATION_SIZES.has(contact.organization_size)) {
    throw invalid(`"contact.organization_size" must be one of: ${[...ORGANIZATION_SIZES].join(", ")}`);
  }
}

/** Whoever a contact belongs to: a tenant or a user. */
export interface ContactOwner {
  id: string;
  created_at: string;
  updated_at: string;
}

/**
 * The contact as answers carry it (OAS `items`): an id and timestamps, `email` a string, `types` a list.
 * Choice: a contact's id is derived from its owner's id (one contact per tenant or user), its times are the owner's.
 */
export function contactView(contact: Contact, owner: ContactOwner): Record<string, unknown> {
  return {
    id: derivedUuid(`contact|${owner.id}`),
    created_at: owner.created_at,
    updated_at: owner.updated_at,
    ...contact,
    email: contact.email ?? "",
    types: contact.types ?? [],
  };
}

/** Whether nothing of the contact was ever given. */
export function isEmptyContact(contact: Contact): boolean {
  const empty = emptyContact();
  return (Object.keys(empty) as (keyof Contact)[]).every(
    (k) => JSON.stringify(contact[k]) === JSON.stringify(empty[k]),
  );
}

/** A UUID-shaped name that is stable for the same text. */
export function derivedUuid(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
