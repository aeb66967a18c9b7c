import { readFileSync } from "node:fs";
import type * as pulumi from "@pulumi/pulumi";
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import { isMap, LineCounter, type Node, parseDocument } from "yaml";
import estateSchema from "../estate.schema.json";
import { AccessPolicy } from "./accessPolicy";
import { CustomerTenant } from "./customerTenant";
import { HcpConsoleSecurity, type HcpConsoleSecurityArgs } from "./hcpConsoleSecurity";
import { HcpTenant, type HcpTenantArgs } from "./hcpTenant";
import { OfferingItems } from "./offeringItems";
import { TenantMfa } from "./tenantMfa";
import { User } from "./user";

export interface EstateUser {
  login: string;
  email: string;
  firstname?: string;
  lastname?: string;
  phone?: string;
  language?: string;
  enabled?: boolean;
  sendActivationEmail?: boolean;
  roles?: string[];
}

export interface EstateCustomer {
  name: string;
  customerId?: string;
  internalTag?: string;
  language?: string;
  ancestralAccess?: boolean;
  enhancedSecurity?: boolean;
  enabled?: boolean;
  deletionPolicy?: "delete" | "disable" | "retain";
  contact?: Record<string, string>;
  twoFactor?: boolean;
  offeringItems?: {
    name: string;
    applicationId?: string;
    infraId?: string;
    quota?: { value: number | null; overage?: number | null };
  }[];
  users?: EstateUser[];
}

export interface EstateHcpTenant {
  name: string;
  hardQuota: string;
  initialUser?: { name: string; forcePasswordChange?: boolean };
  consoleSecurity?: Record<string, unknown>;
  deletionPolicy?: "delete" | "retain";
  [setting: string]: unknown;
}

export interface Estate {
  acronis?: { partnerTenantId?: string; customers: EstateCustomer[] };
  hcp?: { tenants: EstateHcpTenant[] };
}

/** An estate file that does not describe an estate: every problem, each with file, line and property. */
export class EstateError extends Error {
  constructor(readonly problems: string[]) {
    super(`the estate file is not valid:\n  ${problems.join("\n  ")}`);
    this.name = "EstateError";
  }
}

/** `/acronis/customers/0/users/1/email` → ["acronis","customers",0,"users",1,"email"] */
function pointerPath(pointer: string): (string | number)[] {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `acronis.customers[0].users[1].email` */
export function propertyName(path: readonly (string | number)[]): string {
  return (
    path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(the file)"
  );
}

/** One line per schema error: where it is in the file, which property, and the rule it breaks. */
function describeSchemaError(
  error: ErrorObject,
  locate: (path: (string | number)[], key?: string) => string,
): string {
  const path = pointerPath(error.instancePath);
  if (error.keyword === "required") {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${locate(path)}: ${propertyName([...path, missing])} is required`;
  }
  if (error.keyword === "additionalProperties") {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `${locate(path, extra)}: ${propertyName([...path, extra])} is not a known property`;
  }
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const rule = allowed ? `must be one of ${allowed.join(", ")}` : error.message;
  return `${locate(path)}: ${propertyName(path)} ${rule}`;
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateEstate = ajv.compile(estateSchema);

/**
 * Reads and validates an estate file (YAML or JSON) against estate.schema.json before anything is
 * declared. Problems come back all at once, as `estate.yaml:12:9: acronis.customers[0].users[0].email …`.
 */
export function loadEstate(file: string, text?: string): Estate {
  text ??= readFileSync(file, "utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return file;
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors.length > 0)
    throw new EstateError(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split("\n")[0]}`));
  const locate = (path: (string | number)[], key?: string): string => {
    const node = (path.length === 0 ? doc.contents : doc.getIn(path, true)) as Node | null | undefined;
    if (key && node && isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      return at((pair?.key as Node | undefined)?.range?.[0] ?? node.range?.[0]);
    }
    return at(node?.range?.[0]);
  };
  const estate = doc.toJS() as unknown;
  if (!validateEstate(estate))
    throw new EstateError((validateEstate.errors ?? []).map((e) => describeSchemaError(e, locate)));
  const problems = duplicates(estate as Estate, locate);
  if (problems.length > 0) throw new EstateError(problems);
  return estate as Estate;
}

/** Names that must be unique for the resources (and the APIs) to tell them apart. */
function duplicates(estate: Estate, locate: (path: (string | number)[]) => string): string[] {
  const problems: string[] = [];
  const once = (seen: Map<string, number>, key: string, path: (string | number)[], what: string) => {
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(`${locate(path)}: ${propertyName(path)} repeats the ${what} of item ${first}`);
    else seen.set(key, path[path.length - 2] as number);
  };
  const customers = new Map<string, number>();
  const logins = new Map<string, number>();
  estate.acronis?.customers.forEach((c, i) => {
    once(customers, slug(c.name), ["acronis", "customers", i, "name"], "name");
    c.users?.forEach((u, j) => {
      once(logins, u.login.toLowerCase(), ["acronis", "customers", i, "users", j, "login"], "login");
    });
  });
  const tenants = new Map<string, number>();
  estate.hcp?.tenants.forEach((t, i) => {
    once(tenants, t.name.toLowerCase(), ["hcp", "tenants", i, "name"], "name");
  });
  return problems;
}

/** A resource-name fragment from a display name: `Customer, Inc` → `customer-inc`. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "x"
  );
}

export interface DeclareEstateOptions {
  /** Used for customers when the file does not name a partner. */
  partnerTenantId?: pulumi.Input<string>;
  /** Password of every HCP tenant's initial user, also used to sign in for its console security. */
  hcpInitialUserPassword?: pulumi.Input<string>;
}

/** Declares the estate's resources; resource names derive from customer names, logins and tenant names. */
export function declareEstate(estate: Estate, options: DeclareEstateOptions = {}) {
  const customers = (estate.acronis?.customers ?? []).map((c) => {
    const key = `acronis-${slug(c.name)}`;
    const parentId = estate.acronis?.partnerTenantId ?? options.partnerTenantId;
    if (!parentId)
      throw new Error(
        "acronis.partnerTenantId is not set in the estate file or the stack config (partnerTenantId)",
      );
    const tenant = new CustomerTenant(key, {
      name: c.name,
      parentId,
      customerId: c.customerId,
      internalTag: c.internalTag,
      language: c.language,
      ancestralAccess: c.ancestralAccess,
      enhancedSecurity: c.enhancedSecurity,
      enabled: c.enabled,
      contact: c.contact,
      deletionPolicy: c.deletionPolicy,
    });
    if (c.twoFactor !== undefined)
      new TenantMfa(`${key}-mfa`, { tenantId: tenant.tenantId, enabled: c.twoFactor });
    const items =
      c.offeringItems &&
      new OfferingItems(`${key}-offering-items`, { tenantId: tenant.tenantId, items: c.offeringItems });
    const users = (c.users ?? []).map((u) => {
      const user = new User(`${key}-${slug(u.login)}`, {
        tenantId: tenant.tenantId,
        login: u.login,
        contact: { email: u.email, firstname: u.firstname, lastname: u.lastname, phone: u.phone },
        language: u.language,
        enabled: u.enabled,
        sendActivationEmail: u.sendActivationEmail,
      });
      if (u.roles) {
        // Roles come after the offering items: granting them enables the items for the account.
        new AccessPolicy(
          `${key}-${slug(u.login)}-roles`,
          { userId: user.userId, roles: u.roles as never },
          { dependsOn: items ? [items] : [] },
        );
      }
      return { login: u.login, userId: user.userId };
    });
    return { name: c.name, tenantId: tenant.tenantId, users };
  });
  const hcpTenants = (estate.hcp?.tenants ?? []).map((t) => {
    const { initialUser, consoleSecurity, ...settings } = t;
    const key = `hcp-${slug(t.name)}`;
    const password = options.hcpInitialUserPassword;
    if (initialUser && password === undefined)
      throw new Error(
        `hcp tenant ${t.name} has an initialUser: set the secret stack config hcpInitialUserPassword`,
      );
    // The schema admits only HcpTenant's own settings here.
    const tenant = new HcpTenant(key, {
      ...(settings as unknown as HcpTenantArgs),
      initialUserName: initialUser?.name,
      initialUserPassword: initialUser ? password : undefined,
      forcePasswordChange: initialUser?.forcePasswordChange,
    });
    if (consoleSecurity) {
      new HcpConsoleSecurity(`${key}-console-security`, {
        ...(consoleSecurity as Omit<HcpConsoleSecurityArgs, "tenant">),
        tenant: tenant.name,
        username: initialUser?.name,
        password: initialUser ? password : undefined,
      });
    }
    return { name: t.name, tenantId: tenant.tenantId };
  });
  return { customers, hcpTenants };
}
