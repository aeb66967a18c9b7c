import { withFreshVersion } from "../../core/resource";
import { validateInputs } from "../../core/spec";
import type { CustomerTenantInputs, CustomerTenantOutputs } from "../../generated/acronis";
import { customerTenantSpec } from "../specs/customerTenant";
import type { Tenant } from "../types";
import { type TenantInputs, TenantProvider, tenantCreateBody, tenantOutputs } from "./tenant";

export type { CustomerTenantInputs, CustomerTenantOutputs } from "../../generated/acronis";
export {
  type DeletionPolicy,
  explainTenantNameConflict,
  tenantMark,
  tenantUpdateBody,
} from "./tenant";

/** Input rules, checked before any API call. */
export const validateCustomerTenant = (olds: Partial<CustomerTenantInputs>, news: CustomerTenantInputs) =>
  validateInputs(customerTenantSpec, olds, news);

export const customerTenantCreateBody = (inputs: CustomerTenantInputs) =>
  tenantCreateBody(customerTenantSpec, "customer", inputs);

export const customerTenantOutputs = (tenant: Tenant, managed: CustomerTenantInputs) =>
  tenantOutputs(customerTenantSpec, "customer", tenant, managed) as CustomerTenantOutputs;

/** Acronis customer tenants: a declared tenant that also has a billing mode (trial, then production). */
export class CustomerTenantProvider extends TenantProvider {
  constructor() {
    super("customer", customerTenantSpec);
  }

  /** Switches the billing mode to production (the only way it goes; `check` refuses the other). */
  protected override async applyOtherChanges(
    tenant: Tenant,
    changed: string[],
    wanted: TenantInputs,
  ): Promise<Tenant> {
    if (!changed.includes("pricingMode") || wanted.pricingMode !== "production") return tenant;
    const client = this.client();
    const pricing = await withFreshVersion(
      `billing mode of customer tenant ${tenant.id}`,
      async () => (await client.getPricing(tenant.id)).version,
      (version) => client.updatePricing(tenant.id, { mode: "production", version }),
    );
    return { ...tenant, pricing_mode: pricing.mode };
  }
}
