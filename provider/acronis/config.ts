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
import { AcronisClient, type AcronisSettings } from "./client";
import { isLoopbackUrl, readAllowInsecureHttp } from "./plainHttp";

/** The API's address: `acronis:baseUrl`, else ACRONIS_BASE_URL (which system a provider talks to). */
export function readAcronisBaseUrl(
  config: ConfigSource | undefined,
  env: Env = process.env,
): string | undefined {
  return config?.get("acronis:baseUrl") ?? env.ACRONIS_BASE_URL;
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
  const baseUrl = readAcronisBaseUrl(config, env);
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
    const limit = settings.maxConcurrentRequests ?? defaultMaxConcurrentRequests;
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

/** What a refused Acronis client names: the account's credentials and its base URL. */
export function acronisAccessHints(baseUrl: string, account?: string): AccessHints {
  const url = setting("acronis", account, "baseUrl");
  return {
    credentials: pair("acronis", account, "clientId", "clientSecret"),
    address: `${baseUrl}, the address in ${url.config} (or ${url.env})`,
  };
}
