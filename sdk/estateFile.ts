import { readFileSync } from "node:fs";
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import { isMap, LineCounter, type Node, parseDocument } from "yaml";
import estateSchema from "../estate.schema.json";

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

export type EstateTenantKind = "partner" | "folder" | "customer";

/** A tenant of the file, with its place: its path in the file and its parent's entry (none: the top). */
export interface PlacedTenant {
  kind: EstateTenantKind;
  entry: EstateReseller | EstateCustomer;
  path: (string | number)[];
  parent?: PlacedTenant;
}

/** Every Acronis tenant of a section (by default the top level), each parent before its children. */
export function placedTenants(section: { acronis?: EstateAcronisSection; path?: string[] }): PlacedTenant[] {
  const placed: PlacedTenant[] = [];
  const visit = (level: EstateTenantLevel, at: (string | number)[], parent?: PlacedTenant) => {
    for (const kind of ["partners", "folders", "customers"] as const) {
      (level[kind] ?? []).forEach((entry, i) => {
        const tenant: PlacedTenant = {
          kind: kind.slice(0, -1) as EstateTenantKind,
          entry,
          path: [...at, kind, i],
          parent,
        };
        placed.push(tenant);
        if (kind !== "customers") visit(entry as EstateReseller, tenant.path, tenant);
      });
    }
  };
  if (section.acronis) visit(section.acronis, [...(section.path ?? []), "acronis"]);
  return placed;
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

/** The default account's section, then each named account's, in the file's order. */
export function estateSections(estate: Estate): EstateSection[] {
  const named = Object.entries(estate.accounts ?? {}).map(([account, section]) => ({
    account,
    path: ["accounts", account],
    ...section,
  }));
  return [{ path: [], acronis: estate.acronis, hcp: estate.hcp }, ...named];
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

/**
 * Names that must be unique for the resources (and the APIs) to tell them apart: customer and tenant
 * names, their keys (the resource identities), logins, and the resource names logins give.
 */
function duplicates(estate: Estate, locate: (path: (string | number)[]) => string): string[] {
  const problems: string[] = [];
  /** Records `value` as `owner`'s; a repeat is reported at `path`, naming the first owner. Answers whether it was new. */
  const unique = (
    seen: Map<string, string>,
    value: string,
    path: (string | number)[],
    owner: string,
    hint = "",
  ) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, owner);
    else problems.push(`${locate(path)}: ${propertyName(path)} ${first}${hint}`);
    return first === undefined;
  };
  /** Checks names and identities (explicit keys, else slugs of names) of tenants, keys per `identity`. */
  const identities = (
    list: { item: { name: string; key?: string }; path: (string | number)[]; identity: string }[],
    nameOf: (n: string) => string,
  ) => {
    const names = new Map<string, string>();
    const keys = new Map<string, string>();
    for (const { item, path, identity } of list) {
      const where = propertyName(path);
      const named = unique(names, nameOf(item.name), [...path, "name"], `repeats the name of ${where}`);
      const key = `${identity}/${item.key ?? slug(item.name)}`;
      const owner =
        item.key !== undefined
          ? `repeats the key of ${where}`
          : `repeats the key of ${where} (the slug of its name, "${slug(item.name)}")`;
      // Without a key the identity is the name's slug: a repeated name is reported once, as a name.
      if (item.key !== undefined) unique(keys, key, [...path, "key"], owner);
      else if (named) unique(keys, key, [...path, "name"], owner, ": set a key of its own");
    }
  };
  for (const section of estateSections(estate)) sectionDuplicates(section, identities, unique);
  return problems;
}

type Unique = (
  seen: Map<string, string>,
  value: string,
  path: (string | number)[],
  owner: string,
  hint?: string,
) => boolean;
type Identities = (
  list: { item: { name: string; key?: string }; path: (string | number)[]; identity: string }[],
  nameOf: (n: string) => string,
) => void;

/** One account's names, keys and logins: each account is its own platform. */
function sectionDuplicates(section: EstateSection, identities: Identities, unique: Unique): void {
  const tenants = placedTenants(section);
  // Acronis names are unique in the whole hierarchy; keys name resources, one namespace per kind.
  identities(
    tenants.map((t) => ({ item: t.entry, path: t.path, identity: t.kind })),
    slug,
  );
  const logins = new Map<string, string>();
  const userNames = new Map<string, string>();
  for (const tenant of tenants) {
    if (tenant.kind !== "customer") continue;
    (tenant.entry as EstateCustomer).users?.forEach((u, j) => {
      const path = [...tenant.path, "users", j, "login"];
      const where = propertyName(path.slice(0, -1));
      if (unique(logins, u.login.toLowerCase(), path, `repeats the login of ${where}`))
        unique(
          userNames,
          slug(u.login),
          path,
          `gives the same resource name as ${where} ("${userResourceName(u.login)}"): logins must differ in more than case and punctuation`,
        );
    });
  }
  identities(
    (section.hcp?.tenants ?? []).map((item, i) => ({
      item,
      path: [...section.path, "hcp", "tenants", i],
      identity: "hcp",
    })),
    (n) => n.toLowerCase(),
  );
}

/** The User resource's name: by login, which is unique in the platform, so a user can move between customers. */
export function userResourceName(login: string): string {
  return `acronis-user-${slug(login)}`;
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
