import * as pulumi from "@pulumi/pulumi";
import { acronisCustomer } from "../acronis-customer/customer";

// The main job: the tutorial's Acronis customer, deployed to whatever acronis:* points at.
const config = new pulumi.Config();
const acronis = acronisCustomer({ partnerTenantId: config.require("partnerTenantId") });

export const customerTenantId = acronis.customer.tenantId;
export const userId = acronis.johnDoe.userId;
export const personalTenantId = acronis.johnDoe.personalTenantId;
export const activationEmailSent = acronis.johnDoe.activationEmailSent;
