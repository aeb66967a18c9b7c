import { Agent as HttpsAgent } from "node:https";
import { rootCertificates } from "node:tls";
import type { AccessHints } from "../core/accessHints";
import { ConfigurationError, NetworkError, NotFoundError } from "../core/errors";
import { type ApiLimits, KeyedMutex, Semaphore } from "../core/limits";
import { normaliseBoolean } from "../core/normalise";
import type { RetryPolicy } from "../core/retryTiming";
import { Transport, type TransportRequest, type TransportResponse } from "../core/transport";
import { hcpAuthorization } from "./auth";
import { hcpError, withoutSecrets } from "./errors";
import {
  type ChargebackQuery,
  type ChargebackRow,
  type ConsoleSecurity,
  type ContactInfo,
  consoleSecurityShape,
  contactInfoShape,
  type EmailNotification,
  emailNotificationShape,
  type InitialUser,
  type NamespaceDefaults,
  namespaceDefaultsShape,
  type Permission,
  type ReportFormat,
  type SearchSecurity,
  type ServicePlan,
  searchSecurityShape,
  servicePlanShape,
  statisticsShape,
  type Tenant,
  type TenantListQuery,
  type TenantModification,
  type TenantSettings,
  type TenantStatistics,
  tenantShape,
} from "./types";
import {
  buildXml,
  buildXmlList,
  parseXmlList,
  parseXmlObject,
  type Shape,
  typed,
  type XmlObject,
} from "./xml";

/** Where and as whom to reach MAPI. */
export interface HcpConnection {
  /** The HCP system's domain, e.g. `hcp.example.com`. */
  domain: string;
  /** MAPI port, 9090 on every HCP system. */
  port: number;
  username: string;
  password: string;
  /**
   * The tenant the account belongs to; absent for a system-level account. It picks the host the
   * request names: `<tenant>.<domain>`, or `admin.<domain>` for the system.
   */
  accountTenant?: string;
  /** The IP address or host name actually connected to, when the realm's name does not resolve. */
  address?: string;
  /** PEM text of a CA to trust besides the public ones (a self-signed HCP certificate). */
  caCert?: string;
  /** Turns TLS verification off; the caller warns the user. */
  insecureSkipVerify?: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  retry?: RetryPolicy;
  /** The settings to name when the credentials are refused or nothing answers. */
  access?: AccessHints;
}

type Call = Omit<TransportRequest, "headers">;

const enc = encodeURIComponent;
const xmlType = "application/xml";
// Choice: tenants are listed 100 names a page, offset counted from 0.
const tenantPageSize = 100;

/** The host a connection's requests name: the realm its account lives in. */
export function realmHost(connection: Pick<HcpConnection, "domain" | "accountTenant">): string {
  return `${connection.accountTenant ?? "admin"}.${connection.domain}`.toLowerCase();
}

/** The HCP Management API, one method per documented call. Speaks XML over HTTPS; knows nothing of Pulumi. */
export class HcpClient {
  /** `admin.<domain>` or `<tenant>.<domain>`. */
  readonly host: string;
  private readonly transport: Transport;
  private readonly authorization: string;
  private readonly hostHeader: string;

  constructor(
    connection: HcpConnection,
    private readonly limits: ApiLimits = { inFlight: new Semaphore(8), writes: new KeyedMutex() },
  ) {
    if (!/^[A-Za-z0-9.-]+$/.test(connection.domain)) {
      throw new ConfigurationError(
        `hcp:domain must be a DNS domain such as hcp.example.com, got "${connection.domain}"`,
      );
    }
    if (!Number.isInteger(connection.port) || connection.port < 1 || connection.port > 65535) {
      throw new ConfigurationError(`hcp:port must be a TCP port number, got ${connection.port}`);
    }
    this.host = realmHost(connection);
    this.hostHeader = `${this.host}:${connection.port}`;
    this.authorization = hcpAuthorization(connection.username, connection.password);
    const target = connection.address ?? this.host;
    this.transport = new Transport({
      vendor: "HCP",
      baseUrl: `https://${target.includes(":") ? `[${target}]` : target}:${connection.port}/mapi`,
      timeoutMs: connection.timeoutMs ?? 30_000,
      maxResponseBytes: connection.maxResponseBytes,
      retry: connection.retry,
      limiter: limits.inFlight,
      httpsAgent: realmAgent(this.host, connection),
      toError: hcpError,
      access: connection.access,
    });
  }

  /** Sends one call as this account, to this realm; answers are XML unless another media type is asked. */
  call<T = string>(request: Call, mediaType = xmlType): Promise<TransportResponse<T>> {
    const headers: Record<string, string> = {
      Authorization: this.authorization,
      Host: this.hostHeader,
      Accept: mediaType,
    };
    if (request.data !== undefined) headers["Content-Type"] = xmlType;
    return this.transport.send<T>({ ...request, headers }).catch((err: unknown) => {
      throw withTlsHint(err, this.host);
    });
  }

  /** GET of an XML document; undefined when the resource does not exist (404). */
  async getDocument<T>(path: string, root: string, shape: Shape, verbose = false): Promise<T | undefined> {
    const answer = await this.call({
      method: "GET",
      path,
      params: verbose ? { verbose: true } : undefined,
      accept: [404],
      operation: `GET ${path}`,
    });
    if (answer.status === 404) return undefined;
    return typed<T>(shape, parseXmlObject(text(answer.data), root, `GET ${path}`));
  }

  /** POST of a partial document: what it leaves out stays unchanged, so repeating it is safe. */
  async postDocument(path: string, root: string, body: object): Promise<void> {
    await this.call({
      method: "POST",
      path,
      data: buildXml(root, body as XmlObject),
      idempotent: true,
      operation: `POST ${path}`,
    });
  }

  /** Runs a read-modify-write of lists HCP replaces whole, one at a time per `key`. */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.limits.writes.run(key, task);
  }

  // --- tenants (system level)

  /** Tenant names. With `count` one page is returned; without it every page is fetched. */
  async listTenants(query: TenantListQuery = {}): Promise<string[]> {
    if (query.count !== undefined) return this.tenantPage(query);
    const names: string[] = [];
    for (let offset = query.offset ?? 0; ; offset += tenantPageSize) {
      const page = await this.tenantPage({ ...query, offset, count: tenantPageSize });
      names.push(...page);
      if (page.length < tenantPageSize) return names;
    }
  }

  private async tenantPage(query: TenantListQuery): Promise<string[]> {
    const answer = await this.call({
      method: "GET",
      path: "/tenants",
      params: { ...query },
      operation: "GET /tenants",
    });
    return parseXmlList(text(answer.data), "tenants", "name", "GET /tenants").map(String);
  }

  /** Every property the account may see, read-only ones included (verbose); undefined when absent. */
  getTenant(name: string): Promise<Tenant | undefined> {
    return this.getDocument<Tenant>(`/tenants/${enc(name)}`, "tenant", tenantShape, true);
  }

  /** HEAD: HCP answers 302 or 404 for a tenant that is missing (or hidden from this account). */
  async tenantExists(name: string): Promise<boolean> {
    const path = `/tenants/${enc(name)}`;
    const answer = await this.call({ method: "HEAD", path, accept: [302, 404], operation: `HEAD ${path}` });
    return answer.status === 200;
  }

  /**
   * PUT /tenants. The initial user travels as query parameters, which HCP requires; they never appear
   * in an operation name, and any echo of the password in HCP's error message is cut out.
   */
  async createTenant(settings: TenantSettings, initialUser?: InitialUser): Promise<void> {
    const params = initialUser
      ? {
          username: initialUser.username,
          password: initialUser.password,
          forcePasswordChange: initialUser.forcePasswordChange,
        }
      : undefined;
    try {
      await this.call({
        method: "PUT",
        path: "/tenants",
        params,
        // Not repeated blindly: a repeat of an applied create answers 409; the provider adopts instead.
        idempotent: false,
        data: buildXml("tenant", settings as XmlObject),
        operation: `PUT /tenants (create tenant "${settings.name}")`,
      });
    } catch (err) {
      throw withoutSecrets(err, initialUser ? [initialUser.password] : []);
    }
  }

  /**
   * POST /tenants/{name}: only the given settings change; given lists replace the old ones whole. A
   * system-level account sets the system-level settings, a tenant's account the tenant-level ones.
   */
  modifyTenant(name: string, settings: TenantModification): Promise<void> {
    return this.postDocument(`/tenants/${enc(name)}`, "tenant", settings);
  }

  /** DELETE; a tenant already gone counts as deleted. HCP refuses one that still owns namespaces. */
  async deleteTenant(name: string): Promise<void> {
    const path = `/tenants/${enc(name)}`;
    await this.call({ method: "DELETE", path, accept: [404], operation: `DELETE ${path}` });
  }

  // --- tenant settings (tenant level, or system level where the tenant allows administration)

  getConsoleSecurity(tenant: string): Promise<ConsoleSecurity | undefined> {
    return this.getDocument(settingPath(tenant, "consoleSecurity"), "consoleSecurity", consoleSecurityShape);
  }

  setConsoleSecurity(tenant: string, settings: ConsoleSecurity): Promise<void> {
    return this.postDocument(settingPath(tenant, "consoleSecurity"), "consoleSecurity", settings);
  }

  getSearchSecurity(tenant: string): Promise<SearchSecurity | undefined> {
    return this.getDocument(settingPath(tenant, "searchSecurity"), "searchSecurity", searchSecurityShape);
  }

  setSearchSecurity(tenant: string, settings: SearchSecurity): Promise<void> {
    return this.postDocument(settingPath(tenant, "searchSecurity"), "searchSecurity", settings);
  }

  getContactInfo(tenant: string): Promise<ContactInfo | undefined> {
    return this.getDocument(settingPath(tenant, "contactInfo"), "contactInfo", contactInfoShape);
  }

  setContactInfo(tenant: string, settings: ContactInfo): Promise<void> {
    return this.postDocument(settingPath(tenant, "contactInfo"), "contactInfo", settings);
  }

  getEmailNotification(tenant: string): Promise<EmailNotification | undefined> {
    return this.getDocument(
      settingPath(tenant, "emailNotification"),
      "emailNotification",
      emailNotificationShape,
    );
  }

  setEmailNotification(tenant: string, settings: EmailNotification): Promise<void> {
    return this.postDocument(settingPath(tenant, "emailNotification"), "emailNotification", settings);
  }

  getNamespaceDefaults(tenant: string): Promise<NamespaceDefaults | undefined> {
    return this.getDocument(
      settingPath(tenant, "namespaceDefaults"),
      "namespaceDefaults",
      namespaceDefaultsShape,
    );
  }

  setNamespaceDefaults(tenant: string, settings: NamespaceDefaults): Promise<void> {
    return this.postDocument(settingPath(tenant, "namespaceDefaults"), "namespaceDefaults", settings);
  }

  /** The tenant's data access permission mask; undefined when the tenant does not exist. */
  async getPermissions(tenant: string): Promise<Permission[] | undefined> {
    const path = settingPath(tenant, "permissions");
    const answer = await this.call({ method: "GET", path, accept: [404], operation: `GET ${path}` });
    if (answer.status === 404) return undefined;
    return parseXmlList(text(answer.data), "permissions", "permission", `GET ${path}`).map(
      String,
    ) as Permission[];
  }

  /** Replaces the mask; HCP adds DELETE to PURGE and READ to SEARCH. */
  async setPermissions(tenant: string, permissions: readonly Permission[]): Promise<void> {
    const path = settingPath(tenant, "permissions");
    await this.call({
      method: "POST",
      path,
      data: buildXmlList("permissions", "permission", permissions),
      idempotent: true,
      operation: `POST ${path}`,
    });
  }

  // --- reports

  async getStatistics(tenant: string): Promise<TenantStatistics> {
    return required(
      await this.getDocument(settingPath(tenant, "statistics"), "statistics", statisticsShape),
      `GET ${settingPath(tenant, "statistics")}`,
    );
  }

  /** Names of the plans the tenant may give its namespaces (only with servicePlanSelectionEnabled). */
  async listAvailableServicePlans(tenant: string): Promise<string[]> {
    const path = settingPath(tenant, "availableServicePlans");
    const answer = await this.call({ method: "GET", path, operation: `GET ${path}` });
    return parseXmlList(text(answer.data), "availableServicePlans", "name", `GET ${path}`).map(String);
  }

  async getAvailableServicePlan(tenant: string, plan: string): Promise<ServicePlan> {
    const path = `${settingPath(tenant, "availableServicePlans")}/${enc(plan)}`;
    return required(await this.getDocument(path, "availableServicePlan", servicePlanShape), `GET ${path}`);
  }

  /** The chargeback report in any of its formats, read into the same rows. */
  async getChargebackReport(
    tenant: string,
    query: ChargebackQuery = {},
    format: ReportFormat = "xml",
  ): Promise<ChargebackRow[]> {
    const path = settingPath(tenant, "chargebackReport");
    const answer = await this.call<unknown>(
      { method: "GET", path, params: { ...query }, operation: `GET ${path}` },
      reportMediaTypes[format],
    );
    return parseChargebackReport(answer.data, format, `GET ${path}`);
  }
}

const reportMediaTypes: Record<ReportFormat, string> = {
  xml: xmlType,
  json: "application/json",
  csv: "text/csv",
};

const settingPath = (tenant: string, resource: string): string => `/tenants/${enc(tenant)}/${resource}`;

/** An answer's body as text (XML arrives as a string). */
export function text(data: unknown): string {
  return typeof data === "string" ? data : JSON.stringify(data);
}

function required<T>(value: T | undefined, operation: string): T {
  if (value === undefined) throw new NotFoundError({ vendor: "HCP", operation, status: 404 });
  return value;
}

/**
 * TLS for one realm: SNI and certificate check against the realm's host name (not the address
 * connected to), public CAs plus `caCert`, or no verification at all when asked.
 */
function realmAgent(host: string, connection: HcpConnection): HttpsAgent {
  return new HttpsAgent({
    servername: host,
    ca: connection.caCert ? [...rootCertificates, connection.caCert] : undefined,
    rejectUnauthorized: connection.insecureSkipVerify !== true,
  });
}

/** A refused certificate says how to trust it, rather than only "no answer". */
export function withTlsHint(err: unknown, host: string): unknown {
  if (!(err instanceof NetworkError)) return err;
  const code = String(err.code ?? "");
  if (!/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/.test(code)) return err;
  return new NetworkError({
    vendor: "HCP",
    operation: err.operation,
    code: err.code,
    vendorMessage:
      `the TLS certificate of ${host} is not trusted (${code}): set hcp:caCert to the PEM of the CA that ` +
      "signed it (HCP's own certificate when self-signed), or hcp:insecureSkipVerify to skip the check",
  });
}

const textColumns = new Set(["systemName", "tenantName", "namespaceName", "startTime", "endTime", "deleted"]);

/** One report line with its figures as numbers, `valid` as a boolean and the names as text. */
export function chargebackRow(fields: Record<string, unknown>): ChargebackRow {
  const row: Record<string, string | number | boolean> = { namespaceName: "" };
  for (const [column, value] of Object.entries(fields)) {
    const raw = value === undefined || value === null ? "" : value;
    if (column === "valid") row.valid = normaliseBoolean(raw) ?? false;
    else if (textColumns.has(column)) row[column] = String(raw);
    else
      row[column] =
        typeof raw === "number" || /^-?\d+(\.\d+)?$/.test(String(raw)) ? Number(raw) : String(raw);
  }
  return row as ChargebackRow;
}

/** Rows from an XML (`<chargebackReport><chargebackData>…`), JSON (`{"chargebackData":[…]}`) or CSV report. */
export function parseChargebackReport(data: unknown, format: ReportFormat, what: string): ChargebackRow[] {
  if (format === "csv") return parseCsv(text(data)).map(chargebackRow);
  if (format === "json") {
    const document = (typeof data === "string" ? JSON.parse(data) : data) as { chargebackData?: unknown };
    const lines = document?.chargebackData;
    return (Array.isArray(lines) ? lines : lines ? [lines] : []).map((line) =>
      chargebackRow(line as Record<string, unknown>),
    );
  }
  return parseXmlList(text(data), "chargebackReport", "chargebackData", what).map((line) =>
    chargebackRow(line as Record<string, unknown>),
  );
}

/** RFC 4180 CSV with a header line into one record per line. */
export function parseCsv(csv: string): Record<string, string>[] {
  const lines = csvRecords(csv);
  const [header, ...records] = lines;
  if (!header) return [];
  return records.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ""])));
}

function csvRecords(csv: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && csv[i + 1] === "\n") i++;
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || cells.length > 0) records.push([...cells, cell]);
  return records.filter((record) => !(record.length === 1 && record[0] === ""));
}
