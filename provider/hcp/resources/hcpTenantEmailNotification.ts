import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import { hcpTenantEmailNotificationSpec } from "../specs/hcpTenantEmailNotification";
import type { EmailNotification, EmailTemplate, Recipient } from "../types";

export interface EmailNotificationInputs extends TenantSettingInputs {
  enabled?: boolean;
  /** Replaces the whole template; members left out take HCP's default template's. */
  emailTemplate?: EmailTemplate;
  /** Replaces the whole recipient list (at most 25). */
  recipients?: Recipient[];
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
  readonly spec = hcpTenantEmailNotificationSpec;

  protected fetch(client: HcpClient, tenant: string): Promise<EmailNotification | undefined> {
    return client.getEmailNotification(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: EmailNotification): Promise<void> {
    return client.setEmailNotification(tenant, body);
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
