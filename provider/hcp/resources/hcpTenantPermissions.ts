import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import { hcpTenantPermissionsSpec } from "../specs/hcpTenantPermissions";
import { type Permission, permissionNames } from "../types";

export interface TenantPermissionsInputs extends TenantSettingInputs {
  /** The data access permission mask: DELETE, PRIVILEGED, PURGE, READ, SEARCH, WRITE (case-sensitive). */
  permissions: Permission[];
}

/** The permissions document: its <permission> elements. */
interface PermissionMask {
  permission: Permission[];
}

/**
 * The data access permission mask of a tenant (POST /tenants/{t}/permissions, ADMINISTRATOR role): no
 * namespace of the tenant can grant more. Destroying the resource restores HCP's default, all six.
 */
export class HcpTenantPermissionsProvider extends HcpTenantSettingProvider<
  TenantPermissionsInputs,
  PermissionMask
> {
  protected readonly resource = "permissions";
  protected readonly role = "ADMINISTRATOR";
  readonly spec = hcpTenantPermissionsSpec;

  protected async fetch(client: HcpClient, tenant: string): Promise<PermissionMask | undefined> {
    const permission = await client.getPermissions(tenant);
    return permission && { permission };
  }

  protected store(client: HcpClient, tenant: string, body: PermissionMask): Promise<void> {
    return client.setPermissions(tenant, body.permission);
  }

  protected async defaults(): Promise<PermissionMask> {
    return { permission: [...permissionNames] };
  }
}
