import { readFileSync } from "node:fs";
import * as path from "node:path";
import { readAcronisSettings } from "../acronis/config";
import { checkAcronisTransport } from "../acronis/plainHttp";
import type { ConfigSource } from "../core/config";
import { ConfigurationError } from "../core/errors";
import { isUnknown } from "../core/normalise";
import { didYouMean } from "../core/suggest";
import { readHcpSettings } from "../hcp/config";
import { packageName, propertyOfKey } from "./tokens";

/** The installed package's root (this file is dist/provider/plugin/settings.js). */
export const packageRoot = path.resolve(__dirname, "../../..");

export interface ConfigVariable {
  type: "string" | "integer" | "boolean";
  description?: string;
  secret?: boolean;
}

/** The provider's properties: schema.json's `config.variables` (`acronis:baseUrl`) under their camelCase names. */
export function providerProperties(schemaText: string): Record<string, ConfigVariable> {
  const variables = (JSON.parse(schemaText) as { config: { variables: Record<string, ConfigVariable> } })
    .config.variables;
  return Object.fromEntries(
    Object.entries(variables).flatMap(([key, variable]) => {
      const property = propertyOfKey(key);
      return property ? [[property, variable]] : [];
    }),
  );
}

export const schemaText = (): string => readFileSync(path.join(packageRoot, "schema.json"), "utf8");

/** Values the engine sends in text form (a default provider's stack config) or typed (a program's). */
function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The provider's properties as the ConfigSource every settings reader takes: `acronis:baseUrl` reads
 * `acronisBaseUrl`. A property left out is undefined, so each reader falls back to its environment variable.
 */
export function configSourceOf(properties: Record<string, unknown>): ConfigSource {
  return {
    get: (key) => {
      const property = propertyOfKey(key);
      return property === undefined ? undefined : asText(properties[property]);
    },
  };
}

export interface ConfigFailure {
  property: string;
  reason: string;
}

/** Engine-supplied inputs of every provider resource, not settings of ours. */
const engineProperties = new Set(["version", "pluginDownloadURL"]);

function typeProblem(variable: ConfigVariable, value: unknown): string | undefined {
  if (variable.type === "string")
    return typeof value === "string" ? undefined : `must be a string, got ${typeof value}`;
  if (variable.type === "integer") {
    const whole = typeof value === "number" ? Number.isInteger(value) : /^\s*\d+\s*$/.test(String(value));
    return whole ? undefined : `must be a whole number, got ${JSON.stringify(value)}`;
  }
  return typeof value === "boolean" || value === "true" || value === "false"
    ? undefined
    : `must be true or false, got ${JSON.stringify(value)}`;
}

/** `hcp:port (or HCP_PORT) must be …` → `hcpPort must be …`: a reader's error in the provider's words. */
function inPropertyWords(message: string): { property: string; reason: string } {
  let first = "";
  const reason = message
    .replace(/ \(or [A-Z0-9_]+\)/g, "")
    .replace(/\b(acronis|hcp):([a-z][A-Za-z0-9]*)\b/g, (key) => {
      const property = propertyOfKey(key) ?? key;
      first ||= property;
      return property;
    });
  return { property: first, reason };
}

/**
 * Every problem of the provider's properties, each naming its property: unknown names (with the nearest
 * known one), wrong types, then the settings readers' own rules on the values given (no environment).
 */
export function checkProviderProperties(
  properties: Record<string, unknown>,
  known: Record<string, ConfigVariable>,
): ConfigFailure[] {
  const failures: ConfigFailure[] = [];
  const given = Object.entries(properties).filter(
    ([name, value]) =>
      !engineProperties.has(name) && value !== undefined && value !== null && !isUnknown(value),
  );
  for (const [name, value] of given) {
    const variable = known[name];
    const problem = variable
      ? typeProblem(variable, value)
      : `is not a property of the ${packageName} provider${didYouMean(name, Object.keys(known))}`;
    if (problem) failures.push({ property: name, reason: `${name} ${problem}` });
  }
  if (failures.length > 0) return failures;
  const source = configSourceOf(Object.fromEntries(given));
  for (const rule of [
    () => readAcronisSettings(source, {}),
    () => readHcpSettings(source, {}),
    () => checkAcronisTransport(source, {}),
  ]) {
    try {
      rule();
    } catch (err) {
      if (!(err instanceof ConfigurationError)) throw err;
      const failure = inPropertyWords(err.message);
      // Two readers may refuse one value (acronisAllowInsecureHttp): it is said once.
      if (!failures.some((f) => f.reason === failure.reason)) failures.push(failure);
    }
  }
  return failures;
}
