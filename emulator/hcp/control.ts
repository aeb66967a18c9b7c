import type { FaultInjector } from "../core/faultInjection";
import { FaultSettingsError, readFaultSettings } from "../core/faults";
import type { RequestLog } from "../core/requestLog";
import { type EmulatorRequest, type EmulatorResponse, type RouteHandler, Router } from "../core/router";
import { md5Hex } from "./auth";
import { badRequest, MapiError, notFound } from "./errors";
import { formatTimestamp } from "./formats";
import type { HcpHandler } from "./mapi";
import { newNamespace, quotaOfBytes } from "./namespaceState";
import { checkNamespaceName, checkUsername } from "./rules";
import {
  type Account,
  type EmulatorConfig,
  findTenant,
  type HcpState,
  type HcpStore,
  type Namespace,
  type Role,
  SYSTEM_ROLES,
  sameName,
  TENANT_ROLES,
  USAGE_FIGURES,
  type Usage,
  upsertAccount,
} from "./state";
import { newTenantAccount } from "./userAccountProperties";

export const isControlPath = (path: string): boolean =>
  path === "/_emulator" || path.startsWith("/_emulator/");

const json = (status: number, content: unknown): EmulatorResponse => ({
  status,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(content),
});

/** The emulator's own API under /_emulator/: any Host, no authentication, JSON in and out. */
export function createControlHandler(store: HcpStore, log: RequestLog, faults: FaultInjector): HcpHandler {
  const router = new Router()
    .add("GET", "/_emulator/state", () => json(200, withoutSecrets(store.state)))
    .add("GET", "/_emulator/requests", () => json(200, log.list("hcp")))
    .add("POST", "/_emulator/reset", () => {
      store.reset();
      return json(200, { reset: true });
    })
    .add("POST", "/_emulator/namespaces", changing(store, seedNamespace))
    .add("DELETE", "/_emulator/namespaces/:tenant/:name", changing(store, removeNamespace))
    .add("POST", "/_emulator/namespaces/:tenant/:name/objects", changing(store, putObjects))
    .add("DELETE", "/_emulator/namespaces/:tenant/:name/objects", changing(store, removeObjects))
    .add("POST", "/_emulator/users", changing(store, addUser))
    .add("POST", "/_emulator/config", changing(store, configure))
    // Choice: POST /_emulator/reset leaves the fault plan alone; only POST /_emulator/faults changes it.
    .add("GET", "/_emulator/faults", () => json(200, faults.report()))
    .add("POST", "/_emulator/faults", (req) => {
      faults.configure(faultSettingsOf(req, faults));
      return json(200, faults.report());
    });
  return async (req) => {
    try {
      const match = router.match(req.method, req.path);
      if ("status" in match)
        return json(match.status, { error: `no control endpoint ${req.method} ${req.path}` });
      return await match.handler({ ...req, params: match.params });
    } catch (err) {
      if (err instanceof MapiError) return json(err.status, { error: err.message });
      throw err;
    }
  };
}

function faultSettingsOf(req: EmulatorRequest, faults: FaultInjector) {
  try {
    return readFaultSettings(jsonValue(req), faults.settings);
  } catch (err) {
    if (err instanceof FaultSettingsError) throw badRequest(err.message);
    throw err;
  }
}

/** Runs a state change and saves it; the change answers with what it made. */
const changing =
  (store: HcpStore, change: (state: HcpState, req: EmulatorRequest) => unknown): RouteHandler =>
  (req) => {
    const result = change(store.state, req);
    store.commit();
    return json(200, result);
  };

/** The state as JSON, with accounts reduced to names, roles and flags. */
function withoutSecrets(state: HcpState): unknown {
  const account = ({ username, roles, forcePasswordChange }: Account) => ({
    username,
    roles,
    forcePasswordChange,
  });
  return {
    ...state,
    systemUsers: state.systemUsers.map(account),
    tenants: state.tenants.map((tenant) => ({ ...tenant, users: tenant.users.map(account) })),
  };
}

function jsonValue(req: EmulatorRequest): unknown {
  try {
    return JSON.parse(req.body);
  } catch {
    throw badRequest("The body must be JSON.");
  }
}

function jsonObject(req: EmulatorRequest, known: readonly string[]): Record<string, unknown> {
  const value = jsonValue(req);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw badRequest("The body must be an object.");
  const stray = Object.keys(value).find((key) => !known.includes(key));
  if (stray !== undefined) throw badRequest(`Unknown field '${stray}'.`);
  return value as Record<string, unknown>;
}

function text(value: unknown, name: string): string {
  if (typeof value !== "string" || value === "") throw badRequest(`'${name}' must be a non-empty string.`);
  return value;
}

function count(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw badRequest(`'${name}' must be a non-negative integer.`);
  }
  return value;
}

function tenantNamed(state: HcpState, value: unknown) {
  const name = text(value, "tenant");
  const tenant = findTenant(state, name);
  if (!tenant) throw notFound(`Tenant ${name} does not exist.`);
  return tenant;
}

const NAMESPACE_FIELDS = ["tenant", "name", "hardQuotaBytes", ...USAGE_FIGURES];

/**
 * Adds a namespace with usage figures to a tenant (its other settings the tenant's defaults), or replaces
 * the figures of one with that name. It takes `hardQuotaBytes` of the tenant's quota, else what it stores.
 */
function seedNamespace(state: HcpState, req: EmulatorRequest): { name: string; usage: Usage } {
  const body = jsonObject(req, NAMESPACE_FIELDS);
  const tenant = tenantNamed(state, body.tenant);
  const name = text(body.name, "name");
  checkNamespaceName(name);
  const usage = Object.fromEntries(USAGE_FIGURES.map((f) => [f, count(body[f] ?? 0, f)])) as Usage;
  const existing = tenant.namespaces.find((ns) => sameName(ns.name, name));
  const namespace = existing ?? newNamespace(tenant, name, formatTimestamp(Date.now(), 0));
  namespace.usage = usage;
  const allocation = body.hardQuotaBytes === undefined ? usage.storageCapacityUsed : body.hardQuotaBytes;
  namespace.settings.hardQuota = quotaOfBytes(count(allocation, "hardQuotaBytes"));
  if (!existing) tenant.namespaces.push(namespace);
  return { name: namespace.name, usage };
}

function namespaceNamed(state: HcpState, tenantName: string, name: string): Namespace {
  const namespace = tenantNamed(state, tenantName).namespaces.find((ns) => sameName(ns.name, name));
  if (!namespace) throw notFound(`Namespace ${name} does not exist.`);
  return namespace;
}

function removeNamespace(state: HcpState, req: EmulatorRequest): { removed: string } {
  const tenant = tenantNamed(state, req.params.tenant);
  const namespace = namespaceNamed(state, req.params.tenant, req.params.name);
  tenant.namespaces = tenant.namespaces.filter((ns) => ns !== namespace);
  return { removed: namespace.name };
}

// Choice: each object put by the control API is 1 KiB, written once.
const OBJECT_BYTES = 1024;

/** Puts `count` objects into a namespace (as if clients wrote them), so it is no longer empty. */
function putObjects(state: HcpState, req: EmulatorRequest): { name: string; objectCount: number } {
  const body = jsonObject(req, ["count"]);
  const added = count(body.count, "count");
  const namespace = namespaceNamed(state, req.params.tenant, req.params.name);
  const usage = namespace.usage;
  usage.objectCount += added;
  usage.ingestedVolume += added * OBJECT_BYTES;
  usage.storageCapacityUsed += added * OBJECT_BYTES;
  usage.bytesIn += added * OBJECT_BYTES;
  usage.writes += added;
  return { name: namespace.name, objectCount: usage.objectCount };
}

/** Removes every object of a namespace (as if clients deleted them): it is empty again. */
function removeObjects(state: HcpState, req: EmulatorRequest): { name: string; objectCount: number } {
  const namespace = namespaceNamed(state, req.params.tenant, req.params.name);
  const usage = namespace.usage;
  usage.deletes += usage.objectCount;
  for (const figure of ["objectCount", "ingestedVolume", "storageCapacityUsed"] as const) usage[figure] = 0;
  return { name: namespace.name, objectCount: 0 };
}

const USER_FIELDS = ["tenant", "username", "password", "passwordMd5", "roles", "forcePasswordChange"];

/** Adds (or replaces) an account: a tenant's when `tenant` is given, else a system-level one. */
function addUser(
  state: HcpState,
  req: EmulatorRequest,
): { tenant?: string; username: string; roles: Role[] } {
  const body = jsonObject(req, USER_FIELDS);
  const tenant = body.tenant === undefined ? undefined : tenantNamed(state, body.tenant);
  if (tenant?.isDefault) throw badRequest("The default tenant has no tenant-level accounts.");
  const username = text(body.username, "username");
  checkUsername(username);
  const fields = {
    username,
    roles: rolesOf(body.roles, tenant ? TENANT_ROLES : SYSTEM_ROLES),
    forcePasswordChange: body.forcePasswordChange === true,
  };
  const passwordMd5 = passwordMd5Of(body);
  const account: Account = tenant
    ? { ...newTenantAccount(state, fields), passwordMd5 }
    : { ...fields, passwordMd5 };
  if (account.profile) account.profile.passwordHistory = [passwordMd5];
  upsertAccount(tenant ? tenant.users : state.systemUsers, account);
  return { ...(tenant ? { tenant: tenant.name } : {}), username, roles: account.roles };
}

/** From `password`, or from `passwordMd5` for accounts known only by their token (as the seed's "allroles"). */
function passwordMd5Of(body: Record<string, unknown>): string {
  if ((body.password === undefined) === (body.passwordMd5 === undefined)) {
    throw badRequest("Give exactly one of 'password' and 'passwordMd5'.");
  }
  if (body.password !== undefined) return md5Hex(text(body.password, "password"));
  const digest = text(body.passwordMd5, "passwordMd5");
  if (!/^[0-9a-fA-F]{32}$/.test(digest)) throw badRequest("'passwordMd5' must be 32 hex digits.");
  return digest.toLowerCase();
}

function rolesOf(value: unknown, allowed: readonly Role[]): Role[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest("'roles' must be a non-empty array.");
  const wrong = value.find((role) => !allowed.includes(role));
  if (wrong !== undefined) throw badRequest(`Role '${String(wrong)}' is not one of ${allowed.join(", ")}.`);
  return [...new Set(value as Role[])];
}

function configure(state: HcpState, req: EmulatorRequest): EmulatorConfig {
  const body = jsonObject(req, ["softwareVersion", "headMissingStatus"]);
  const softwareVersion =
    body.softwareVersion === undefined ? undefined : text(body.softwareVersion, "softwareVersion");
  if (softwareVersion !== undefined && !/^[\x21-\x7e]+$/.test(softwareVersion)) {
    throw badRequest("'softwareVersion' must be printable ASCII without spaces.");
  }
  if (
    body.headMissingStatus !== undefined &&
    body.headMissingStatus !== 302 &&
    body.headMissingStatus !== 404
  ) {
    throw badRequest("'headMissingStatus' must be 302 or 404.");
  }
  state.config = {
    softwareVersion: softwareVersion ?? state.config.softwareVersion,
    headMissingStatus: (body.headMissingStatus as 302 | 404 | undefined) ?? state.config.headMissingStatus,
  };
  return state.config;
}
