import { createHash } from "node:crypto";
import { type AccessHints, pair, setting } from "../core/accessHints";
import { limitsFor } from "../core/accounts";
import {
  type ConfigSource,
  defaultMaxConcurrentRequests,
  type Env,
  readReliabilitySettings,
} from "../core/config";
import { ConfigurationError } from "../core/errors";
import { normaliseBoolean } from "../core/normalise";
import type { RetryPolicy } from "../core/retryTiming";
import { HcpClient, type HcpConnection } from "./client";

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

/** One HCP setting: `hcp:<key>` from stack config, else its environment variable. */
const hcpValue = (config: ConfigSource | undefined, env: Env, key: string, envName: string) =>
  config?.get(`hcp:${key}`) ?? env[envName] ?? undefined;

/** The system a provider talks to, as given: `hcp:domain` and `hcp:port` (text), else HCP_DOMAIN, HCP_PORT. */
export function readHcpSystem(
  config: ConfigSource | undefined,
  env: Env = process.env,
): { domain?: string; port?: string } {
  return {
    domain: hcpValue(config, env, "domain", "HCP_DOMAIN"),
    port: hcpValue(config, env, "port", "HCP_PORT"),
  };
}

/**
 * HCP settings from stack config (`hcp:*`), else from the environment. Malformed values (a port that is
 * not a number, a boolean that is not one) are refused here rather than guessed at.
 */
export function readHcpSettings(
  config: ConfigSource | undefined,
  env: Env = process.env,
): Partial<HcpSettings> {
  const value = (key: string, envName: string) => hcpValue(config, env, key, envName);
  const { domain, port } = readHcpSystem(config, env);
  const insecure = value("insecureSkipVerify", "HCP_INSECURE_SKIP_VERIFY");
  const reliability = readReliabilitySettings("hcp", config, env);
  return {
    domain,
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
    const limit = settings.maxConcurrentRequests ?? defaultMaxConcurrentRequests;
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

/** The system-level account's credentials are named; a tenant's own account is a resource's inputs. */
export function hcpAccessHints(
  connection: { domain: string; port: number; address?: string },
  systemAccount: boolean,
  account?: string,
): AccessHints {
  const keys = ["domain", "port", ...(connection.address ? ["address"] : [])].map(
    (key) => setting("hcp", account, key).config,
  );
  const via = connection.address ? ` through ${connection.address}` : "";
  return {
    credentials: systemAccount ? pair("hcp", account, "username", "password") : undefined,
    address: `HCP at ${connection.domain} port ${connection.port}${via} (${keys.join(", ")})`,
  };
}
