import type * as pulumi from "@pulumi/pulumi";
import { AccessPolicy, CustomerTenant, OfferingItems, TenantMfa, User } from "tenant-estates";

/**
 * Customer `i` of the test and benchmark estate: its tenant, two-factor, offering items, a user and a role
 * (seven API calls to create). Also declared by each shard of bench/programs/shardedEstate.
 */
export function declareEstateCustomer(i: number, partnerTenantId: string) {
  const customer = new CustomerTenant(`customer-${i}`, {
    name: `Estate Customer ${i}`,
    parentId: partnerTenantId,
    customerId: `estate-${i}`,
  });
  const mfa = new TenantMfa(`customer-${i}-mfa`, { tenantId: customer.tenantId, enabled: true });
  const items = new OfferingItems(`customer-${i}-items`, {
    tenantId: customer.tenantId,
    items: [{ name: "workstations", quota: { value: 10 + i, overage: null } }, { name: "storage" }],
  });
  const user = new User(`customer-${i}-admin`, {
    tenantId: customer.tenantId,
    login: `estate-admin-${i}`,
    contact: { email: `admin-${i}@customer.example`, firstname: "Admin", lastname: `${i}` },
    sendActivationEmail: true,
  });
  const role = new AccessPolicy(
    `customer-${i}-admin-role`,
    { userId: user.userId, roles: ["company_admin"] },
    { dependsOn: [items] },
  );
  const group: pulumi.Resource[] = [customer, mfa, items, user, role];
  return { customer, group };
}
