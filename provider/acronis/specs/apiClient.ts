import type { ResourceSpec } from "../../core/spec";
import { listOrEmpty } from "../../core/wire";
import { enabledStatus } from "../codecs";
import { uuid } from "./values";

/** What a client's token endpoint accepts: a Basic header, or form fields. */
export const tokenEndpointAuthMethods = ["client_secret_basic", "client_secret_post"] as const;

export const apiClientSpec: ResourceSpec = {
  type: "ApiClient",
  module: "acronis",
  entry: "apiClient",
  doc: "An API client of an Acronis tenant (OAuth2 client credentials) for an integration: it reaches the tenant and its sub-tenants with the roles of the account that creates it. Its secret is shown once, at create, and kept only as a secret output.",
  id: "The client id (a UUID), also its import id. An imported client has no `clientSecret` (the API shows it only at create) and no `rotation`: setting one later replaces the client, which is how it gets a secret the stack knows.",
  properties: {
    tenantId: {
      value: uuid,
      required: true,
      // Choice: a client cannot move to another tenant, so a new tenant makes a new client, before the old one goes.
      replaces: "createFirst",
      doc: "The tenant the client belongs to. A change replaces the client: a new one (with a new secret) is made before the old one is deleted.",
      wire: { path: "tenant_id", write: "create" },
    },
    name: {
      value: { type: "string", minLength: 1, maxLength: 255 },
      required: true,
      doc: "The client's name (`data.client_name`), shown in the management portal. Changed in place; names need not be unique.",
      wire: { path: "data.client_name" },
    },
    enabled: {
      value: { type: "boolean" },
      doc: "Default true. A disabled client is issued no tokens; its secret works again once it is enabled.",
      // POST /clients takes no status: a client declared disabled is disabled right after.
      wire: { path: "status", codec: enabledStatus, write: "update" },
    },
    redirectUris: {
      value: {
        type: "array",
        items: { type: "string", minLength: 1, pattern: /^https?:\/\/\S+$/, patternHint: "an http(s) URL" },
      },
      doc: "Redirect URIs of the client, replaced whole. Changed in place.",
      wire: { path: "redirect_uris", codec: listOrEmpty },
    },
    tokenEndpointAuthMethod: {
      value: { type: "string", enum: tokenEndpointAuthMethods },
      // Choice: the API cannot change it (PUT /clients takes no such field), so a change replaces the client.
      replaces: "createFirst",
      // Declaring the default later is no change, so it never replaces a client.
      default: "client_secret_basic",
      doc: "How the client presents its secret at `/idp/token`: `client_secret_basic` (an HTTP Basic header, the default) or `client_secret_post` (form fields). A change replaces the client.",
      wire: { path: "token_endpoint_auth_method", write: "create" },
    },
    rotation: {
      value: { type: "string", minLength: 1, maxLength: 255 },
      // The API has no call that resets a secret: a new client is the only way to a new secret.
      replaces: "createFirst",
      doc: "Any text; changing it replaces the client, which is how its secret is rotated (the API cannot reset a secret). The new client is made before the old one is deleted.",
    },
    adopt: {
      value: { type: "boolean" },
      createOnly: true,
      // Choice: an adopted client keeps working with the secret its integration has; the stack just never learns it.
      doc: "When exactly one client of this `name` exists in `tenantId` (never one of another tenant), take it over instead of creating one: read it and apply only the declared differences (no write at all when it already matches). Its secret cannot be read back, so `clientSecret` stays unset until a change of `rotation` replaces the client. Used only at create.",
    },
    clientId: {
      role: "output",
      value: uuid,
      isId: true,
      doc: "The client id (the resource id).",
      wire: { path: "client_id", write: "never" },
    },
    clientSecret: {
      role: "output",
      value: { type: "string" },
      secret: true,
      doc: "The client secret, from the create's answer (the only time the API shows it), stored encrypted. Unset for an adopted client.",
    },
    createdAt: {
      role: "output",
      value: { type: "string" },
      doc: "When the client was created.",
      wire: { path: "created_at", write: "never" },
    },
  },
};
