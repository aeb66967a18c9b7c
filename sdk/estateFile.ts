import { readFileSync, statSync } from "node:fs";
import type { ErrorObject } from "ajv";
import { isMap, LineCounter, type Node, parseDocument, visit } from "yaml";
import { didYouMean } from "../provider/core/suggest";
import { duplicates } from "./estateDuplicates";
import { decodeEstate, sizeProblem, unmeantValues } from "./estateInput";
import { propertyName, slug } from "./estateNames";
import { type EstatePackage, expandPackages } from "./estatePackages";
import { schemaErrors } from "./estateSchema";
import type {
  CustomerTenantEstateFields,
  FolderTenantEstateFields,
  PartnerTenantEstateFields,
} from "./generated/estateFields";

/** Where the first alias is: the place to look in a file whose aliases expand too far. */
function firstAlias(root: Node | null): number | undefined {
  let offset: number | undefined;
  visit(root as Node, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** How far aliases may expand, as the `yaml` library counts it: ample for anchors a person writes. */
const maxAliases = 100;

export { maxEstateBytes } from "./estateInput";
export { propertyName, slug, userResourceName } from "./estateNames";
export { type EstatePackage, mergeSettings } from "./estatePackages";
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

/** A customer tenant: its resource's inputs (generated from the CustomerTenant spec), and what lives with it. */
export interface EstateCustomer extends CustomerTenantEstateFields {
  /** The identity of its resources: required in a file (`validate --write-keys` adds it), else the slug of the name. */
  key?: string;
  twoFactor?: boolean;
  offeringItems?: {
    name: string;
    applicationId?: string;
    infraId?: string;
    quota?: { value: number | null; overage?: number | null };
  }[];
  users?: EstateUser[];
  apiClients?: EstateApiClient[];
  /** A package of the file's `packages`, merged under the customer's own settings; default: the nearest `defaultPackage` above it. */
  package?: string;
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
export interface EstateReseller extends PartnerTenantEstateFields, FolderTenantEstateFields {
  /** The identity of its resources: required in a file (`validate --write-keys` adds it), else the slug of the name. */
  key?: string;
  offeringItems?: EstateCustomer["offeringItems"];
  apiClients?: EstateApiClient[];
  customers?: EstateCustomer[];
  partners?: EstateReseller[];
  folders?: EstateReseller[];
  defaultPackage?: string;
}

/** Where tenants live in the file: the API client's partner, or a partner or folder. */
export interface EstateTenantLevel {
  customers?: EstateCustomer[];
  partners?: EstateReseller[];
  folders?: EstateReseller[];
  /** The package of the customers below that name none. */
  defaultPackage?: string;
}

export interface EstateHcpTenant {
  /** The identity of its resources: required in a file (`validate --write-keys` adds it), else the slug of the name. */
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
  /** Named HCP tenant settings, which a tenant takes with `package: <name>`. */
  packages?: Record<string, EstatePackage>;
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
  /** Named customer settings, which a customer takes with `package: <name>` (or a `defaultPackage` above it). */
  packages?: Record<string, EstatePackage>;
  acronis?: EstateAcronisSection;
  hcp?: EstateHcpSection;
  /** Sections of named accounts: other Acronis data centers and HCP systems in the same stack. */
  accounts?: Record<string, { acronis?: EstateAcronisSection; hcp?: EstateHcpSection }>;
}

/** How many problems an error lists; the rest are counted, so a broken file still prints quickly. */
export const maxProblemsListed = 100;

/** An estate file that does not describe an estate: every problem (the first 100), each with file, line and property. */
export class EstateError extends Error {
  readonly problems: string[];
  /** `total`: how many problems there are, when only the first of them were described. */
  constructor(problems: string[], total = problems.length) {
    const listed =
      total > maxProblemsListed
        ? [...problems.slice(0, maxProblemsListed), `and ${total - maxProblemsListed} more`]
        : problems;
    super(`the estate file is not valid:\n  ${listed.join("\n  ")}`);
    this.name = "EstateError";
    this.problems = listed;
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

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const step of path) value = (value as Record<string | number, unknown> | null | undefined)?.[step];
  return value;
}

/** The line a keyless entry needs: the slug of its name, which its resources are named by until it has a key. */
export function missingKeyRule(entry: unknown): string {
  const name = (entry as { name?: unknown } | null)?.name;
  if (typeof name !== "string") return "is required";
  return `is required: add the line "key: ${slug(name)}", the slug of its name, which its resources are named by (renamed since its last up: the slug of the name it had); \`tenant-estates validate --write-keys\` adds it`;
}

/** The nearest allowed value to a misspelt one, e.g. `: did you mean "production"?`. */
function enumHint(value: unknown, allowed: readonly unknown[]): string {
  return typeof value === "string" ? didYouMean(value, allowed.map(String)) : "";
}

/** One line per schema error: where it is in the file, which property, and the rule it breaks. */
function describeSchemaError(
  error: ErrorObject,
  locate: (path: (string | number)[], key?: string) => string,
  estate: unknown,
): string {
  const path = pointerPath(error.instancePath);
  if (error.keyword === "required") {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    const rule = missing === "key" ? missingKeyRule(valueAt(estate, path)) : "is required";
    return `${locate(path)}: ${propertyName([...path, missing])} ${rule}`;
  }
  if (error.keyword === "additionalProperties") {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    return `${locate(path, extra)}: ${propertyName([...path, extra])} is not a known property${didYouMean(extra, known)}`;
  }
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const hint = nullHint(error.parentSchema);
  const rule = allowed
    ? `must be one of ${allowed.join(", ")}${enumHint(valueAt(estate, path), allowed)}`
    : error.message;
  return `${locate(path)}: ${propertyName(path)} ${rule}${hint}`;
}

/** ` (null means unlimited)`: what null stands for, from the description of a value that may be null. */
function nullHint(schema: unknown): string {
  const { type, description } = (schema ?? {}) as { type?: unknown; description?: unknown };
  const nullable = Array.isArray(type) && type.includes("null");
  return nullable && typeof description === "string" ? ` (${description})` : "";
}

/** The file's bytes, refused unread when it is over the size limit; a file that cannot be read throws as fs does. */
export function readEstateBytes(file: string): Uint8Array {
  const tooLarge = sizeProblem(file, statSync(file).size);
  if (tooLarge) throw new EstateError([tooLarge]);
  return readFileSync(file);
}

/** The file's text: decoded strictly from bytes (invalid UTF-8 is an error with its position), within the size limit. */
export function estateTextOf(file: string, content: string | Uint8Array): string {
  if (typeof content === "string") {
    const tooLarge = sizeProblem(file, Buffer.byteLength(content));
    if (tooLarge) throw new EstateError([tooLarge]);
    return content;
  }
  const decoded = decodeEstate(file, content);
  if ("problem" in decoded) throw new EstateError([decoded.problem]);
  return decoded.text;
}

/**
 * Reads and validates an estate file (YAML or JSON) against estate.schema.json before anything is
 * declared. Problems come back all at once, as `estate.yaml:12:9: acronis.customers[0].users[0].email …`.
 * Given no content, the file is read as bytes: invalid UTF-8 is an error with its line and column.
 */
export function loadEstate(file: string, content?: string | Uint8Array): Estate {
  const text = estateTextOf(file, content ?? readEstateBytes(file));
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
  let estate: unknown;
  try {
    estate = doc.toJS({ maxAliasCount: maxAliases });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    throw new EstateError([
      `${at(firstAlias(doc.contents))}: the file's aliases expand too far (over the limit of ${maxAliases} that guards against YAML alias bombs): write the values out`,
    ]);
  }
  const unmeant = unmeantValues(doc.contents, at);
  // A value the walk refused is reported once, by the walk: the schema's rule for it would repeat it.
  const errors = schemaErrors(estate).filter((e) => !unmeant.paths.has(e.instancePath));
  // Only the problems listed are described: locating each in the document is the costly part.
  const room = Math.max(0, maxProblemsListed - unmeant.problems.length);
  const described = errors.slice(0, room).map((e) => describeSchemaError(e, locate, estate));
  const total = unmeant.problems.length + errors.length;
  if (total > 0) throw new EstateError([...unmeant.problems, ...described], total);
  const packaged = expandPackages(estate as Estate, locate);
  if (packaged.problems.length > 0) throw new EstateError(packaged.problems);
  const repeated = duplicates(packaged.estate, locate);
  if (repeated.length > 0) throw new EstateError(repeated);
  return packaged.estate;
}
