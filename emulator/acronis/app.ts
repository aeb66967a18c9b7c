/** The request pipeline: one function per plane, each taking a parsed request and returning the answer. */
import type { FailureAnswer, FaultInjector } from "../core/faultInjection";
import { FaultSettingsError, readFaultSettings } from "../core/faults";
import type { RequestLog } from "../core/requestLog";
import { type EmulatorRequest, type EmulatorResponse, Router } from "../core/router";
import { getAccessPolicies, putAccessPolicies } from "./accessPolicies";
import { authenticate, getClient, issueToken, TokenBook } from "./auth";
import type { ApiHandler, Reply } from "./call";
import { ApiError, errorBody, invalid } from "./errors";
import { asObject, mediaType, optBool, optInt } from "./input";
import { getMfaStatus, putMfaStatus } from "./mfa";
import { DEFAULT_CONFIG, type EmulatorConfig } from "./model";
import { availableForChild, getOfferingItems, putOfferingItems } from "./offeringItems";
import { getPricing, putPricing } from "./pricing";
import { Store } from "./state";
import {
  createTenant,
  deleteTenant,
  getTenant,
  listChildren,
  listTenantApplications,
  listTenants,
  listTenantUsers,
  updateTenant,
} from "./tenants";
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

/** A request as read off the wire, before routing. */
export type ParsedRequest = Omit<EmulatorRequest, "params">;
export type RequestHandler = (req: ParsedRequest) => Promise<EmulatorResponse>;

export const API_PREFIX = "/api/2";
export const CONTROL_PREFIX = "/_emulator";

/** Order matters where patterns overlap: /users/check_login before /users/:id. */
const API_ROUTES: ReadonlyArray<[method: string, path: string, handler: ApiHandler]> = [
  ["GET", "/clients/:id", getClient],
  ["POST", "/tenants", createTenant],
  ["GET", "/tenants", listTenants],
  ["GET", "/tenants/:id", getTenant],
  ["PUT", "/tenants/:id", updateTenant],
  ["DELETE", "/tenants/:id", deleteTenant],
  ["GET", "/tenants/:id/children", listChildren],
  ["GET", "/tenants/:id/users", listTenantUsers],
  ["GET", "/tenants/:id/applications", listTenantApplications],
  ["GET", "/tenants/:id/pricing", getPricing],
  ["PUT", "/tenants/:id/pricing", putPricing],
  ["GET", "/tenants/:id/mfa/status", getMfaStatus],
  ["PUT", "/tenants/:id/mfa/status", putMfaStatus],
  ["GET", "/tenants/:id/offering_items/available_for_child", availableForChild],
  ["GET", "/tenants/:id/offering_items", getOfferingItems],
  ["PUT", "/tenants/:id/offering_items", putOfferingItems],
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
  let config: EmulatorConfig = { ...DEFAULT_CONFIG };

  /** Authenticates, parses the JSON body, runs the handler and saves the state after a successful write. */
  const runApi =
    (handler: ApiHandler) =>
    (req: EmulatorRequest): EmulatorResponse => {
      const now = new Date();
      const caller = authenticate(req.headers, req.query, tokens, now);
      const body = jsonBody(req);
      const reply = handler({
        state: store.state,
        config,
        caller,
        params: req.params,
        query: req.query,
        body,
        now,
      });
      if (req.method !== "GET") store.save();
      return toResponse(reply);
    };

  const api = new Router();
  api.add("POST", `${API_PREFIX}/idp/token`, (req) =>
    toResponse(issueToken(req.headers, req.body, tokens, config, new Date())),
  );
  for (const [method, path, handler] of API_ROUTES) api.add(method, `${API_PREFIX}${path}`, runApi(handler));

  const control = new Router()
    .add("GET", `${CONTROL_PREFIX}/state`, () => toResponse({ status: 200, body: store.state }))
    .add("GET", `${CONTROL_PREFIX}/requests`, () =>
      toResponse({ status: 200, body: { items: options.log.list("acronis") } }),
    )
    .add("GET", `${CONTROL_PREFIX}/emails`, () =>
      toResponse({ status: 200, body: { items: store.state.outbox } }),
    )
    // Choice: a reset also restores the default config; tokens already issued stay valid.
    .add("POST", `${CONTROL_PREFIX}/reset`, () => {
      store.reset();
      options.log.clear("acronis");
      config = { ...DEFAULT_CONFIG };
      return toResponse({ status: 204 });
    })
    .add("POST", `${CONTROL_PREFIX}/expire-tokens`, () => {
      tokens.expireAll(new Date());
      return toResponse({ status: 204 });
    })
    .add("GET", `${CONTROL_PREFIX}/config`, () => toResponse({ status: 200, body: config }))
    .add("POST", `${CONTROL_PREFIX}/config`, (req) => {
      config = { ...config, ...readConfig(jsonBody(req)) };
      return toResponse({ status: 200, body: config });
    })
    // Choice: POST /_emulator/reset leaves the fault plan alone; only POST /_emulator/faults changes it.
    .add("GET", `${CONTROL_PREFIX}/faults`, () => toResponse({ status: 200, body: options.faults.report() }))
    .add("POST", `${CONTROL_PREFIX}/faults`, (req) => {
      options.faults.configure(faultSettingsOf(jsonBody(req), options.faults));
      return toResponse({ status: 200, body: options.faults.report() });
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
  if (mediaType(req.headers["content-type"]) !== "application/json") {
    throw new ApiError(415, 415, "the request body must be sent as Content-Type: application/json");
  }
  try {
    return JSON.parse(req.body);
  } catch {
    throw invalid("the request body is not valid JSON");
  }
}

function faultSettingsOf(body: unknown, faults: FaultInjector) {
  try {
    return readFaultSettings(body, faults.settings);
  } catch (err) {
    if (err instanceof FaultSettingsError) throw invalid(err.message);
    throw err;
  }
}

/** An injected failure in the platform's error shape, the HTTP status doubling as the error code. */
export const platformFailure: FailureAnswer = (status, reason) =>
  toResponse({ status, body: errorBody(new ApiError(status, status, reason)) });

function readConfig(body: unknown): Partial<EmulatorConfig> {
  const input = asObject(body, "config");
  const ttl = optInt(input, "tokenTtlSeconds");
  if (ttl !== undefined && ttl < 1) throw invalid(`"tokenTtlSeconds" must be at least 1`);
  const requireDisabled = optBool(input, "requireDisabledUserDelete");
  return {
    ...(ttl === undefined ? {} : { tokenTtlSeconds: ttl }),
    ...(requireDisabled === undefined ? {} : { requireDisabledUserDelete: requireDisabled }),
  };
}

function toResponse(reply: Reply): EmulatorResponse {
  if (reply.body === undefined) return { status: reply.status };
  return {
    status: reply.status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify(reply.body),
  };
}
