/**
 * A loopback proxy in front of the Acronis emulator that gives each answer the shape the vendor documents at
 * its widest: every documented nullable field the answer lacks comes as null, and every object carries a
 * field the provider has never heard of. A provider that reads through it meets what the document allows.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { acronisChecker, acronisContract } from "../../contract";
import type { Schema } from "../../contract/document";
import { mergeDefinitions, resolvedIn } from "../../contract/schemas";
import { readBody } from "../../emulator/core/router";

export const UNKNOWN_FIELD = "x_field_the_provider_does_not_know";

const definitions = mergeDefinitions(acronisContract.files);

const resolved = (schema: unknown): Schema | undefined => resolvedIn(definitions, schema);

function branches(schema: Schema | undefined): Schema[] {
  if (!schema) return [];
  const members = (schema.anyOf ?? schema.oneOf ?? schema.allOf ?? []) as unknown[];
  return [schema, ...members.map(resolved).filter((b): b is Schema => b !== undefined)];
}

export function allowsNull(schema: unknown): boolean {
  return branches(resolved(schema)).some((b) => ([] as unknown[]).concat(b.type ?? []).includes("null"));
}

/**
 * `value` widened as the module says: an unknown field on every object, and null for every absent field
 * that the schema, or any of its `anyOf`/`oneOf` branches, documents as nullable.
 */
export function widened(schema: unknown, value: unknown): unknown {
  const own = branches(resolved(schema));
  if (Array.isArray(value)) {
    const items = own.map((b) => b.items).find((i) => i !== undefined);
    return value.map((v) => widened(items, v));
  }
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const branch of own) {
    for (const [name, property] of Object.entries((branch.properties ?? {}) as Record<string, unknown>)) {
      if (!(name in out)) {
        if (allowsNull(property)) out[name] = null;
      } else out[name] = widened(property, out[name]);
    }
  }
  out[UNKNOWN_FIELD] = { note: "not in the contract" };
  return out;
}

export interface DocumentedProxy {
  baseUrl: string;
  /** Answers widened so far. */
  widenedAnswers(): number;
  close(): Promise<void>;
}

/** Starts the proxy in front of `target` (an emulator's base URL ending in /api/2). */
export async function startDocumentedProxy(target: string): Promise<DocumentedProxy> {
  const origin = new URL(target).origin;
  let count = 0;
  const server: Server = createServer((req, res) => {
    forward(req, origin)
      .then(({ status, headers, body }) => {
        const answer = widenedBody(req, status, headers, body);
        if (answer !== body) count++;
        res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(answer)) });
        res.end(answer);
      })
      .catch((err: Error) => {
        res.writeHead(502).end(err.message);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${new URL(target).pathname}`,
    widenedAnswers: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function forward(req: IncomingMessage, origin: string) {
  const body = await readBody(req);
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(
      ([k, v]) => typeof v === "string" && k !== "host" && k !== "connection",
    ),
  ) as Record<string, string>;
  const method = req.method ?? "GET";
  const answer = await fetch(`${origin}${req.url}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" || body === "" ? undefined : body,
  });
  const kept: Record<string, string> = {};
  answer.headers.forEach((value, key) => {
    if (key === "content-type" || key === "retry-after") kept[key] = value;
  });
  return { status: answer.status, headers: kept, body: await answer.text() };
}

function widenedBody(req: IncomingMessage, status: number, headers: Record<string, string>, body: string) {
  if (status >= 300 || !headers["content-type"]?.startsWith("application/json")) return body;
  const path = new URL(req.url ?? "/", "http://proxy.invalid").pathname;
  const schema = acronisChecker().match(req.method ?? "GET", path)?.operation.responses[String(status)]
    ?.schema;
  return schema ? JSON.stringify(widened(schema, JSON.parse(body))) : body;
}
