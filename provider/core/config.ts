import { createHash } from "node:crypto";
import { AcronisClient, type AcronisSettings } from "../acronis/client";
import { HcpClient, type HcpConnection } from "../hcp/client";
import { acronisAccessHints, hcpAccessHints } from "./accessHints";
import { limitsFor } from "./accounts";
import { ConfigurationError } from "./errors";
import { normaliseBoolean } from "./normalise";
import { isLoopbackUrl, readAllowInsecureHttp } from "./plainHttp";
import { defaultRetryPolicy, type RetryPolicy } from "./retryTiming";
import { defaultMaxResponseBytes } from "./transport";

/** The part of Pulumi's dynamic-provider Config the providers use. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

type Env = Record<string, string | undefined>;

export type Api = "acronis" | "hcp";

/** How hard and how long the providers try, per API; every value has a stack-config key and an env fallback. */
export interface ReliabilitySettings {
  /** Each HTTP request gives up after this long, connect to last byte (`<api>:requestTimeoutMs`, default 30 s). */
  requestTimeoutMs: number;
  /** Longest answer read (`<api>:maxResponseBytes`, default 128 MiB); a longer one is an error. */
  maxResponseBytes: number;
  /** A whole create/read/update/delete gives up after this long (`<api>:operationTimeoutMs`, default 10 min). */
  operationTimeoutMs: number;
  /** Attempts and backoff for requests that may be repeated (`<api>:retryAttempts`, `…BaseDelayMs`, `…MaxDelayMs`). */
  retry: RetryPolicy;
  /** Requests in flight to the API from this provider process (`<api>:maxConcurrentRequests`, default 8). */
  maxConcurrentRequests: number;
}

const reliabilityKeys = {
  requestTimeoutMs: { fallback: 30_000, min: 100 },
  maxResponseBytes: { fallback: defaultMaxResponseBytes, min: 1024 },
  operationTimeoutMs: { fallback: 600_000, min: 1000 },
  retryAttempts: { fallback: defaultRetryPolicy.attempts, min: 1 },
  retryBaseDelayMs: { fallback: defaultRetryPolicy.baseDelayMs, min: 0 },
  retryMaxDelayMs: { fallback: defaultRetryPolicy.maxDelayMs, min: 0 },
  maxConcurrentRequests: { fallback: 8, min: 1 },
} as const;

/** `acronis:retryAttempts` ↔ `ACRONIS_RETRY_ATTEMPTS` */
function envName(api: Api, key: string): string {
  return `${api}_${key.replace(/[A-Z]/g, (c) => `_${c}`)}`.toUpperCase();
}

export function readReliabilitySettings(
  api: Api,
  config: ConfigSource | undefined,
  env: Env = process.env,
): ReliabilitySettings {
  const read = (key: keyof typeof reliabilityKeys): number => {
    const { fallback, min } = reliabilityKeys[key];
    const raw = config?.get(`${api}:${key}`) ?? env[envName(api, key)];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new ConfigurationError(
        `${api}:${key} (or ${envName(api, key)}) must be a whole number ≥ ${min}, got "${raw}"`,
      );
    }
    return value;
  };
  return {
    requestTimeoutMs: read("requestTimeoutMs"),
    maxResponseBytes: read("maxResponseBytes"),
    operationTimeoutMs: read("operationTimeoutMs"),
    retry: {
      attempts: read("retryAttempts"),
      baseDelayMs: read("retryBaseDelayMs"),
      maxDelayMs: read("retryMaxDelayMs"),
    },
    maxConcurrentRequests: read("maxConcurrentRequests"),
  };
}

/**
 * Acronis settings from stack config (`acronis:*`, sent by the engine to `configure`), else from the
 * environment. Nothing here is ever captured in the serialized provider.
 */
export function readAcronisSettings(
  config: ConfigSource | undefined,
  env: Env = process.env,
): Partial<AcronisSettings> {
  const reliability = readReliabilitySettings("acronis", config, env);
  const baseUrl = config?.get("acronis:baseUrl") ?? env.ACRONIS_BASE_URL;
  const allowInsecureHttp = readAllowInsecureHttp(config, env);
  return {
    baseUrl,
    clientId: config?.get("acronis:clientId") ?? env.ACRONIS_CLIENT_ID,
    clientSecret: config?.get("acronis:clientSecret") ?? env.ACRONIS_CLIENT_SECRET,
    allowInsecureHttp,
    timeoutMs: reliability.requestTimeoutMs,
    maxResponseBytes: reliability.maxResponseBytes,
    retry: reliability.retry,
    maxConcurrentRequests: reliability.maxConcurrentRequests,
  };
}

/** Names every missing setting, with both ways to provide it. */
export function completeAcronisSettings(settings: Partial<AcronisSettings>): AcronisSettings {
  const missing = (
    [
      ["baseUrl", "ACRONIS_BASE_URL"],
      ["clientId", "ACRONIS_CLIENT_ID"],
      ["clientSecret", "ACRONIS_CLIENT_SECRET"],
    ] as const
  ).filter(([key]) => !settings[key]);
  if (missing.length > 0) {
    const list = missing.map(([key, env]) => `acronis:${key} (or ${env})`).join(", ");
    throw new ConfigurationError(
      `Acronis is not configured: set ${list}, e.g. \`pulumi config set --secret acronis:clientSecret …\``,
    );
  }
  return settings as AcronisSettings;
}

// Plain objects, not Maps: a provider serialized by value (SDK loaded from a local path) keeps working.
const acronisClients: Record<string, AcronisClient> = {};

/**
 * One client, hence one token, per distinct set of credentials in this provider process. Plain http
 * beyond this machine (allowed by acronis:allowInsecureHttp) is announced each time such a client is made.
 */
export function acronisClientFor(
  settings: AcronisSettings,
  account?: string,
  warn: (message: string) => void = console.warn,
): AcronisClient {
  const key = createHash("sha256")
    .update(`${settings.baseUrl}\n${settings.clientId}\n${settings.clientSecret}`)
    .digest("hex");
  if (!acronisClients[key]) {
    const limit = settings.maxConcurrentRequests ?? reliabilityKeys.maxConcurrentRequests.fallback;
    const access = acronisAccessHints(settings.baseUrl, account);
    acronisClients[key] = new AcronisClient({ ...settings, access }, limitsFor("acronis", account, limit));
    if (/^http:/i.test(settings.baseUrl) && !isLoopbackUrl(settings.baseUrl)) {
      warn(
        `Acronis: plain http to ${new URL(settings.baseUrl).host} (acronis:allowInsecureHttp): the client secret and tokens go over the network in clear`,
      );
    }
  }
  return acronisClients[key];
}

/** Connection settings for HCP's Management API, shared by every HCP resource of a stack. */
export interface HcpSettings {
  /** The HCP system's domain: MAPI is reached at admin.<domain> and <tenant>.<domain>. */
  domain: string;
  port: number;
  /** A system-level account (ADMINISTRATOR role for tenants; MONITOR suffices for reads). */
  username: string;
  password: string;
  /** The IP address or host name actually connected to, when the realm names do not resolve. */
  address?: string;
  /** PEM text of an extra CA to trust, e.g. the HCP system's self-signed certificate. */
  caCert?: string;
  /** Skips TLS verification; a warning says so whenever a client is made. */
  insecureSkipVerify?: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  retry?: RetryPolicy;
  maxConcurrentRequests?: number;
}

/** An account of one tenant, used instead of the system-level account for that tenant's settings. */
export interface HcpTenantAccount {
  tenant: string;
  username: string;
  password: string;
}

export const defaultHcpPort = 9090;

/**
 * HCP settings from stack config (`hcp:*`), else from the environment. Malformed values (a port that is
 * not a number, a boolean that is not one) are refused here rather than guessed at.
 */
export function readHcpSettings(
  config: ConfigSource | undefined,
  env: Env = process.env,
): Partial<HcpSettings> {
  const value = (key: string, envName: string) => config?.get(`hcp:${key}`) ?? env[envName] ?? undefined;
  const port = value("port", "HCP_PORT");
  const insecure = value("insecureSkipVerify", "HCP_INSECURE_SKIP_VERIFY");
  const reliability = readReliabilitySettings("hcp", config, env);
  return {
    domain: value("domain", "HCP_DOMAIN"),
    port: port === undefined || port === "" ? undefined : parsePort(port),
    username: value("username", "HCP_USERNAME"),
    password: value("password", "HCP_PASSWORD"),
    address: value("address", "HCP_ADDRESS") || undefined,
    caCert: value("caCert", "HCP_CA_CERT") || undefined,
    insecureSkipVerify: insecure === undefined || insecure === "" ? undefined : parseFlag(insecure),
    timeoutMs: reliability.requestTimeoutMs,
    maxResponseBytes: reliability.maxResponseBytes,
    retry: reliability.retry,
    maxConcurrentRequests: reliability.maxConcurrentRequests,
  };
}

function parsePort(text: string): number {
  const port = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || port < 1 || port > 65535) {
    throw new ConfigurationError(`hcp:port (or HCP_PORT) must be a TCP port number, got "${text}"`);
  }
  return port;
}

function parseFlag(text: string): boolean {
  const flag = normaliseBoolean(text);
  if (flag === undefined) {
    throw new ConfigurationError(
      `hcp:insecureSkipVerify (or HCP_INSECURE_SKIP_VERIFY) must be true or false, got "${text}"`,
    );
  }
  return flag;
}

/**
 * Names every missing setting, with both ways to provide it; the port defaults to 9090. Resources that
 * bring a tenant's own account need only the connection, not the system-level account.
 */
export function completeHcpSettings(settings: Partial<HcpSettings>, needsSystemAccount = true): HcpSettings {
  const required = [
    ["domain", "HCP_DOMAIN"],
    ["username", "HCP_USERNAME"],
    ["password", "HCP_PASSWORD"],
  ] as const;
  const missing = required.filter(([key]) => !settings[key] && (needsSystemAccount || key === "domain"));
  if (missing.length > 0) {
    const list = missing.map(([key, env]) => `hcp:${key} (or ${env})`).join(", ");
    throw new ConfigurationError(
      `HCP is not configured: set ${list}, e.g. \`pulumi config set --secret hcp:password …\``,
    );
  }
  return { ...settings, port: settings.port ?? defaultHcpPort } as HcpSettings;
}

const hcpClients: Record<string, HcpClient> = {};

/**
 * One client per distinct connection and account in this provider process: the system-level account,
 * or `account` (a tenant's own user) when given. Turning TLS verification off is announced each time
 * such a client is made.
 */
export function hcpClientFor(
  settings: HcpSettings,
  account?: HcpTenantAccount,
  warn: (message: string) => void = console.warn,
  namedAccount?: string,
): HcpClient {
  const connection: HcpConnection = {
    domain: settings.domain,
    port: settings.port,
    address: settings.address,
    caCert: settings.caCert,
    insecureSkipVerify: settings.insecureSkipVerify,
    username: account?.username ?? settings.username,
    password: account?.password ?? settings.password,
    accountTenant: account?.tenant,
    timeoutMs: settings.timeoutMs,
    maxResponseBytes: settings.maxResponseBytes,
    retry: settings.retry,
    access: hcpAccessHints(settings, account === undefined, namedAccount),
  };
  const key = createHash("sha256").update(JSON.stringify(connection)).digest("hex");
  let client = hcpClients[key];
  if (!client) {
    const limit = settings.maxConcurrentRequests ?? reliabilityKeys.maxConcurrentRequests.fallback;
    client = new HcpClient(connection, limitsFor("hcp", namedAccount, limit));
    if (connection.insecureSkipVerify) {
      warn(
        `HCP: TLS certificate verification is OFF for ${client.host} (hcp:insecureSkipVerify); ` +
          "set hcp:caCert to the system's CA certificate instead",
      );
    }
    hcpClients[key] = client;
  }
  return client;
}
