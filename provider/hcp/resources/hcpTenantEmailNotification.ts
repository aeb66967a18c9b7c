import type { HcpTenantEmailNotificationInputs } from "../../generated/hcp";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider } from "../provider";
import { hcpTenantEmailNotificationSpec } from "../specs/hcpTenantEmailNotification";
import type { EmailNotification } from "../types";

/**
 * E-mail notification of a tenant (POST /tenants/{t}/emailNotification, ADMINISTRATOR role).
 * Destroying the resource restores HCP's defaults for what it managed: notification off, the default
 * template, no recipients.
 */
export class HcpTenantEmailNotificationProvider extends HcpTenantSettingProvider<
  HcpTenantEmailNotificationInputs,
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

  protected async defaults(managed: HcpTenantEmailNotificationInputs): Promise<EmailNotification> {
    return {
      enabled: managed.enabled === undefined ? undefined : false,
      // An empty template restores HCP's default one.
      emailTemplate: managed.emailTemplate ? {} : undefined,
      recipients: managed.recipients ? [] : undefined,
    };
  }
}
