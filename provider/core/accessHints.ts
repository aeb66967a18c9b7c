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
export const setting = (api: Api, account: string | undefined, key: string) => ({
  config: `${configNamespace(api, account)}:${key}`,
  env: `${envPrefix(api, account)}_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
});

/** `acronis:clientId and acronis:clientSecret, or ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET`. */
export function pair(api: Api, account: string | undefined, first: string, second: string): string {
  const [a, b] = [setting(api, account, first), setting(api, account, second)];
  return `${a.config} and ${b.config}, or ${a.env} and ${b.env}`;
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
