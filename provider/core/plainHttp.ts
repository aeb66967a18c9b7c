import type { ConfigSource } from "./config";
import { ConfigurationError } from "./errors";
import { normaliseBoolean } from "./normalise";

type Env = Record<string, string | undefined>;

/** Whether a URL names this machine (localhost, 127.0.0.0/8, ::1), where plain http leaves nothing in clear. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Plain http beyond this machine would carry the client secret and tokens in clear: refused unless allowed. */
export function refuseInsecureHttp(
  baseUrl: string | undefined,
  allowInsecureHttp: boolean | undefined,
): void {
  if (!baseUrl || !/^http:/i.test(baseUrl) || isLoopbackUrl(baseUrl) || allowInsecureHttp) return;
  throw new ConfigurationError(
    `acronis:baseUrl must use https for a host other than this machine, got "${baseUrl}": plain http would send the client secret in clear (set acronis:allowInsecureHttp to true to accept that)`,
  );
}

/** `acronis:allowInsecureHttp` (or ACRONIS_ALLOW_INSECURE_HTTP); anything but true or false is refused. */
export function readAllowInsecureHttp(config: ConfigSource | undefined, env: Env): boolean {
  const raw = config?.get("acronis:allowInsecureHttp") ?? env.ACRONIS_ALLOW_INSECURE_HTTP;
  if (raw === undefined || raw === "") return false;
  const flag = normaliseBoolean(raw);
  if (flag === undefined) {
    throw new ConfigurationError(
      `acronis:allowInsecureHttp (or ACRONIS_ALLOW_INSECURE_HTTP) must be true or false, got "${raw}"`,
    );
  }
  return flag;
}

/** Refuses, before any request, plain http to a host beyond this machine unless acronis:allowInsecureHttp is set. */
export function checkAcronisTransport(config: ConfigSource | undefined, env: Env = process.env): void {
  refuseInsecureHttp(
    config?.get("acronis:baseUrl") ?? env.ACRONIS_BASE_URL,
    readAllowInsecureHttp(config, env),
  );
}
