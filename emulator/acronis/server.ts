/** The Acronis Account Management API v2 emulator as a real HTTP server on loopback. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { acronisChecker } from "../../contract";
import { checkedRun } from "../core/contractCheck";
import { FaultInjector } from "../core/faultInjection";
import { DEFAULT_FAULT_SETTINGS } from "../core/faults";
import { guardedBody } from "../core/guards";
import { requestUrl, writeResponse } from "../core/router";
import type { AcronisInfo, RunningServer, ServerOptions } from "../types";
import {
  type AcronisApp,
  API_PREFIX,
  CONTROL_PREFIX,
  createAcronisApp,
  type ParsedRequest,
  platformFailure,
} from "./app";
import { API_CLIENT, API_CLIENT_SECRET } from "./catalog";
import { errorBody, fail, invalid } from "./errors";

export async function startAcronisEmulator(opts: ServerOptions): Promise<RunningServer<AcronisInfo>> {
  const faults = new FaultInjector(opts.faults ?? DEFAULT_FAULT_SETTINGS, {
    failure: platformFailure,
    log: opts.log,
    latencyMs: opts.latencyMs,
  });
  const app = createAcronisApp({ stateFile: opts.stateFile, log: opts.log, faults });
  const server = createServer((req, res) => {
    serve(app, faults, req, res).catch((err: Error) => {
      writeResponse(res, {
        status: 500,
        body: JSON.stringify({ error: { code: 500, message: err.message } }),
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    info: {
      baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
      clientId: API_CLIENT.clientId,
      clientSecret: API_CLIENT_SECRET,
      partnerTenantId: API_CLIENT.tenantId,
    },
    close: () => closeServer(server),
  };
}

// Choice: /_emulator calls are answered at once, are not logged and never get faults, so the log shows only API traffic.
async function serve(
  app: AcronisApp,
  faults: FaultInjector,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = requestUrl(req.url, "http://emulator.invalid");
  if (!url) {
    writeResponse(res, platformError(400, "the request target is not a valid URL"));
    return;
  }
  const control = url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`);
  const body = await guardedBody(req, res, "http", control, {
    crossOrigin: platformError(403, "cross-origin requests to the emulator's control API are refused"),
    tooLarge: platformError(413, "the request body is larger than the emulator accepts"),
  });
  if (body === undefined) return;
  const parsed: ParsedRequest = {
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
  };
  if (control) {
    writeResponse(res, await app.handleControl(parsed));
    return;
  }
  await faults.serveApi({
    res,
    run: checkedRun("acronis", acronisChecker, parsed, () => app.handleApi(parsed)),
    entry: { api: "acronis", method: parsed.method, path: parsed.path, query: loggedQuery(parsed.query) },
  });
}

/** A refusal in the platform's error format, answered before any route runs. */
function platformError(status: number, info: string) {
  return {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify(errorBody(status === 400 ? invalid(info) : fail(status, status, info))),
  };
}

/** The query string as logged: an `access_token` parameter is a credential, so its value is masked. */
function loggedQuery(query: URLSearchParams): string {
  const copy = new URLSearchParams(query);
  if (copy.has("access_token")) copy.set("access_token", "***");
  return copy.toString();
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
