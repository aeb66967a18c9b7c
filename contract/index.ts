/** The project's contracts of the two vendor APIs, each written from the vendor's documents (docs/contract.md). */
import acronisClients from "./acronis/clients.json";
import acronisCommon from "./acronis/common.json";
import acronisIdentity from "./acronis/identity.json";
import acronisOfferingItems from "./acronis/offeringItems.json";
import acronisPlatform from "./acronis/platform.json";
import acronisTenants from "./acronis/tenants.json";
import acronisUsers from "./acronis/users.json";
import { ContractChecker } from "./checker";
import type { ApiContract, ContractFile } from "./document";
import hcpNamespaces from "./hcp/namespaces.json";
import hcpTenants from "./hcp/tenants.json";
import hcpUserAccounts from "./hcp/userAccounts.json";

export type { ContractChecker, Exchange } from "./checker";
export type { ApiContract, ContractFile } from "./document";

export const acronisContract: ApiContract = {
  api: "acronis",
  prefix: "/api/2",
  unknownQueryIsViolation: true,
  files: [
    acronisCommon,
    acronisTenants,
    acronisOfferingItems,
    acronisUsers,
    acronisClients,
    acronisIdentity,
    acronisPlatform,
  ] as unknown as ContractFile[],
};

export const hcpContract: ApiContract = {
  api: "hcp",
  prefix: "/mapi",
  unknownQueryIsViolation: false,
  files: [hcpTenants, hcpNamespaces, hcpUserAccounts] as unknown as ContractFile[],
};

let acronis: ContractChecker | undefined;
let hcp: ContractChecker | undefined;

/** Compiled once per process, on first use. */
export const acronisChecker = (): ContractChecker => {
  acronis ??= new ContractChecker(acronisContract);
  return acronis;
};
export const hcpChecker = (): ContractChecker => {
  hcp ??= new ContractChecker(hcpContract);
  return hcp;
};
