import type { ResourceSpec } from "../../core/spec";
import { givenMembers } from "../codecs";
import { checkAccount, ipSettings, normaliseIpSettings, tenantAccount } from "./common";

export const hcpSearchSecuritySpec: ResourceSpec = {
  type: "HcpSearchSecurity",
  module: "hcp",
  entry: "hcpSearchSecurity",
  doc: "Search Console access of an HCP tenant (POST /tenants/{tenant}/searchSecurity; needs the SECURITY role). Destroying the resource POSTs HCP's defaults back for the ipSettings members it managed (allow 0.0.0.0/0, deny none, allowIfInBothLists true).",
  id: "The tenant's name, also its import id. Read as the system-level account (`hcp:username`), so the tenant must allow administration by system-level accounts.",
  properties: {
    ...tenantAccount("SECURITY"),
    ipSettings: {
      wire: { path: "ipSettings", codec: givenMembers },
      value: ipSettings,
      required: true,
      normalise: normaliseIpSettings,
      doc: "Who may reach the tenant's Search Console.",
    },
  },
  check: checkAccount,
};
