import { normaliseBoolean } from "../../core/normalise";
import type { ResourceSpec } from "../../core/spec";
import { listOrEmpty } from "../../core/wire";
import { givenMembers } from "../codecs";
import type { Recipient } from "../types";
import { trimmed } from "../values";
import { checkAccount, tenantAccount } from "./common";

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

/** Words HCP reads in any case, around spaces (reference §12). */
const oneOfWords = (allowed: readonly string[]) => (value: string) =>
  allowed.includes(value.trim().toUpperCase())
    ? undefined
    : `must be one of ${allowed.join(", ")} (any case), got "${value}"`;

const typeList = (value: string) =>
  value.split(",").every((t) => oneOfWords(notificationTypes)(t) === undefined)
    ? undefined
    : `must be a comma-separated list of ${notificationTypes.join(", ")}, got "${value}"`;

export const hcpTenantEmailNotificationSpec: ResourceSpec = {
  type: "HcpTenantEmailNotification",
  module: "hcp",
  entry: "hcpTenantEmailNotification",
  doc: "E-mail notification of an HCP tenant's log messages (POST /tenants/{tenant}/emailNotification; needs the ADMINISTRATOR role). Only the properties given are managed. Destroying the resource restores HCP's defaults for them: notification off, the default template, no recipients.",
  id: "The tenant's name, also its import id. Read as the system-level account (`hcp:username`), so the tenant must allow administration by system-level accounts.",
  properties: {
    ...tenantAccount("ADMINISTRATOR"),
    enabled: {
      wire: { path: "enabled" },
      value: { type: "boolean" },
      normalise: normaliseBoolean,
      doc: "Whether HCP e-mails the tenant's log messages; works only where e-mail notification is on at system level (default false).",
    },
    emailTemplate: {
      wire: { path: "emailTemplate", codec: givenMembers },
      value: {
        type: "object",
        typeName: "HcpEmailTemplate",
        doc: "The notification e-mail; as an output, the members given as HCP holds them.",
        fields: {
          from: {
            value: { type: "string", maxLength: 1024 },
            doc: "Sender, given together with subject (HCP default `log@$location`).",
          },
          subject: {
            value: { type: "string", maxLength: 1024 },
            doc: "Subject, given together with from (HCP default `[$severity] $shortText`).",
          },
          body: {
            value: { type: "string", maxLength: 8192 },
            doc: "Up to 8,192 characters; `\\n` breaks lines; variables $action $date $fullText $id $location $origin $reason $severity $shortText $type $user.",
          },
        },
      },
      normalise: normaliseTemplate,
      check(v, path, value) {
        const template = value as { from?: unknown; subject?: unknown };
        if ((template.from === undefined) !== (template.subject === undefined))
          v.fail(path, `${path}.from and ${path}.subject must be given together`);
      },
      doc: "Replaces the whole template; members left out take HCP's default template's, and an empty object restores it.",
    },
    recipients: {
      wire: { path: "recipients", codec: listOrEmpty },
      value: {
        type: "array",
        items: {
          type: "object",
          typeName: "HcpEmailRecipient",
          doc: "Who gets which messages. Compared with HCP's defaults filled in, in any case and order.",
          fields: {
            address: {
              value: {
                type: "string",
                maxLength: 4096,
                rule: (text) =>
                  emailList.test(text.trim())
                    ? undefined
                    : `must be one e-mail address or a comma-separated list of them, got "${text}"`,
              },
              required: true,
              doc: "One e-mail address or a comma-separated list of them.",
            },
            importance: {
              value: { type: "string", rule: oneOfWords(importances) },
              doc: "ALL or MAJOR, any case (default MAJOR).",
            },
            severity: {
              value: { type: "string", rule: oneOfWords(severities) },
              doc: "NOTICE, WARNING or ERROR, any case (default ERROR).",
            },
            type: {
              value: { type: "string", rule: typeList },
              doc: "Comma-separated GENERAL, SECURITY, COMPLIANCE, any case (default GENERAL).",
            },
          },
        },
      },
      normalise: normaliseRecipients,
      check(v, path, value) {
        if (Array.isArray(value) && value.length > maxRecipients)
          v.fail(path, `${path} may hold at most ${maxRecipients} entries, got ${value.length}`);
      },
      doc: "Replaces the whole recipient list (Bcc); at most 25, and an empty list clears it. Compared as a set.",
    },
  },
  check: checkAccount,
};
