import type { ConfigSource } from "../core/config";
import { ConfigurationError } from "../core/errors";
import { normaliseBoolean } from "../core/normalise";

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

/** What is wrong with an Acronis base URL, or undefined: an http(s) URL whose path ends in /api/2. */
export function acronisBaseUrlProblem(baseUrl: string): string | undefined {
  const shape = "the data center's API address, https://<data center host>/api/2";
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `acronis:baseUrl must be ${shape}, got "${baseUrl}"`;
  }
  const wrongScheme = url.protocol !== "https:" && url.protocol !== "http:";
  const wrongPath = !/\/api\/2\/*$/.test(url.pathname) || url.search !== "" || url.hash !== "";
  if (!wrongScheme && !wrongPath) return undefined;
  const advice = !wrongScheme && url.pathname.replace(/\/+$/, "") === "" ? ` (add /api/2)` : "";
  return `acronis:baseUrl must be ${shape}, got "${baseUrl}"${advice}`;
}

/** Refuses a base URL of the wrong shape, before any request. */
export function refuseAcronisBaseUrl(baseUrl: string | undefined): void {
  const problem = baseUrl ? acronisBaseUrlProblem(baseUrl) : undefined;
  if (problem) throw new ConfigurationError(problem);
}

/**
 * Refuses, before any request, a base URL of the wrong shape, and plain http to a host beyond this machine
 * unless acronis:allowInsecureHttp is set.
 */
export function checkAcronisTransport(config: ConfigSource | undefined, env: Env = process.env): void {
  const baseUrl = config?.get("acronis:baseUrl") ?? env.ACRONIS_BASE_URL;
  refuseAcronisBaseUrl(baseUrl);
  refuseInsecureHttp(baseUrl, readAllowInsecureHttp(config, env));
}
