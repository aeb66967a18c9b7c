import { configNamespace, envPrefix } from "./accounts";
import type { Api } from "./config";
import { type ApiError, AuthenticationError, NetworkError } from "./errors";

/** What a client tells the user when it cannot get in: the settings that say where and as whom. */
export interface AccessHints {
  /** `acronis:clientId and acronis:clientSecret, or ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET`. */
  credentials?: string;
  /** `http://dc.example.com/api/2, the address in acronis:baseUrl (or ACRONIS_BASE_URL)`. */
  address: string;
}

/** `acronis-eu:clientId` with `ACRONIS_EU_CLIENT_ID`: a setting of an account, by both of its names. */
const setting = (api: Api, account: string | undefined, key: string) => ({
  config: `${configNamespace(api, account)}:${key}`,
  env: `${envPrefix(api, account)}_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
});

/** `acronis:clientId and acronis:clientSecret, or ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET`. */
function pair(api: Api, account: string | undefined, first: string, second: string): string {
  const [a, b] = [setting(api, account, first), setting(api, account, second)];
  return `${a.config} and ${b.config}, or ${a.env} and ${b.env}`;
}

export function acronisAccessHints(baseUrl: string, account?: string): AccessHints {
  const url = setting("acronis", account, "baseUrl");
  return {
    credentials: pair("acronis", account, "clientId", "clientSecret"),
    address: `${baseUrl}, the address in ${url.config} (or ${url.env})`,
  };
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

/** The error with what to check: the credentials when they were refused, the address when nothing answered. */
export function explainAccess(err: ApiError, hints: AccessHints | undefined): ApiError {
  if (!hints || err.explanation) return err;
  if (err instanceof AuthenticationError && hints.credentials) {
    return err.copyWith({ explanation: `${err.vendor} refused the credentials: check ${hints.credentials}` });
  }
  if (err instanceof NetworkError) {
    return err.copyWith({
      explanation: `no answer from ${hints.address}: check it, and that the API is reachable from this machine`,
    });
  }
  return err;
}
