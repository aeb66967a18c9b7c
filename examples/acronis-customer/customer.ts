import type * as pulumi from "@pulumi/pulumi";
import { AccessPolicy, CustomerTenant, OfferingItems, TenantMfa, User } from "tenant-estates";

export interface AcronisCustomerArgs {
  /** The partner tenant the customer is created under (the API client's tenant in the tutorial). */
  partnerTenantId: pulumi.Input<string>;
}

const GiB = 1024 ** 3;

/**
 * The customer of Acronis' "Provisioning a customer tenant" tutorial: "Customer, Inc" with two-factor
 * authentication, the Workstations and Backup storage offering items, the user JohnDoe as Company
 * administrator, and the activation e-mail sent.
 */
export function acronisCustomer(args: AcronisCustomerArgs) {
  const customer = new CustomerTenant("customer-inc", {
    name: "Customer, Inc",
    parentId: args.partnerTenantId,
    customerId: "customer-inc",
    ancestralAccess: true,
    enhancedSecurity: true,
  });

  const mfa = new TenantMfa("customer-inc-mfa", { tenantId: customer.tenantId, enabled: true });

  const offeringItems = new OfferingItems("customer-inc-offering-items", {
    tenantId: customer.tenantId,
    items: [
      { name: "workstations", quota: { value: 25, overage: 30 } },
      { name: "storage", quota: { value: 500 * GiB, overage: null } },
    ],
  });

  const johnDoe = new User("john-doe", {
    tenantId: customer.tenantId,
    login: "JohnDoe",
    contact: { email: "john.doe@example.com", firstname: "John", lastname: "Doe" },
    sendActivationEmail: true,
  });

  // The role is granted after the offering items, as in the tutorial: it enables them for the account.
  const companyAdmin = new AccessPolicy(
    "john-doe-company-admin",
    { userId: johnDoe.userId, roles: ["company_admin"] },
    { dependsOn: [offeringItems] },
  );

  return { customer, mfa, offeringItems, johnDoe, companyAdmin };
}
