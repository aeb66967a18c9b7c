import { createHash } from "node:crypto";
import { AcronisClient, type AcronisSettings } from "./acronis/client";
import { ConfigurationError } from "./common/errors";

/** The part of Pulumi's dynamic-provider Config the providers use. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

type Env = Record<string, string | undefined>;

/**
 * Acronis settings from stack config (`acronis:*`, sent by the engine to `configure`), else from the
 * environment. Nothing here is ever captured in the serialized provider.
 */
export function readAcronisSettings(
  config: ConfigSource | undefined,
  env: Env = process.env,
): Partial<AcronisSettings> {
  return {
    baseUrl: config?.get("acronis:baseUrl") ?? env.ACRONIS_BASE_URL,
    clientId: config?.get("acronis:clientId") ?? env.ACRONIS_CLIENT_ID,
    clientSecret: config?.get("acronis:clientSecret") ?? env.ACRONIS_CLIENT_SECRET,
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

const acronisClients = new Map<string, AcronisClient>();

/** One client, hence one token, per distinct set of credentials in this provider process. */
export function acronisClientFor(settings: AcronisSettings): AcronisClient {
  const key = createHash("sha256")
    .update(`${settings.baseUrl}\n${settings.clientId}\n${settings.clientSecret}`)
    .digest("hex");
  let client = acronisClients.get(key);
  if (!client) {
    client = new AcronisClient(settings);
    acronisClients.set(key, client);
  }
  return client;
}
