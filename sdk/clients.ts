/**
 * The API clients for tools of your own (the `tenant-estates` command uses these too): configured as the
 * providers are, from the environment or from explicit connection fields. One client per distinct
 * connection and account in a process; a missing setting is named with both ways to give it.
 */
import type { AcronisClient } from "../provider/acronis/client";
import { acronisClientFor, completeAcronisSettings, readAcronisSettings } from "../provider/acronis/config";
import type { HcpClient } from "../provider/hcp/client";
import {
  completeHcpSettings,
  defaultHcpPort,
  type HcpSettings,
  type HcpTenantAccount,
  hcpClientFor,
  readHcpSettings,
} from "../provider/hcp/config";

export type { AcronisClient } from "../provider/acronis/client";
export type { HcpClient } from "../provider/hcp/client";
export type { HcpSettings, HcpTenantAccount } from "../provider/hcp/config";

type Env = Record<string, string | undefined>;

/** Where and as whom to reach Acronis: the fields of the `acronis:*` stack config, given explicitly. */
export interface AcronisConnectionArgs {
  /** `<data center URL>/api/2` */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Where and as whom to reach HCP: the fields of the `hcp:*` stack config, given explicitly. */
export interface HcpConnectionArgs {
  /** The HCP system's domain, e.g. `hcp.example.com`. */
  domain: string;
  /** Default 9090. */
  port?: number;
  username: string;
  password: string;
  /** The tenant this account belongs to; leave it out for a system-level account. */
  accountTenant?: string;
  /** The IP address or host name actually connected to, when the realm names do not resolve. */
  address?: string;
  /** PEM text of an extra CA to trust (the system's self-signed certificate). */
  caCert?: string;
  /** Skips TLS verification (a warning says so). */
  insecureSkipVerify?: boolean;
}

/**
 * An Acronis client from the environment: `ACRONIS_BASE_URL`, `ACRONIS_CLIENT_ID`, `ACRONIS_CLIENT_SECRET`,
 * and the optional `ACRONIS_*` settings of docs/configuration.md (timeouts, retries, plain http).
 */
export function acronisClientFromEnvironment(env: Env = process.env): AcronisClient {
  return acronisClientFor(completeAcronisSettings(readAcronisSettings(undefined, env)));
}

/** An Acronis client for explicit connection fields; every other setting takes its default. */
export function acronisClientFromConnection(connection: AcronisConnectionArgs): AcronisClient {
  return acronisClientFor(completeAcronisSettings({ ...readAcronisSettings(undefined, {}), ...connection }));
}

/**
 * HCP's settings from the environment: `HCP_DOMAIN`, `HCP_USERNAME`, `HCP_PASSWORD` (a system-level
 * account), and the optional `HCP_*` settings of docs/configuration.md (port, address, CA, timeouts).
 */
export function hcpSettingsFromEnvironment(env: Env = process.env): HcpSettings {
  return completeHcpSettings(readHcpSettings(undefined, env));
}

/** An HCP client for settings: as their system-level account, or as a tenant's own account when given. */
export function hcpClientFromSettings(settings: HcpSettings, tenantAccount?: HcpTenantAccount): HcpClient {
  return hcpClientFor(settings, tenantAccount);
}

/** An HCP client from the environment's settings (see hcpSettingsFromEnvironment), as the system-level account. */
export function hcpClientFromEnvironment(env: Env = process.env): HcpClient {
  return hcpClientFromSettings(hcpSettingsFromEnvironment(env));
}

/** An HCP client for explicit connection fields: a system-level account, or a tenant's with `accountTenant`. */
export function hcpClientFromConnection(connection: HcpConnectionArgs): HcpClient {
  const { accountTenant, ...settings } = connection;
  const complete = completeHcpSettings({ ...settings, port: settings.port ?? defaultHcpPort });
  const account = accountTenant
    ? { tenant: accountTenant, username: complete.username, password: complete.password }
    : undefined;
  return hcpClientFromSettings(complete, account);
}
