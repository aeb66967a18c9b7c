import type { PropertyRules } from "../../core/resource";
import type { Validator } from "../../core/validate";
import { checkEach } from "../checks";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import { type Permission, permissionNames } from "../types";

export interface TenantPermissionsInputs extends TenantSettingInputs {
  /** The data access permission mask: DELETE, PRIVILEGED, PURGE, READ, SEARCH, WRITE (case-sensitive). */
  permissions: Permission[];
}

/** The mask as HCP keeps it: a set, with DELETE added to PURGE and READ to SEARCH. */
export function effectivePermissions(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const set = new Set(value.map(String));
  if (set.has("PURGE")) set.add("DELETE");
  if (set.has("SEARCH")) set.add("READ");
  return [...set].sort();
}

export const tenantPermissionsRules: PropertyRules = { permissions: { normalise: effectivePermissions } };

export function checkTenantPermissions(v: Validator, news: TenantPermissionsInputs): void {
  v.array("permissions", { required: true });
  checkEach(v, news, "permissions", (path) => {
    v.oneOf(path, permissionNames);
  });
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
  protected readonly settingRules = tenantPermissionsRules;

  protected checkSettings(v: Validator, news: TenantPermissionsInputs): void {
    checkTenantPermissions(v, news);
  }

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
