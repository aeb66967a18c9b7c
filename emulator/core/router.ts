import type { IncomingMessage, ServerResponse } from "node:http";

/** One request as the emulators see it: parsed once, handed to a route. */
export interface EmulatorRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** Raw body text ("" when none). */
  body: string;
  /** Values captured by `:name` segments of the route pattern. */
  params: Record<string, string>;
}

/** What a route answers; the server writes it. */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export type RouteHandler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/** A method + path-pattern table; `:name` segments capture, everything else matches literally. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: splitPath(pattern), handler });
    return this;
  }

  /** The route for a request, or why there is none (404 unknown path, 405 known path with another method). */
  match(
    method: string,
    path: string,
  ): { handler: RouteHandler; params: Record<string, string> } | { status: 400 | 404 | 405 } {
    const segments = splitPath(path);
    let pathKnown = false;
    for (const route of this.routes) {
      let params: Record<string, string> | undefined;
      try {
        params = matchSegments(route.segments, segments);
      } catch {
        return { status: 400 }; // malformed percent-encoding: the client's mistake, never a 500 it would retry
      }
      if (!params) continue;
      pathKnown = true;
      if (route.method === method) return { handler: route.handler, params };
    }
    return { status: pathKnown ? 405 : 404 };
  }
}

function splitPath(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith(":")) params[p.slice(1)] = decodeURIComponent(actual[i]);
    else if (p !== actual[i]) return undefined;
  }
  return params;
}

/** The request target as a URL, or undefined when it is not one (e.g. `//[`): answered 400, never a crash. */
export function requestUrl(target: string | undefined, base: string): URL | undefined {
  try {
    return new URL(target ?? "/", base);
  } catch {
    return undefined;
  }
}

/** Reads the whole body of a request as UTF-8 text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Writes an EmulatorResponse, with Content-Length always set. */
export function writeResponse(res: ServerResponse, answer: EmulatorResponse): void {
  const body = answer.body ?? "";
  res.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(body).toString() });
  res.end(body);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
