export * from "./accessPolicy";
export * from "./customerTenant";
export * from "./offeringItems";
export * from "./tenantMfa";
export * from "./user";
