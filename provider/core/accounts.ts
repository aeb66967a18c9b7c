import type { Api, ConfigSource } from "./config";
import { ConfigurationError } from "./errors";
import { type ApiLimits, KeyedMutex, Semaphore } from "./limits";
import { operationContext } from "./operation";
import type { PropertySpec, ResourceSpec } from "./spec";

/**
 * Named accounts: one stack reaching several Acronis data centers or HCP systems. An account `eu` has
 * the same settings as the default one under its own names: stack config `acronis-eu:*` and environment
 * `ACRONIS_EU_*` for `acronis:*` and `ACRONIS_*`. A resource names its account in its `account` input.
 */
export const accountPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

type Env = Record<string, string | undefined>;

export function accountProperty(api: Api): PropertySpec {
  return {
    value: {
      type: "string",
      maxLength: 32,
      pattern: accountPattern,
      patternHint: "lower-case letters, digits and dashes",
    },
    replaces: "createFirst",
    doc: `The named account this object lives in: stack config \`${api}-<account>:*\` (environment \`${api.toUpperCase()}_<ACCOUNT>_*\`), with the same settings as the default \`${api}:*\`. Unset: the default account. A change makes the object anew in the other account.`,
  };
}

/** The spec with the `account` input every resource has (the guard applies it, the SDK declares it). */
export function withAccount(spec: ResourceSpec): ResourceSpec {
  return { ...spec, properties: { ...spec.properties, account: accountProperty(spec.module) } };
}

/** The account of the operation running now (set by the guard from the resource's `account`). */
export function currentAccount(): string | undefined {
  return operationContext.getStore()?.account;
}

/** `acronis` or `acronis-eu`: the config namespace of an account. */
export const configNamespace = (api: Api, account?: string) => (account ? `${api}-${account}` : api);

export const envPrefix = (api: Api, account?: string) =>
  (account ? `${api}_${account.replace(/-/g, "_")}` : api).toUpperCase();

/**
 * The default account's view of an account's settings: `acronis:x` reads `acronis-eu:x`, and
 * `ACRONIS_X` reads `ACRONIS_EU_X`, so every settings reader works for every account unchanged.
 */
export function accountSettings(
  api: Api,
  account: string | undefined,
  config: ConfigSource | undefined,
  env: Env = process.env,
): { config: ConfigSource | undefined; env: Env } {
  if (!account) return { config, env };
  const prefix = `${api}:`;
  const scoped: ConfigSource = {
    get: (key) =>
      config?.get(
        key.startsWith(prefix) ? `${configNamespace(api, account)}:${key.slice(prefix.length)}` : key,
      ),
  };
  const base = envPrefix(api);
  const named = envPrefix(api, account);
  return {
    config: scoped,
    env: new Proxy(env, {
      get: (target, key) =>
        typeof key === "string" && key.startsWith(`${base}_`)
          ? target[`${named}${key.slice(base.length)}`]
          : target[key as string],
    }),
  };
}

/** Runs a settings read for an account, so its errors name the account's own keys. */
export function inAccount<T>(api: Api, account: string | undefined, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!account || !(err instanceof ConfigurationError)) throw err;
    const message = err.message
      .replace(new RegExp(`\\b${api}:`, "g"), `${configNamespace(api, account)}:`)
      .replace(new RegExp(`\\b${envPrefix(api)}_`, "g"), `${envPrefix(api, account)}_`);
    throw new ConfigurationError(message);
  }
}

const limits: Record<string, ApiLimits> = {};

/** Requests in flight and write locks, per API and account: each account has its own limits. */
export function limitsFor(api: Api, account?: string, maxConcurrent = 8): ApiLimits {
  const key = configNamespace(api, account);
  limits[key] ??= { inFlight: new Semaphore(maxConcurrent), writes: new KeyedMutex() };
  limits[key].inFlight.setLimit(maxConcurrent);
  return limits[key];
}
