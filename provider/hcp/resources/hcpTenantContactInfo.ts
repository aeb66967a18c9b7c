import type { HcpTenantContactInfoInputs } from "../../generated/hcp";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider } from "../provider";
import { hcpTenantContactInfoSpec } from "../specs/hcpTenantContactInfo";
import type { ContactInfo } from "../types";

/**
 * The contact information of a tenant (POST /tenants/{t}/contactInfo, ADMINISTRATOR role). Destroying
 * the resource empties the fields it managed (HCP's default).
 */
export class HcpTenantContactInfoProvider extends HcpTenantSettingProvider<
  HcpTenantContactInfoInputs,
  ContactInfo
> {
  protected readonly resource = "contactInfo";
  protected readonly role = "ADMINISTRATOR";
  readonly spec = hcpTenantContactInfoSpec;

  protected fetch(client: HcpClient, tenant: string): Promise<ContactInfo | undefined> {
    return client.getContactInfo(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: ContactInfo): Promise<void> {
    return client.setContactInfo(tenant, body);
  }

  protected async defaults(managed: HcpTenantContactInfoInputs): Promise<ContactInfo> {
    return Object.fromEntries(this.managedSettings(managed).map((key) => [key, ""]));
  }
}
