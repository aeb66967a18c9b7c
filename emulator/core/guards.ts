import type { IncomingMessage, ServerResponse } from "node:http";
import { type EmulatorResponse, writeResponse } from "./router";

/**
 * The largest request body either emulator reads.
 * Choice: 1 MiB. Neither vendor documents a limit; the largest body the providers send (a tenant's
 * offering items, an HCP settings document) is a few kilobytes, and 413 is RFC 9110's status for it.
 */
export const maxRequestBodyBytes = 1024 * 1024;

/**
 * The body as UTF-8 text, or undefined once it passes `limit`: a Content-Length above it is refused
 * before any byte is read, and a body without one stops being read at the limit, so none is held whole.
 */
export function readLimitedBody(
  req: IncomingMessage,
  limit = maxRequestBodyBytes,
): Promise<string | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.off("data", onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Answers a request whose body was not read whole, then closes the connection: the rest of the body
 * is never read (Node would otherwise drain it to reuse the connection).
 */
export function refuseUnreadBody(req: IncomingMessage, res: ServerResponse, answer: EmulatorResponse): void {
  writeResponse(res, { ...answer, headers: { ...answer.headers, Connection: "close" } });
  res.once("finish", () => {
    // End our side and let the client read the answer; stop reading theirs at once.
    req.socket.end();
    req.socket.pause();
    // Choice: one second for the client to read the answer, then the connection is gone whatever it sends.
    setTimeout(() => req.socket.destroy(), 1000).unref();
  });
}

/**
 * Whether a browser sent this request from a page of another origin: an `Origin` other than the
 * emulator's own (`<scheme>://<Host>`), or `Sec-Fetch-Site: cross-site`. Non-browser clients send neither.
 */
export function isCrossOriginBrowserRequest(req: IncomingMessage, scheme: "http" | "https"): boolean {
  if (String(req.headers["sec-fetch-site"] ?? "").toLowerCase() === "cross-site") return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  return origin.toLowerCase() !== `${scheme}://${req.headers.host ?? ""}`.toLowerCase();
}

/** Each vendor's way to refuse a request before any route runs. */
export interface Refusals {
  crossOrigin: EmulatorResponse;
  tooLarge: EmulatorResponse;
}

/**
 * The front door both emulators share: a browser's cross-origin request to the control API is refused,
 * then the body is read up to the limit (before authentication and any parsing). Undefined: refused and answered.
 * Choice: a body that fails while being read (the client went away) counts as empty; its answer goes nowhere.
 */
export async function guardedBody(
  req: IncomingMessage,
  res: ServerResponse,
  scheme: "http" | "https",
  control: boolean,
  refusals: Refusals,
): Promise<string | undefined> {
  if (control && isCrossOriginBrowserRequest(req, scheme)) {
    refuseUnreadBody(req, res, refusals.crossOrigin);
    return undefined;
  }
  const body = await readLimitedBody(req).catch(() => "");
  if (body === undefined) refuseUnreadBody(req, res, refusals.tooLarge);
  return body;
}
