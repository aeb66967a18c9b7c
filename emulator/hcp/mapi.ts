import { type EmulatorRequest, type EmulatorResponse, type RouteHandler, Router } from "../core/router";
import { authenticate } from "./auth";
import { getChargebackReport } from "./chargeback";
import type { MapiHandler } from "./context";
import { MapiError } from "./errors";
import { namespaceDefaults } from "./namespaceDefaults";
import {
  getCompliance,
  getNamespaceStatistics,
  getVersioning,
  postCompliance,
  postVersioning,
} from "./namespaceResources";
import {
  createNamespace,
  deleteNamespace,
  getNamespace,
  headNamespace,
  listNamespaces,
  modifyNamespace,
} from "./namespaces";
import { consoleSecurity, searchSecurity } from "./security";
import type { HcpStore } from "./state";
import { getAvailableServicePlan, getStatistics, listAvailableServicePlans } from "./tenantInfo";
import { contactInfo, emailNotification, getSetting, permissions, postSetting } from "./tenantSettings";
import { createTenant, deleteTenant, getTenant, headTenant, listTenants, modifyTenant } from "./tenants";
import {
  changePassword,
  createUserAccount,
  deleteUserAccount,
  getUserAccount,
  headUserAccount,
  listUserAccounts,
  modifyUserAccount,
} from "./userAccounts";

/** From a parsed request to its answer: the seam a fault-injection layer can wrap. */
export type HcpHandler = (req: EmulatorRequest) => Promise<EmulatorResponse>;

// Choice: the Content-Security-Policy value, elided in the reference, is a same-origin policy.
const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'self'; frame-ancestors 'self'",
  Pragma: "no-cache",
  "X-Content-Type-Options": "nosniff",
  "X-DNS-Prefetch-Control": "off",
  "X-Download-Options": "noopen",
  "X-Frame-Options": "SAMEORIGIN",
  "X-XSS-Protection": "1; mode=block",
};

/** Sent on successes only. */
const CACHING_HEADERS: Record<string, string> = {
  "Cache-Control": "no-cache,no-store,must-revalidate",
  Expires: "Thu, 01 Jan 1970 00:00:00 GMT",
};

const MAX_PATH_BYTES = 4095;
const TENANT = "/mapi/tenants/:tenant";
const NAMESPACE = `${TENANT}/namespaces/:namespace`;
const USER_ACCOUNT = `${TENANT}/userAccounts/:username`;
const TENANT_SETTINGS = [
  consoleSecurity,
  searchSecurity,
  contactInfo,
  emailNotification,
  namespaceDefaults,
  permissions,
];

/** The MAPI: authenticate, route, answer, and add the headers every answer carries. */
export function createMapiHandler(store: HcpStore, domain: string): HcpHandler {
  // Choice: the account is checked once a route matches, so an unknown path is 404 (405 for a wrong method) before any 403.
  const withCaller =
    (handler: MapiHandler): RouteHandler =>
    (req) =>
      handler({ req, caller: authenticate(store.state, req.headers, domain), store, domain });
  const router = new Router()
    .add("GET", "/mapi/tenants", withCaller(listTenants))
    .add("PUT", "/mapi/tenants", withCaller(createTenant))
    .add("GET", TENANT, withCaller(getTenant))
    .add("HEAD", TENANT, withCaller(headTenant))
    .add("POST", TENANT, withCaller(modifyTenant))
    .add("DELETE", TENANT, withCaller(deleteTenant))
    .add("GET", `${TENANT}/statistics`, withCaller(getStatistics))
    .add("GET", `${TENANT}/chargebackReport`, withCaller(getChargebackReport))
    .add("GET", `${TENANT}/availableServicePlans`, withCaller(listAvailableServicePlans))
    .add("GET", `${TENANT}/availableServicePlans/:plan`, withCaller(getAvailableServicePlan))
    .add("GET", `${TENANT}/namespaces`, withCaller(listNamespaces))
    .add("PUT", `${TENANT}/namespaces`, withCaller(createNamespace))
    .add("GET", NAMESPACE, withCaller(getNamespace))
    .add("HEAD", NAMESPACE, withCaller(headNamespace))
    .add("POST", NAMESPACE, withCaller(modifyNamespace))
    .add("DELETE", NAMESPACE, withCaller(deleteNamespace))
    .add("GET", `${NAMESPACE}/versioningSettings`, withCaller(getVersioning))
    .add("POST", `${NAMESPACE}/versioningSettings`, withCaller(postVersioning))
    .add("GET", `${NAMESPACE}/complianceSettings`, withCaller(getCompliance))
    .add("POST", `${NAMESPACE}/complianceSettings`, withCaller(postCompliance))
    .add("GET", `${NAMESPACE}/statistics`, withCaller(getNamespaceStatistics))
    .add("GET", `${TENANT}/userAccounts`, withCaller(listUserAccounts))
    .add("PUT", `${TENANT}/userAccounts`, withCaller(createUserAccount))
    .add("GET", USER_ACCOUNT, withCaller(getUserAccount))
    .add("HEAD", USER_ACCOUNT, withCaller(headUserAccount))
    .add("POST", USER_ACCOUNT, withCaller(modifyUserAccount))
    .add("DELETE", USER_ACCOUNT, withCaller(deleteUserAccount))
    .add("POST", `${USER_ACCOUNT}/changePassword`, withCaller(changePassword));
  for (const setting of TENANT_SETTINGS) {
    router.add("GET", `${TENANT}/${setting.resource}`, withCaller(getSetting(setting)));
    router.add("POST", `${TENANT}/${setting.resource}`, withCaller(postSetting(setting)));
  }
  return async (req) => withStandardHeaders(await answer(router, req), store.state.config.softwareVersion);
}

async function answer(router: Router, req: EmulatorRequest): Promise<EmulatorResponse> {
  try {
    // Choice: any port is accepted (the real MAPI insists on 9090); the 4,095-byte limit counts the path after /mapi.
    if (Buffer.byteLength(req.path.replace(/^\/mapi/, "")) > MAX_PATH_BYTES) {
      throw new MapiError(414, "The URL path is too long.");
    }
    const match = matchRoute(router, req);
    return await match.handler({ ...req, params: match.params });
  } catch (err) {
    if (err instanceof MapiError) return errorAnswer(err);
    throw err;
  }
}

function matchRoute(router: Router, req: EmulatorRequest) {
  const match = router.match(req.method, req.path);
  if ("status" in match) {
    const reason = {
      400: "Malformed URL.",
      404: "No such resource.",
      405: `${req.method} is not valid here.`,
    };
    throw new MapiError(match.status, reason[match.status]);
  }
  return match;
}

// Choice: error answers have no body; the reason travels in X-HCP-ErrorMessage only.
function errorAnswer(err: MapiError): EmulatorResponse {
  return { status: err.status, headers: { "X-HCP-ErrorMessage": asHeaderText(err.message) } };
}

/** An injected failure as the MAPI answers errors: no body, the reason in X-HCP-ErrorMessage. */
export const mapiFailure = (store: HcpStore, status: number, reason: string): EmulatorResponse =>
  withStandardHeaders(errorAnswer(new MapiError(status, reason)), store.state.config.softwareVersion);

/** Header values must be printable ASCII. */
const asHeaderText = (text: string): string => text.replace(/[^\x20-\x7e]/g, "?");

function withStandardHeaders(answer: EmulatorResponse, softwareVersion: string): EmulatorResponse {
  const caching = answer.status < 400 ? CACHING_HEADERS : {};
  return {
    ...answer,
    headers: { "X-HCP-SoftwareVersion": softwareVersion, ...SECURITY_HEADERS, ...caching, ...answer.headers },
  };
}
