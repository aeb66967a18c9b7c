import { readFileSync } from "node:fs";
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import { isMap, LineCounter, type Node, parseDocument } from "yaml";
import estateSchema from "../estate.schema.json";
import { duplicates } from "./estateDuplicates";
import { propertyName } from "./estateNames";

export { propertyName, slug, userResourceName } from "./estateNames";
export { type EstateTenantKind, estateSections, type PlacedTenant, placedTenants } from "./estatePlacement";

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
  /** The resource identity; defaults to the slug of the name. */
  key?: string;
  name: string;
  customerId?: string;
  internalTag?: string;
  language?: string;
  ancestralAccess?: boolean;
  enhancedSecurity?: boolean;
  pricingMode?: "trial" | "production";
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
  apiClients?: EstateApiClient[];
}

/** An API client of a tenant, for an integration; its secret is a secret output of the program. */
export interface EstateApiClient {
  /** The resource identity; defaults to the slug of the name. */
  key?: string;
  name: string;
  enabled?: boolean;
  redirectUris?: string[];
  tokenEndpointAuthMethod?: string;
  rotation?: string;
}

/** A partner or folder tenant, and what lives under it. */
export interface EstateReseller {
  /** The resource identity; defaults to the slug of the name. */
  key?: string;
  name: string;
  customerId?: string;
  internalTag?: string;
  language?: string;
  enabled?: boolean;
  deletionPolicy?: "delete" | "disable" | "retain";
  contact?: Record<string, string>;
  offeringItems?: EstateCustomer["offeringItems"];
  apiClients?: EstateApiClient[];
  customers?: EstateCustomer[];
  partners?: EstateReseller[];
  folders?: EstateReseller[];
}

/** Where tenants live in the file: the API client's partner, or a partner or folder. */
export interface EstateTenantLevel {
  customers?: EstateCustomer[];
  partners?: EstateReseller[];
  folders?: EstateReseller[];
}

export interface EstateHcpTenant {
  /** The resource identity; defaults to the slug of the name. */
  key?: string;
  name: string;
  hardQuota: string;
  initialUser?: { name: string; forcePasswordChange?: boolean };
  /** The tenant's settings documents, each managed by its resource (signed in as the initial user). */
  consoleSecurity?: Record<string, unknown>;
  searchSecurity?: Record<string, unknown>;
  contactInfo?: Record<string, unknown>;
  emailNotification?: Record<string, unknown>;
  namespaceDefaults?: Record<string, unknown>;
  permissions?: Record<string, unknown>;
  /** Tenant user accounts, made by the initial user; each starts with the secret hcpInitialUserPassword. */
  userAccounts?: ({ key?: string; username: string; roles?: string[] } & Record<string, unknown>)[];
  /** Namespaces, managed by the first ADMINISTRATOR account of userAccounts. */
  namespaces?: ({ key?: string; name: string } & Record<string, unknown>)[];
  deletionPolicy?: "delete" | "retain";
  [setting: string]: unknown;
}

export type EstateAcronisSection = EstateTenantLevel & { partnerTenantId?: string };
export interface EstateHcpSection {
  tenants: EstateHcpTenant[];
}

/** The part of a file one account serves: the top level (the default account), or one of `accounts`. */
export interface EstateSection {
  /** Absent: the default account. */
  account?: string;
  /** Where the section is in the file: [] or ["accounts", name]. */
  path: string[];
  acronis?: EstateAcronisSection;
  hcp?: EstateHcpSection;
}

export interface Estate {
  /** Take over existing objects of the same natural key instead of failing. */
  adopt?: boolean;
  acronis?: EstateAcronisSection;
  hcp?: EstateHcpSection;
  /** Sections of named accounts: other Acronis data centers and HCP systems in the same stack. */
  accounts?: Record<string, { acronis?: EstateAcronisSection; hcp?: EstateHcpSection }>;
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
