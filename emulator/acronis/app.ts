/** The request pipeline: one function per plane, each taking a parsed request and returning the answer. */
import type { FailureAnswer, FaultInjector } from "../core/faultInjection";
import type { RequestLog } from "../core/requestLog";
import { type EmulatorRequest, type EmulatorResponse, Router } from "../core/router";
import { getAccessPolicies, putAccessPolicies } from "./accessPolicies";
import {
  bindApplication,
  getApplication,
  listApplications,
  listTenantApplications,
  listTenantsApplications,
  unbindApplication,
} from "./applications";
import { authenticate, cookieValue, requireAdministrator, SESSION_COOKIE } from "./auth";
import type { ApiHandler, Reply } from "./call";
import { createClient, deleteClient, getClient, listClients, updateClient } from "./clients";
import { controlRouter } from "./control";
import { checkEditionSwitch, switchEdition } from "./editions";
import { ApiError, errorBody, invalid } from "./errors";
import { issueToken } from "./idp";
import { mediaType } from "./input";
import { getMfaStatus, putMfaStatus } from "./mfa";
import { DEFAULT_CONFIG, type EmulatorConfig } from "./model";
import { availableForChild, getOfferingItems, putOfferingItems } from "./offeringItems";
import { getPricing, putPricing } from "./pricing";
import { search } from "./search";
import { createOneTimeToken, getMe, loginWithOneTimeToken, logout, type RawAnswer } from "./signIn";
import { Store } from "./state";
import { contractProblems, requireConformingRequest } from "./strict";
import {
  createTenant,
  deleteTenant,
  getTenant,
  listChildren,
  listTenants,
  listTenantUsers,
  updateTenant,
} from "./tenants";
import { TokenBook } from "./tokens";
import { getTenantsUsages, getTenantUsages } from "./usages";
import {
  checkLogin,
  createUser,
  deleteUser,
  getUser,
  listUsers,
  sendActivationEmail,
  setPassword,
  updateUser,
} from "./users";

export { CONTROL_PREFIX } from "./control";

/** A request as read off the wire, before routing. */
export type ParsedRequest = Omit<EmulatorRequest, "params">;
export type RequestHandler = (req: ParsedRequest) => Promise<EmulatorResponse>;

export const API_PREFIX = "/api/2";

/** Order matters where patterns overlap: /users/me and /users/check_login before /users/:id, /tenants/usages before /tenants/:id. */
const API_ROUTES: ReadonlyArray<[method: string, path: string, handler: ApiHandler]> = [
  ["POST", "/clients", createClient],
  ["GET", "/clients", listClients],
  ["GET", "/clients/:id", getClient],
  ["PUT", "/clients/:id", updateClient],
  ["DELETE", "/clients/:id", deleteClient],
  ["POST", "/idp/ott", createOneTimeToken],
  ["GET", "/search", search],
  ["GET", "/applications", listApplications],
  ["GET", "/applications/:id", getApplication],
  ["POST", "/applications/:app/bindings/tenants/:tenant", bindApplication],
  ["DELETE", "/applications/:app/bindings/tenants/:tenant", unbindApplication],
  ["POST", "/tenants", createTenant],
  ["GET", "/tenants", listTenants],
  ["GET", "/tenants/usages", getTenantsUsages],
  ["GET", "/tenants/applications", listTenantsApplications],
  ["GET", "/tenants/:id", getTenant],
  ["PUT", "/tenants/:id", updateTenant],
  ["DELETE", "/tenants/:id", deleteTenant],
  ["GET", "/tenants/:id/children", listChildren],
  ["GET", "/tenants/:id/users", listTenantUsers],
  ["GET", "/tenants/:id/applications", listTenantApplications],
  ["GET", "/tenants/:id/pricing", getPricing],
  ["PUT", "/tenants/:id/pricing", putPricing],
  ["GET", "/tenants/:id/usages", getTenantUsages],
  ["GET", "/tenants/:id/mfa/status", getMfaStatus],
  ["PUT", "/tenants/:id/mfa/status", putMfaStatus],
  ["GET", "/tenants/:id/offering_items/available_for_child", availableForChild],
  ["GET", "/tenants/:id/offering_items", getOfferingItems],
  ["PUT", "/tenants/:id/offering_items", putOfferingItems],
  ["GET", "/tenants/:id/edition", checkEditionSwitch],
  ["PUT", "/tenants/:id/edition", switchEdition],
  ["GET", "/users/me", getMe],
  ["GET", "/users/check_login", checkLogin],
  ["POST", "/users", createUser],
  ["GET", "/users", listUsers],
  ["GET", "/users/:id", getUser],
  ["PUT", "/users/:id", updateUser],
  ["DELETE", "/users/:id", deleteUser],
  ["POST", "/users/:id/send-activation-email", sendActivationEmail],
  ["POST", "/users/:id/password", setPassword],
  ["GET", "/users/:id/access_policies", getAccessPolicies],
  ["PUT", "/users/:id/access_policies", putAccessPolicies],
];

/** Routes any signed-in user may call, administrator or not. */
const ANY_USER_ROUTES = new Set(["/users/me"]);

export interface AcronisApp {
  /** Everything under /api/2: the emulated API. A fault-injection layer wraps this function. */
  handleApi: RequestHandler;
  /** Everything under /_emulator: inspection and control, without authentication. */
  handleControl: RequestHandler;
}

export function createAcronisApp(options: {
  stateFile?: string;
  log: RequestLog;
  faults: FaultInjector;
}): AcronisApp {
  const store = new Store(options.stateFile);
  const tokens = new TokenBook();
  const config = { current: { ...DEFAULT_CONFIG } as EmulatorConfig };

  /** Authenticates, parses the JSON body, holds the request to the contract, runs the handler, saves after a write. */
  const runApi =
    (path: string, handler: ApiHandler) =>
    (req: EmulatorRequest): EmulatorResponse => {
      const now = new Date();
      const caller = authenticate(req.headers, tokens, store.state, now);
      if (!ANY_USER_ROUTES.has(path)) requireAdministrator(store.state, caller);
      const body = jsonBody(req);
      requireConformingRequest(req);
      const reply = handler({
        state: store.state,
        config: config.current,
        caller,
        params: req.params,
        query: req.query,
        body,
        now,
        tokens,
      });
      if (req.method !== "GET") store.save();
      return toResponse(reply);
    };

  const api = new Router();
  api.add("POST", `${API_PREFIX}/idp/token`, (req) => {
    const now = new Date();
    const reply = issueToken({
      headers: req.headers,
      body: req.body,
      problems: contractProblems(req),
      state: store.state,
      tokens,
      config: config.current,
      now,
    });
    if (reply.status === 200) store.save();
    return toResponse(reply);
  });
  api.add("POST", `${API_PREFIX}/idp/ott/login`, (req) => {
    const body = jsonBody(req);
    requireConformingRequest(req);
    return rawResponse(
      loginWithOneTimeToken(store.state, tokens, body, config.current.tokenTtlSeconds, new Date()),
    );
  });
  api.add("GET", `${API_PREFIX}/idp/logout`, (req) => {
    requireConformingRequest(req);
    return rawResponse(logout(tokens, cookieValue(req.headers, SESSION_COOKIE)));
  });
  for (const [method, path, handler] of API_ROUTES)
    api.add(method, `${API_PREFIX}${path}`, runApi(path, handler));

  const control = controlRouter({
    store,
    tokens,
    log: options.log,
    faults: options.faults,
    config,
    json: (body, headers) => jsonBody({ method: "POST", body, headers } as EmulatorRequest),
    respond: toResponse,
  });
  return { handleApi: dispatch(api), handleControl: dispatch(control) };
}

/** Routes a request; 404 unknown path, 405 known path with another method, ApiError → platform error. */
function dispatch(router: Router): RequestHandler {
  return async (req) => {
    try {
      const match = router.match(req.method, req.path);
      if ("status" in match) throw new ApiError(match.status, match.status, `${req.method} ${req.path}`);
      return await match.handler({ ...req, params: match.params });
    } catch (err) {
      if (err instanceof ApiError) return toResponse({ status: err.status, body: errorBody(err) });
      return toResponse({ status: 500, body: errorBody(new ApiError(500, 1000, String(err))) });
    }
  };
}

// Choice: 415 only when a non-empty body is not JSON; an empty body (send-activation-email) needs no Content-Type.
function jsonBody(req: EmulatorRequest): unknown {
  if (req.method === "GET" || req.method === "DELETE" || req.body.trim() === "") return undefined;
  if (mediaType(req.headers["content-type"] as string | undefined) !== "application/json") {
    throw new ApiError(415, 415, "the request body must be sent as Content-Type: application/json");
  }
  try {
    return JSON.parse(req.body);
  } catch {
    throw invalid("the request body is not valid JSON");
  }
}

/** An injected failure in the platform's error shape, the HTTP status doubling as the error code. */
export const platformFailure: FailureAnswer = (status, reason) =>
  toResponse({ status, body: errorBody(new ApiError(status, status, reason)) });

function rawResponse(answer: RawAnswer): EmulatorResponse {
  const response = toResponse({ status: answer.status, body: answer.body });
  return answer.cookie
    ? { ...response, headers: { ...response.headers, "Set-Cookie": answer.cookie } }
    : response;
}

function toResponse(reply: Reply): EmulatorResponse {
  if (reply.body === undefined) return { status: reply.status };
  return {
    status: reply.status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify(reply.body),
  };
}
