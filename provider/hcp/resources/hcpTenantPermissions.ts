import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import { hcpTenantPermissionsSpec } from "../specs/hcpTenantPermissions";
import { type Permission, permissionNames } from "../types";

export interface TenantPermissionsInputs extends TenantSettingInputs {
  /** The data access permission mask: DELETE, PRIVILEGED, PURGE, READ, SEARCH, WRITE (case-sensitive). */
  permissions: Permission[];
}

/**
 * The data access permission mask of a tenant (POST /tenants/{t}/permissions, ADMINISTRATOR role): no
 * namespace of the tenant can grant more. Destroying the resource restores HCP's default, all six.
 */
export class HcpTenantPermissionsProvider extends HcpTenantSettingProvider<
  TenantPermissionsInputs,
  Permission[]
> {
  protected readonly resource = "permissions";
  protected readonly role = "ADMINISTRATOR";
  readonly spec = hcpTenantPermissionsSpec;

  protected fetch(client: HcpClient, tenant: string): Promise<Permission[] | undefined> {
    return client.getPermissions(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: Permission[]): Promise<void> {
    return client.setPermissions(tenant, body);
  }

  protected body(inputs: TenantPermissionsInputs): Permission[] {
    return [...new Set(inputs.permissions)];
  }

  protected settingOutputs(api: Permission[]): Record<string, unknown> {
    return { permissions: [...api].sort() };
  }

  protected async defaults(): Promise<Permission[]> {
    return [...permissionNames];
  }
}
