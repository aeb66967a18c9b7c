import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { hcpChecker } from "../../contract";
import { checkedRun } from "../core/contractCheck";
import { FaultInjector } from "../core/faultInjection";
import { DEFAULT_FAULT_SETTINGS } from "../core/faults";
import { guardedBody } from "../core/guards";
import { type EmulatorRequest, type EmulatorResponse, requestUrl, writeResponse } from "../core/router";
import type { HcpInfo, RunningServer, ServerOptions } from "../types";
import { md5Hex } from "./auth";
import { makeSelfSignedCertificate } from "./certificate";
import { createControlHandler, isControlPath } from "./control";
import { formatTimestamp } from "./formats";
import { createMapiHandler, type HcpHandler, mapiFailure } from "./mapi";
import { type Account, HcpStore, initialState } from "./state";
import { upgradeState } from "./stateUpgrade";

export type { HcpHandler } from "./mapi";

// Choice: the emulated system's domain is fixed to hcp.example.com, the documentation's.
const DOMAIN = "hcp.example.com";
const ADMIN_USERNAME = "admin";
/** Query parameters whose values never reach the request log. */
const SECRET_PARAMETERS = ["password", "resetPasswords"];

/** Starts the HCP MAPI emulator over HTTPS with a certificate made for this run. */
export async function startHcpEmulator(opts: ServerOptions): Promise<RunningServer<HcpInfo>> {
  const certificate = await makeSelfSignedCertificate(DOMAIN);
  // Choice: the built-in system administrator gets a fresh random password at every start; state files keep only MD5s.
  const password = `${randomBytes(12).toString("base64url")}-7a`;
  const admin: Account = {
    username: ADMIN_USERNAME,
    passwordMd5: md5Hex(password),
    roles: ["ADMINISTRATOR", "MONITOR", "SECURITY", "COMPLIANCE"],
    forcePasswordChange: false,
  };
  const store = HcpStore.open(
    opts.stateFile,
    () => initialState(admin, formatTimestamp(Date.now(), 0)),
    admin,
  );
  upgradeState(store.state);
  const faults = new FaultInjector(opts.faults ?? DEFAULT_FAULT_SETTINGS, {
    failure: (status, reason) => mapiFailure(store, status, reason),
    log: opts.log,
    latencyMs: opts.latencyMs,
  });
  const handlers = {
    control: createControlHandler(store, opts.log, faults),
    mapi: createMapiHandler(store, DOMAIN),
  };
  const server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    serve(handlers, faults, req, res).catch((err: Error) => writeResponse(res, internalError(err)));
  });
  const port = await listen(server, opts.port, opts.host);
  return {
    info: {
      url: `https://${opts.host}:${port}`,
      domain: DOMAIN,
      username: ADMIN_USERNAME,
      password,
      caCertPath: certificate.certPath,
    },
    close: async () => {
      await stop(server);
      await rm(certificate.directory, { recursive: true, force: true });
    },
  };
}

/** The control API under /_emulator/ (logged, never faulted), the MAPI everywhere else. */
async function serve(
  handlers: { control: HcpHandler; mapi: HcpHandler },
  faults: FaultInjector,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = requestUrl(req.url, "https://emulator.invalid");
  if (!url) {
    writeResponse(res, { status: 400, headers: { "X-HCP-ErrorMessage": "Malformed URL." } });
    return;
  }
  const body = await guardedBody(req, res, "https", isControlPath(url.pathname), {
    crossOrigin: hcpRefusal(403, "Cross-origin requests to the emulator's control API are refused."),
    tooLarge: hcpRefusal(413, "Request body too large."),
  });
  if (body === undefined) return;
  const request: EmulatorRequest = {
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
    params: {},
  };
  const exchange = {
    res,
    entry: {
      api: "hcp" as const,
      method: request.method,
      path: request.path,
      query: withoutSecrets(url.searchParams),
    },
  };
  if (isControlPath(request.path)) {
    await faults.serveControl({ ...exchange, run: () => handlers.control(request).catch(internalError) });
  } else {
    const run = () => handlers.mapi(request).catch(internalError);
    await faults.serveApi({ ...exchange, run: checkedRun("hcp", hcpChecker, request, run) });
  }
}

/** HCP answers a refusal with its status and the reason in X-HCP-ErrorMessage, no body. */
function hcpRefusal(status: number, message: string): EmulatorResponse {
  return { status, headers: { "X-HCP-ErrorMessage": message } };
}

function internalError(err: Error): EmulatorResponse {
  process.stderr.write(`hcp emulator: ${err.stack ?? err.message}\n`);
  return { status: 500, headers: { "X-HCP-ErrorMessage": "Internal error." } };
}

function withoutSecrets(query: URLSearchParams): string {
  const logged = new URLSearchParams(query);
  for (const name of SECRET_PARAMETERS) if (logged.has(name)) logged.set(name, "***");
  return logged.toString();
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
