import type { HcpTenantPermissionsInputs } from "../../generated/hcp";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider } from "../provider";
import { hcpTenantPermissionsSpec } from "../specs/hcpTenantPermissions";
import { type Permission, permissionNames } from "../types";

/** The permissions document: its <permission> elements. */
interface PermissionMask {
  permission: Permission[];
}

/**
 * The data access permission mask of a tenant (POST /tenants/{t}/permissions, ADMINISTRATOR role): no
 * namespace of the tenant can grant more. Destroying the resource restores HCP's default, all six.
 */
export class HcpTenantPermissionsProvider extends HcpTenantSettingProvider<
  HcpTenantPermissionsInputs,
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
