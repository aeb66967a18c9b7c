import { readAcronisBaseUrl } from "../acronis/config";
import type { ConfigSource, Env } from "../core/config";
import { isUnknown } from "../core/normalise";
import { defaultHcpPort, readHcpSystem } from "../hcp/config";
import { configSourceOf } from "./settings";
import { packageName } from "./tokens";

type Values = Record<string, unknown>;

/** A provider property that says which system the instance talks to, and the form two spellings of one system share. */
interface EndpointSetting {
  property: string;
  /** The value the instance reads, with its environment fallback, from its settings reader. */
  read: (source: ConfigSource, env: Env) => string | undefined;
  fallback?: string;
  sameSystemForm: (text: string) => string;
  /** The value as an error may show it (no credentials). */
  shown: (text: string) => string;
}

/** An Acronis base URL as one system: scheme and host in lower case, no default port, no trailing slash. */
export function acronisSystemForm(text: string): string {
  const trimmed = text.trim();
  if (!URL.canParse(trimmed)) return trimmed.replace(/\/+$/, "");
  const url = new URL(trimmed);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}${url.search}`;
}

/** A URL without the user and password it may carry. */
function withoutUserInfo(text: string): string {
  if (!URL.canParse(text.trim())) return text;
  const url = new URL(text.trim());
  if (!url.username && !url.password) return text;
  url.username = "";
  url.password = "";
  return url.toString();
}

/** An HCP domain as one system: DNS names are case-insensitive, and a trailing dot is the same name. */
export const hcpDomainForm = (text: string): string => text.trim().toLowerCase().replace(/\.+$/, "");

const hcpPortForm = (text: string): string => String(Number(text.trim()));

const endpointSettings: EndpointSetting[] = [
  {
    property: "acronisBaseUrl",
    read: readAcronisBaseUrl,
    sameSystemForm: acronisSystemForm,
    shown: withoutUserInfo,
  },
  {
    property: "hcpDomain",
    read: (source, env) => readHcpSystem(source, env).domain,
    sameSystemForm: hcpDomainForm,
    shown: (text) => text,
  },
  {
    property: "hcpPort",
    read: (source, env) => readHcpSystem(source, env).port,
    fallback: String(defaultHcpPort),
    sameSystemForm: hcpPortForm,
    shown: (text) => text,
  },
];

const unknown = Symbol("unknown at preview");

/** The value a provider instance uses: its property, else its environment variable, else the default. */
function effectiveText(
  setting: EndpointSetting,
  values: Values,
  env: Env,
): string | typeof unknown | undefined {
  const given = values[setting.property];
  if (isUnknown(given)) return unknown;
  const present = given !== undefined && given !== null && given !== "";
  return setting.read(configSourceOf(present ? { [setting.property]: given } : {}), env) || setting.fallback;
}

export interface EndpointChange {
  property: string;
  from: string;
  to: string;
}

/**
 * The endpoint settings whose change would point a provider instance's resources at another system.
 * A value unknown at preview, or missing on either side (the readers then refuse it), is no change here.
 */
export function endpointChanges(olds: Values, news: Values, env: Env = process.env): EndpointChange[] {
  return endpointSettings.flatMap((setting) => {
    const from = effectiveText(setting, olds, env);
    const to = effectiveText(setting, news, env);
    if (typeof from !== "string" || typeof to !== "string") return [];
    if (setting.sameSystemForm(from) === setting.sameSystemForm(to)) return [];
    return [{ property: setting.property, from: setting.shown(from), to: setting.shown(to) }];
  });
}

/** The properties whose new value is the old one spelled another way (`HTTPS://Host/api/2/`). */
export function respelledEndpoints(olds: Values, news: Values): string[] {
  return endpointSettings
    .filter(({ property, sameSystemForm }) => {
      const [from, to] = [olds[property], news[property]];
      if (typeof from !== typeof to || from === to || isUnknown(to)) return false;
      return (
        (typeof from === "string" || typeof from === "number") &&
        sameSystemForm(String(from)) === sameSystemForm(String(to))
      );
    })
    .map(({ property }) => property);
}

/**
 * Why the engine must not go on: what changes, what it would do to the resources, and what to do instead.
 * It serves both ways of getting there: an instance's endpoint edited, and a resource moved to an instance
 * of another system (the engine asks the new instance to compare the old one's inputs with its own).
 */
export function endpointRefusal(provider: string, changes: EndpointChange[]): string {
  const what = changes.map(({ property, from, to }) => `${property} from ${from} to ${to}`).join(", ");
  return (
    `provider ${provider} would take resources made on one system to another (${what}): ` +
    "their ids belong to the system they were made on, so the next refresh would find them gone and up would make them again there. " +
    "Keep each provider instance on its system and each resource with the instance it was made with; " +
    `for the other system declare a new ${packageName} provider instance and move resources to it deliberately ` +
    "(`pulumi import` each through the new instance, then `pulumi state delete` it from the old one)"
  );
}
