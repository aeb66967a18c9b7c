import { adoptProperty, type ResourceSpec, type ValueSpec } from "../../core/spec";
import { givenKeys } from "../../core/wire";
import { email, languageCode, text, uuid } from "./values";

/** Login rules of DOC:users/creating-user: at least 3 characters from a fixed ASCII set. */
export const loginPattern = /^[A-Za-z0-9.@_\-+:!#$%^*={}'`/?]{3,}$/;

/** One object, so the SDK and schema.json declare `UserContact` once. */
const userContact: ValueSpec & { type: "object" } = {
  type: "object",
  typeName: "UserContact",
  doc: "A user's contact; only the keys given are managed.",
  fields: {
    email: { value: email, required: true, doc: "Used for activation and service notifications." },
    firstname: { value: text(255), doc: "First name." },
    lastname: { value: text(255), doc: "Last name." },
    phone: { value: text(64), doc: "Phone number." },
  },
};

export const userSpec: ResourceSpec = {
  type: "User",
  module: "acronis",
  entry: "user",
  doc: "A user account in an Acronis tenant. Destroying it disables and then deletes the account.",
  id: "The user's UUID, also its import id.",
  properties: {
    tenantId: {
      value: uuid,
      required: true,
      // The login stays taken until the old account is gone, so the replacement deletes first.
      replaces: "deleteFirst",
      doc: "The tenant the account is registered in. A change replaces the user (the old account is deleted first: logins are unique).",
      wire: { path: "tenant_id", write: "create" },
    },
    login: {
      value: {
        type: "string",
        maxLength: 255,
        pattern: loginPattern,
        patternHint: "at least 3 characters among letters, digits and . @ _ - + : ! # $ % ^ * = { } ' ` / ?",
      },
      required: true,
      replaces: "deleteFirst",
      // Choice: logins compare case-insensitively, as the platform's uniqueness rule and login lookup do.
      normalise: (v) => (typeof v === "string" ? v.toLowerCase() : v),
      doc: "Unique in the whole platform (compared case-insensitively). A change replaces the user (the old account is deleted first).",
      wire: { path: "login", write: "create" },
    },
    contact: {
      value: userContact,
      required: true,
      doc: "The user's contact; only the keys given are managed.",
      wire: { path: "contact", codec: givenKeys(Object.keys(userContact.fields)) },
    },
    language: { value: languageCode, doc: "Language code, default `en`.", wire: { path: "language" } },
    enabled: {
      value: { type: "boolean" },
      doc: "Default true.",
      // POST /users makes an enabled user; a disabled one follows as an update.
      wire: { path: "enabled", write: "update" },
    },
    sendActivationEmail: {
      value: { type: "boolean" },
      createOnly: true,
      doc: "Send the activation e-mail: right after the user is created, else (set later, or a send that failed) at the next update, as long as the user has not activated the account. Sent once.",
    },
    adopt: adoptProperty(
      "a user with this login in `tenantId` (never one of another tenant)",
      "Adoption's one other write puts this resource's ownership mark in the user's empty `external_id`, so another stack's adopt is refused; a user whose `external_id` is already set (single sign-on) keeps it and stays unmarked.",
    ),
    userId: {
      role: "output",
      value: uuid,
      isId: true,
      doc: "The user's UUID (the resource id).",
      wire: { path: "id", write: "never" },
    },
    personalTenantId: {
      role: "output",
      value: uuid,
      doc: "The personal (unit) tenant Acronis makes for users of customer tenants.",
      wire: { path: "personal_tenant_id", write: "never" },
    },
    activated: {
      role: "output",
      value: { type: "boolean" },
      required: true,
      doc: "Whether the user has activated the account (set a password).",
      wire: { path: "activated", write: "never" },
    },
    activationEmailSent: {
      role: "output",
      value: { type: "boolean" },
      required: true,
      doc: "Whether this resource sent the activation e-mail.",
    },
  },
};
