import { accessPolicySpec } from "./acronis/specs/accessPolicy";
import { customerTenantSpec } from "./acronis/specs/customerTenant";
import { offeringItemsSpec } from "./acronis/specs/offeringItems";
import { tenantMfaSpec } from "./acronis/specs/tenantMfa";
import { userSpec } from "./acronis/specs/user";
import type { ResourceSpec } from "./core/spec";

/** Every resource's spec, in the order the SDK, schema.json and docs/resources.md list them. */
export const resourceSpecs: readonly ResourceSpec[] = [
  customerTenantSpec,
  tenantMfaSpec,
  offeringItemsSpec,
  userSpec,
  accessPolicySpec,
];
