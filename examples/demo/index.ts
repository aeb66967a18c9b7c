import * as pulumi from "@pulumi/pulumi";
import { acronisCustomer } from "../acronis-customer/customer";
import { financeChargeback, hcpFinance } from "../hcp-tenant/finance";

// The main job: the Acronis tutorial's customer and the HCP seed's Finance tenant, deployed to whatever
// acronis:* and hcp:* point at (the embedded emulators under `npm run demo`).
const config = new pulumi.Config();
const acronis = acronisCustomer({ partnerTenantId: config.require("partnerTenantId") });
const hcp = hcpFinance({ initialUserPassword: config.requireSecret("financeInitialPassword") });

export const customerTenantId = acronis.customer.tenantId;
export const userId = acronis.johnDoe.userId;
export const personalTenantId = acronis.johnDoe.personalTenantId;
export const activationEmailSent = acronis.johnDoe.activationEmailSent;
export const hcpTenantId = hcp.finance.tenantId;
export const hcpTenantHost = hcp.finance.fullyQualifiedName;
export const hcpChargeback = financeChargeback(hcp.finance, new pulumi.Config("hcp"));
