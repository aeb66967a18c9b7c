import * as pulumi from "@pulumi/pulumi";
import { acronisCustomer } from "./customer";

const config = new pulumi.Config();
const { customer, mfa, offeringItems, johnDoe, companyAdmin } = acronisCustomer({
  partnerTenantId: config.require("partnerTenantId"),
});

export const customerTenantId = customer.tenantId;
export const mfaStatus = mfa.mfaStatus;
export const enabledOfferingItems = offeringItems.items;
export const userId = johnDoe.userId;
export const personalTenantId = johnDoe.personalTenantId;
export const activationEmailSent = johnDoe.activationEmailSent;
export const roles = companyAdmin.roles;
