import { normaliseBoolean } from "../../core/normalise";
import type { PropertyRules } from "../../core/resource";
import type { Validator } from "../../core/validate";
import { checkEach, checkValue, pickKeys, trimmed, valueAt } from "../checks";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import type { EmailNotification, EmailTemplate, Recipient } from "../types";

export interface EmailNotificationInputs extends TenantSettingInputs {
  enabled?: boolean;
  /** Replaces the whole template; members left out take HCP's default template's. */
  emailTemplate?: EmailTemplate;
  /** Replaces the whole recipient list (at most 25). */
  recipients?: Recipient[];
}

export const importances = ["ALL", "MAJOR"] as const;
export const severities = ["NOTICE", "WARNING", "ERROR"] as const;
export const notificationTypes = ["GENERAL", "SECURITY", "COMPLIANCE"] as const;
export const maxRecipients = 25;

// Choice: each address needs a dot in its domain, stricter than the emulator's local@domain.
const emailList = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+(\s*,\s*[^\s@,]+@[^\s@,]+\.[^\s@,]+)*$/;

/** Comma lists compared as sets of upper-case words. */
const wordSet = (text: string): string =>
  [...new Set(text.split(",").map((word) => word.trim().toUpperCase()))].sort().join(",");

/** A recipient as HCP means it: defaults filled in (MAJOR, ERROR, GENERAL), case and order ignored. */
export function normaliseRecipient(recipient: Recipient): Recipient {
  return {
    address: [
      ...new Set(
        String(recipient.address ?? "")
          .split(",")
          .map((a) => a.trim().toLowerCase()),
      ),
    ]
      .sort()
      .join(","),
    importance: String(recipient.importance || "MAJOR").toUpperCase(),
    severity: String(recipient.severity || "ERROR").toUpperCase(),
    type: wordSet(String(recipient.type || "GENERAL")),
  };
}

/** The recipient list as a set of normalised recipients. */
export function normaliseRecipients(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const recipients = value.map((r) => JSON.stringify(normaliseRecipient(r as Recipient)));
  return [...new Set(recipients)].sort();
}

function normaliseTemplate(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, text]) => [key, trimmed(text)]));
}

export const emailNotificationRules: PropertyRules = {
  enabled: { normalise: normaliseBoolean },
  emailTemplate: { normalise: normaliseTemplate },
  recipients: { normalise: normaliseRecipients },
};

const oneOfWords = (allowed: readonly string[]) => (value: unknown) =>
  typeof value === "string" && allowed.includes(value.trim().toUpperCase())
    ? undefined
    : `must be one of ${allowed.join(", ")} (any case), got "${String(value)}"`;

export function checkEmailNotification(v: Validator, news: EmailNotificationInputs): void {
  v.boolean("enabled")
    .object("emailTemplate")
    .knownKeys(["from", "subject", "body"], "emailTemplate")
    .string("emailTemplate.from", { maxLength: 1024 })
    .string("emailTemplate.subject", { maxLength: 1024 })
    .string("emailTemplate.body", { maxLength: 8192 });
  const template = valueAt(news, "emailTemplate") as EmailTemplate | undefined;
  if (
    template &&
    typeof template === "object" &&
    (template.from === undefined) !== (template.subject === undefined)
  ) {
    v.fail("emailTemplate", "emailTemplate.from and emailTemplate.subject must be given together");
  }
  checkEach(
    v,
    news,
    "recipients",
    (path) => {
      v.object(path, { required: true })
        .knownKeys(["address", "importance", "severity", "type"], path)
        .string(`${path}.address`, { required: true, maxLength: 4096 });
      checkValue(v, news, `${path}.address`, (value) =>
        typeof value === "string" && !emailList.test(value.trim())
          ? `must be one e-mail address or a comma-separated list of them, got "${value}"`
          : undefined,
      );
      checkValue(v, news, `${path}.importance`, oneOfWords(importances));
      checkValue(v, news, `${path}.severity`, oneOfWords(severities));
      checkValue(v, news, `${path}.type`, (value) =>
        typeof value === "string" &&
        value.split(",").every((t) => oneOfWords(notificationTypes)(t) === undefined)
          ? undefined
          : `must be a comma-separated list of ${notificationTypes.join(", ")}, got "${String(value)}"`,
      );
    },
    { maxLength: maxRecipients },
  );
}

/**
 * E-mail notification of a tenant (POST /tenants/{t}/emailNotification, ADMINISTRATOR role).
 * Destroying the resource restores HCP's defaults for what it managed: notification off, the default
 * template, no recipients.
 */
export class HcpTenantEmailNotificationProvider extends HcpTenantSettingProvider<
  EmailNotificationInputs,
  EmailNotification
> {
  protected readonly resource = "emailNotification";
  protected readonly role = "ADMINISTRATOR";
  protected readonly settingRules = emailNotificationRules;

  protected checkSettings(v: Validator, news: EmailNotificationInputs): void {
    checkEmailNotification(v, news);
  }

  protected fetch(client: HcpClient, tenant: string): Promise<EmailNotification | undefined> {
    return client.getEmailNotification(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: EmailNotification): Promise<void> {
    return client.setEmailNotification(tenant, body);
  }

  protected body(inputs: EmailNotificationInputs): EmailNotification {
    return { enabled: inputs.enabled, emailTemplate: inputs.emailTemplate, recipients: inputs.recipients };
  }

  protected settingOutputs(
    api: EmailNotification,
    managed: EmailNotificationInputs,
  ): Record<string, unknown> {
    return {
      enabled: managed.enabled === undefined ? undefined : api.enabled,
      emailTemplate: managed.emailTemplate ? pickKeys(api.emailTemplate, managed.emailTemplate) : undefined,
      recipients: managed.recipients ? (api.recipients ?? []) : undefined,
    };
  }

  protected async defaults(managed: EmailNotificationInputs): Promise<EmailNotification> {
    return {
      enabled: managed.enabled === undefined ? undefined : false,
      // An empty template restores HCP's default one.
      emailTemplate: managed.emailTemplate ? {} : undefined,
      recipients: managed.recipients ? [] : undefined,
    };
  }
}
