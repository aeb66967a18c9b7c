import type { HcpSearchSecurityInputs } from "../../generated/hcp";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider } from "../provider";
import { hcpSearchSecuritySpec } from "../specs/hcpSearchSecurity";
import type { SearchSecurity } from "../types";
import { pickKeys } from "../values";
import { defaultIpSettings } from "./hcpConsoleSecurity";

/**
 * Search Console access of a tenant (POST /tenants/{t}/searchSecurity, SECURITY role). Destroying the
 * resource puts HCP's defaults back for the managed ipSettings members (allow 0.0.0.0/0, deny none,
 * allowIfInBothLists true).
 */
export class HcpSearchSecurityProvider extends HcpTenantSettingProvider<
  HcpSearchSecurityInputs,
  SearchSecurity
> {
  protected readonly resource = "searchSecurity";
  protected readonly role = "SECURITY";
  readonly spec = hcpSearchSecuritySpec;

  protected fetch(client: HcpClient, tenant: string): Promise<SearchSecurity | undefined> {
    return client.getSearchSecurity(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: SearchSecurity): Promise<void> {
    return client.setSearchSecurity(tenant, body);
  }

  protected async defaults(managed: HcpSearchSecurityInputs): Promise<SearchSecurity> {
    return { ipSettings: pickKeys(defaultIpSettings, managed.ipSettings ?? {}) };
  }
}
