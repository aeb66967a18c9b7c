import type { EmulatorRequest, EmulatorResponse } from "../core/router";
import type { Caller } from "./auth";
import { badRequest, forbidden, notFound } from "./errors";
import {
  answerFormat,
  type BodyFormat,
  bodyFormat,
  MEDIA_TYPES,
  parseBody,
  readBoolean,
  renderDocument,
} from "./formats";
import { findTenant, type HcpStore, sameName, type Tenant } from "./state";

/** One authenticated MAPI request and what it acts on. */
export interface MapiContext {
  req: EmulatorRequest;
  caller: Caller;
  store: HcpStore;
  domain: string;
}

export type MapiHandler = (ctx: MapiContext) => EmulatorResponse;

export const isVerbose = (ctx: MapiContext): boolean => readBoolean(ctx.req.query.get("verbose") ?? "false");

/** The tenant named in the URL; a tenant-level caller may only name its own (403 before any lookup). */
export function tenantOf(ctx: MapiContext): Tenant {
  const name = ctx.req.params.tenant;
  if (ctx.caller.level === "tenant" && !sameName(ctx.caller.tenant.name, name)) {
    throw forbidden(`This account cannot access tenant ${name}.`);
  }
  const tenant = findTenant(ctx.store.state, name);
  if (!tenant) throw notFound(`Tenant ${name} does not exist.`);
  return tenant;
}

/** A GET answer: `content` as XML under `root`, or as JSON, as Accept asks. */
export function documentAnswer(ctx: MapiContext, root: string, content: unknown): EmulatorResponse {
  const format = answerFormat(ctx.req.headers.accept, false) as BodyFormat;
  return textAnswer(format, renderDocument(root, content, format, ctx.req.query.has("prettyprint")));
}

export const textAnswer = (format: keyof typeof MEDIA_TYPES, body: string): EmulatorResponse => ({
  status: 200,
  headers: { "Content-Type": MEDIA_TYPES[format] },
  body,
});

/** A PUT/POST success: 200 with no body; some resources also name a Content-Type. */
export const emptyAnswer = (contentType?: string): EmulatorResponse => ({
  status: 200,
  headers: contentType ? { "Content-Type": contentType } : {},
});

/** The request body's format and properties; XML must use one of `roots` as its root element. */
export function requestBody(
  ctx: MapiContext,
  roots: readonly string[],
): { format: BodyFormat; properties: Record<string, unknown> } {
  if (ctx.req.body.trim() === "") throw badRequest("This request needs a body.");
  const format = bodyFormat(ctx.req.headers["content-type"]);
  return { format, properties: parseBody(ctx.req.body, format, roots) };
}

/** 400 for a property the resource does not have, then 403 for one this request may not set. */
export function checkPropertyNames(
  properties: Record<string, unknown>,
  known: readonly string[],
  settable: readonly string[],
  resource: string,
): void {
  const names = Object.keys(properties);
  const unknown = names.find((name) => !known.includes(name));
  if (unknown !== undefined) throw badRequest(`'${unknown}' is not a valid property of ${resource}.`);
  const locked = names.find((name) => !settable.includes(name));
  if (locked !== undefined) throw forbidden(`'${locked}' of ${resource} cannot be set by this request.`);
}
