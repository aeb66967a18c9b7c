import { type AccessRule, authorize } from "./auth";
import {
  checkPropertyNames,
  documentAnswer,
  emptyAnswer,
  isVerbose,
  type MapiContext,
  type MapiHandler,
  requestBody,
  tenantOf,
} from "./context";
import { badRequest, notFound } from "./errors";
import { MEDIA_TYPES, readBoolean, readEnum, readItems, readObject, readText } from "./formats";
import { checkEmailList } from "./rules";
import {
  ALL_PERMISSIONS,
  CONTACT_FIELDS,
  type ContactInfo,
  defaultEmailTemplate,
  type EmailNotification,
  type EmailTemplate,
  type HcpState,
  type Recipient,
  type Tenant,
} from "./state";

/** A tenant sub-resource read by GET and partly replaced by POST. */
export interface TenantSetting {
  /** The URL term, also the XML root element. */
  resource: string;
  /** Further XML root names accepted on POST. */
  alternativeRoots?: readonly string[];
  validForDefaultTenant: boolean;
  read: AccessRule;
  write: AccessRule;
  view(tenant: Tenant, verbose: boolean): unknown;
  /** Validates a POST body completely, then applies it. */
  update(tenant: Tenant, properties: Record<string, unknown>, state: HcpState): void;
}

export const MONITOR_OR_ADMIN: AccessRule = { tenantRoles: ["MONITOR", "ADMINISTRATOR"] };
export const ADMIN_ONLY: AccessRule = { tenantRoles: ["ADMINISTRATOR"] };

function settingTenant(ctx: MapiContext, setting: TenantSetting, rule: AccessRule): Tenant {
  const tenant = tenantOf(ctx);
  // Choice: a sub-resource that is not valid for the default tenant is 404 there.
  if (tenant.isDefault && !setting.validForDefaultTenant) {
    throw notFound(`${setting.resource} is not valid for the default tenant.`);
  }
  authorize(ctx.caller, tenant, rule);
  return tenant;
}

export const getSetting =
  (setting: TenantSetting): MapiHandler =>
  (ctx) => {
    const tenant = settingTenant(ctx, setting, setting.read);
    return documentAnswer(ctx, setting.resource, setting.view(tenant, isVerbose(ctx)));
  };

export const postSetting =
  (setting: TenantSetting): MapiHandler =>
  (ctx) => {
    const tenant = settingTenant(ctx, setting, setting.write);
    const { format, properties } = requestBody(ctx, [setting.resource, ...(setting.alternativeRoots ?? [])]);
    setting.update(tenant, properties, ctx.store.state);
    ctx.store.commit();
    // Choice: sub-resource POST answers name the request body's media type, as the seed's consoleSecurity answer does.
    return emptyAnswer(MEDIA_TYPES[format]);
  };

// Choice: contact fields without a documented limit (address lines, city, state, postcode, country) take 100 characters.
const CONTACT_LIMITS: Record<keyof ContactInfo, number> = {
  firstName: 64,
  lastName: 64,
  emailAddress: 254,
  primaryPhone: 24,
  extension: 5,
  address1: 100,
  address2: 100,
  city: 100,
  state: 100,
  zipOrPostalCode: 100,
  countryOrRegion: 100,
};

function readContactField(field: keyof ContactInfo, value: unknown): string {
  const text = readText(value, field, CONTACT_LIMITS[field]);
  if (field === "primaryPhone" && !/^[0-9()\-.+ ]*$/.test(text)) {
    throw badRequest("'primaryPhone' may hold digits, spaces and ( ) - . + only.");
  }
  if (field === "extension" && !/^\d*$/.test(text)) throw badRequest("'extension' may hold digits only.");
  if (field === "emailAddress" && text !== "") checkEmailList(text, field);
  return text;
}

export const contactInfo: TenantSetting = {
  resource: "contactInfo",
  // Choice: the lower-case root of the documentation's example is accepted too.
  alternativeRoots: ["contactinfo"],
  validForDefaultTenant: true,
  read: MONITOR_OR_ADMIN,
  write: ADMIN_ONLY,
  view: (tenant) => ({ ...tenant.contactInfo }),
  update(tenant, properties) {
    checkPropertyNames(properties, CONTACT_FIELDS, CONTACT_FIELDS, "contactInfo");
    const next = { ...tenant.contactInfo };
    for (const field of CONTACT_FIELDS) {
      if (properties[field] !== undefined) next[field] = readContactField(field, properties[field]);
    }
    tenant.contactInfo = next;
  },
};

const TEMPLATE_FIELDS = ["from", "subject", "body"] as const;
const RECIPIENT_FIELDS = ["address", "importance", "severity", "type"] as const;
const MAX_RECIPIENTS = 25;

/** A sent template replaces the current one; an empty one restores the default. */
function readEmailTemplate(value: unknown): EmailTemplate {
  const properties = readObject(value, "emailTemplate");
  checkPropertyNames(properties, TEMPLATE_FIELDS, TEMPLATE_FIELDS, "emailTemplate");
  if ((properties.from === undefined) !== (properties.subject === undefined)) {
    throw badRequest("'from' and 'subject' of emailTemplate must be given together.");
  }
  // Choice: members left out of a sent template take the default template's values; from/subject take 1024 characters, body 8192.
  const defaults = defaultEmailTemplate();
  return {
    from: properties.from === undefined ? defaults.from : readText(properties.from, "from", 1024),
    subject:
      properties.subject === undefined ? defaults.subject : readText(properties.subject, "subject", 1024),
    body: properties.body === undefined ? defaults.body : readText(properties.body, "body", 8192),
  };
}

function readRecipient(value: unknown): Recipient {
  const properties = readObject(value, "recipient");
  checkPropertyNames(properties, RECIPIENT_FIELDS, RECIPIENT_FIELDS, "recipient");
  if (properties.address === undefined) throw badRequest("'address' of a recipient is required.");
  const address = readText(properties.address, "address", 4096);
  checkEmailList(address, "address");
  const types = readText(properties.type ?? "GENERAL", "type", 256)
    .split(",")
    .map((type) => readEnum(type.trim(), "type", ["GENERAL", "SECURITY", "COMPLIANCE"], false));
  return {
    address,
    importance: readEnum(properties.importance ?? "MAJOR", "importance", ["ALL", "MAJOR"], false),
    severity: readEnum(properties.severity ?? "ERROR", "severity", ["NOTICE", "WARNING", "ERROR"], false),
    type: [...new Set(types)].join(","),
  };
}

function readRecipients(value: unknown): Recipient[] {
  const entries = readItems(value, "recipient", "recipients");
  if (entries.length > MAX_RECIPIENTS)
    throw badRequest(`'recipients' may hold at most ${MAX_RECIPIENTS} recipients.`);
  return entries.map(readRecipient);
}

const EMAIL_PROPERTIES = ["enabled", "emailTemplate", "recipients"] as const;

export const emailNotification: TenantSetting = {
  resource: "emailNotification",
  validForDefaultTenant: true,
  read: MONITOR_OR_ADMIN,
  write: ADMIN_ONLY,
  view: (tenant) => ({
    enabled: tenant.emailNotification.enabled,
    emailTemplate: { ...tenant.emailNotification.emailTemplate },
    recipients: { recipient: tenant.emailNotification.recipients },
  }),
  update(tenant, properties) {
    checkPropertyNames(properties, EMAIL_PROPERTIES, EMAIL_PROPERTIES, "emailNotification");
    const current = tenant.emailNotification;
    const next: EmailNotification = {
      enabled: properties.enabled === undefined ? current.enabled : readBoolean(properties.enabled),
      emailTemplate:
        properties.emailTemplate === undefined
          ? current.emailTemplate
          : readEmailTemplate(properties.emailTemplate),
      recipients:
        properties.recipients === undefined ? current.recipients : readRecipients(properties.recipients),
    };
    tenant.emailNotification = next;
  },
};

/** PURGE brings DELETE and SEARCH brings READ; the set is kept in alphabetical order. */
function withImpliedPermissions(permissions: readonly string[]): string[] {
  const set = new Set(permissions);
  if (set.has("PURGE")) set.add("DELETE");
  if (set.has("SEARCH")) set.add("READ");
  return ALL_PERMISSIONS.filter((permission) => set.has(permission));
}

/** XML `<permissions><permission>…`; JSON `{"permission":[…]}` or the documented `{"permissions":{"permission":[…]}}`. */
function readPermissionList(properties: Record<string, unknown>): string[] {
  const list =
    properties.permissions !== undefined && Object.keys(properties).length === 1
      ? readItems(properties.permissions, "permission", "permissions")
      : readItems(properties, "permission", "permissions");
  return list.map((entry) => readEnum(entry, "permission", ALL_PERMISSIONS, true));
}

// Choice: the permission mask answers as <permissions><permission>… in XML and {"permission":[…]} in JSON.
export const permissions: TenantSetting = {
  resource: "permissions",
  validForDefaultTenant: true,
  read: { tenantRoles: ["MONITOR", "ADMINISTRATOR", "COMPLIANCE"] },
  write: ADMIN_ONLY,
  view: (tenant) => ({ permission: tenant.permissions }),
  update(tenant, properties) {
    tenant.permissions = withImpliedPermissions(readPermissionList(properties));
  },
};
