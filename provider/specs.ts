import { accessPolicySpec } from "./acronis/specs/accessPolicy";
import { apiClientSpec } from "./acronis/specs/apiClient";
import { customerTenantSpec } from "./acronis/specs/customerTenant";
import { offeringItemsSpec } from "./acronis/specs/offeringItems";
import { folderTenantSpec, partnerTenantSpec } from "./acronis/specs/resellerTenants";
import { tenantMfaSpec } from "./acronis/specs/tenantMfa";
import { tenantRemovalGuardSpec } from "./acronis/specs/tenantRemovalGuard";
import { userSpec } from "./acronis/specs/user";
import { withAccount } from "./core/accounts";
import type { ResourceSpec } from "./core/spec";
import { hcpConsoleSecuritySpec } from "./hcp/specs/hcpConsoleSecurity";
import { hcpNamespaceSpec } from "./hcp/specs/hcpNamespace";
import { hcpNamespaceDefaultsSpec } from "./hcp/specs/hcpNamespaceDefaults";
import { hcpSearchSecuritySpec } from "./hcp/specs/hcpSearchSecurity";
import { hcpTenantSpec } from "./hcp/specs/hcpTenant";
import { hcpTenantContactInfoSpec } from "./hcp/specs/hcpTenantContactInfo";
import { hcpTenantEmailNotificationSpec } from "./hcp/specs/hcpTenantEmailNotification";
import { hcpTenantPermissionsSpec } from "./hcp/specs/hcpTenantPermissions";
import { hcpUserAccountSpec } from "./hcp/specs/hcpUserAccount";

/** Every resource's spec, in the order the SDK, schema.json and docs/resources.md list them. */
export const resourceSpecs: readonly ResourceSpec[] = (
  [
    partnerTenantSpec,
    folderTenantSpec,
    customerTenantSpec,
    tenantMfaSpec,
    offeringItemsSpec,
    userSpec,
    accessPolicySpec,
    apiClientSpec,
    tenantRemovalGuardSpec,
    hcpTenantSpec,
    hcpConsoleSecuritySpec,
    hcpSearchSecuritySpec,
    hcpTenantContactInfoSpec,
    hcpTenantEmailNotificationSpec,
    hcpNamespaceDefaultsSpec,
    hcpTenantPermissionsSpec,
    hcpNamespaceSpec,
    hcpUserAccountSpec,
  ] as const
).map(withAccount);
