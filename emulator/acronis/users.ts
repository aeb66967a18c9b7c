/** Users: login check, create (with a personal tenant under customers), read, list, update, delete, activation. */
import { randomBytes, randomUUID } from "node:crypto";
import { type ApiHandler, noContent, ok } from "./call";
import { DEFAULT_IDP_ID } from "./catalog";
import { emptyContact, mergeContact } from "./contact";
import { accessDenied, conflict, fail, invalid, versionMismatch } from "./errors";
import {
  asObject,
  definedOnly,
  type Json,
  optBool,
  optNullableString,
  optString,
  optStringList,
  queryFlag,
  queryList,
  requiredString,
  requiredVersion,
} from "./input";
import type { AcronisState, Caller, UserRecord } from "./model";
import { page, pagedBody, readListing, readLod } from "./paging";
import { setUserPassword } from "./passwords";
import { newTenantRecord, nextSeq } from "./state";
import { queryVersion } from "./tenants";
import { isWithin, referencedTenant, removeTenantSubtree, subtree, visibleTenant, visibleUser } from "./tree";
import { userListItem, userView } from "./userViews";

const LOGIN_CHARACTERS = /^[A-Za-z0-9.@_\-+:!#$%^*={}'`/?]+$/;
const MIN_LOGIN_LENGTH = 3;
const DEFAULT_NOTIFICATIONS = ["quota", "reports", "backup_daily_report"];

// Choice: logins are trimmed, then must have 3+ characters from the documented set, else 400/1033.
function readLogin(raw: string): string {
  const login = raw.trim();
  if (login.length < MIN_LOGIN_LENGTH)
    throw fail(400, 1033, `a login needs at least ${MIN_LOGIN_LENGTH} characters`);
  if (!LOGIN_CHARACTERS.test(login)) {
    throw fail(400, 1033, "a login may contain only ASCII letters, digits and .@_-+:!#$%^*={}'`/?");
  }
  return login;
}

// Choice: logins form one platform-wide, case-insensitive namespace; a taken one is HTTP 409.
function checkLoginFree(state: AcronisState, login: string, selfId?: string): void {
  const wanted = login.toLowerCase();
  if (state.users.some((u) => u.id !== selfId && u.login.toLowerCase() === wanted)) {
    throw conflict(`the login "${login}" is already taken`);
  }
}

export const checkLogin: ApiHandler = ({ state, query }) => {
  const username = query.get("username");
  if (username === null) throw invalid(`the "username" parameter is required`);
  checkLoginFree(state, readLogin(username));
  return noContent();
};

/** Optional settings shared by POST and PUT; only the ones sent are returned. */
function readUserSettings(input: Json): Partial<UserRecord> {
  const idpId = optString(input, "idp_id");
  const language = optString(input, "language");
  if (idpId === "" || language === "") throw invalid(`"idp_id" and "language" must not be empty`);
  return definedOnly({
    external_id: optNullableString(input, "external_id"),
    idp_id: idpId,
    enabled: optBool(input, "enabled"),
    language,
    business_types: optStringList(input, "business_types"),
    notifications: optStringList(input, "notifications"),
    disable_after: optString(input, "disable_after"),
  });
}

function requireEmail(contact: UserRecord["contact"]): void {
  if (!contact.email) throw invalid(`"contact.email" is required`);
}

/** POST /users → 200; customers' users also get a personal unit tenant owned by them. */
export const createUser: ApiHandler = ({ state, caller, body, now }) => {
  const input = asObject(body, "request body");
  const tenant = referencedTenant(state, caller, requiredString(input, "tenant_id"), "tenant_id");
  const login = readLogin(requiredString(input, "login"));
  checkLoginFree(state, login);
  if (input.contact === undefined) throw invalid(`"contact" with an "email" is required`);
  const contact = mergeContact(emptyContact(), input.contact);
  requireEmail(contact);
  const settings = readUserSettings(input);
  const id = randomUUID();
  // Choice: the personal tenant is named after the login.
  const personal =
    tenant.kind === "customer"
      ? newTenantRecord(
          state,
          {
            id: randomUUID(),
            name: login,
            kind: "unit",
            parent_id: tenant.id,
            owner_id: id,
            brand_id: tenant.brand_id,
            brand_uuid: tenant.brand_uuid,
          },
          now,
        )
      : undefined;
  const at = now.toISOString();
  const user: UserRecord = {
    seq: nextSeq(state),
    id,
    version: 1,
    tenant_id: tenant.id,
    login,
    contact,
    activated: false,
    enabled: true,
    terms_accepted: false,
    language: "en",
    idp_id: DEFAULT_IDP_ID,
    external_id: null,
    personal_tenant_id: personal?.id ?? null,
    business_types: [],
    notifications: [...DEFAULT_NOTIFICATIONS],
    mfa_status: "disabled",
    origin_id: optString(input, "origin_id") ?? null,
    origin_external_id: optString(input, "origin_external_id") ?? null,
    password_set: false,
    created_at: at,
    updated_at: at,
    ...settings,
  };
  if (personal) state.tenants.push(personal);
  state.users.push(user);
  return ok(userView(user));
};

export const getUser: ApiHandler = ({ state, caller, params }) =>
  ok(userView(visibleUser(state, caller, params.id)));

/** GET /users?uuids=a,b | subtree_root_tenant_id=, paged; items as `lod` and with_access_policies ask. */
export const listUsers: ApiHandler = ({ state, caller, query, now }) => {
  const listing = readListing(query, ["uuids", "subtree_root_tenant_id"]);
  const matches = usersListed(state, caller, listing.key, listing.value);
  const { items, after } = page(matches, listing, query);
  const lod = readLod(listing);
  const withPolicies = queryFlag(listing.filters, "with_access_policies");
  return ok(
    pagedBody(
      items.map((u) => userListItem(state, u, lod, withPolicies)),
      after,
      now,
    ),
  );
};

function usersListed(state: AcronisState, caller: Caller, key: string, value: string): UserRecord[] {
  if (key === "uuids") {
    // Unknown ids, and users out of the client's reach, are simply absent.
    const wanted = new Set(queryList(value));
    return state.users.filter((u) => wanted.has(u.id) && isWithin(state, caller.tenantId, u.tenant_id));
  }
  const tenantIds = new Set(subtree(state, visibleTenant(state, caller, value).id).map((t) => t.id));
  return state.users.filter((u) => tenantIds.has(u.tenant_id));
}

/** PUT /users/{id}: partial (contact merged), `version` must be the stored one; version + 1. */
export const updateUser: ApiHandler = ({ state, caller, params, body, now }) => {
  const user = visibleUser(state, caller, params.id);
  const input = asObject(body, "request body");
  const version = requiredVersion(input);
  if (version !== user.version) throw versionMismatch("user", user.version, version);
  const changes: Partial<UserRecord> = { ...readUserSettings(input) };
  if (input.login !== undefined) {
    changes.login = readLogin(requiredString(input, "login"));
    checkLoginFree(state, changes.login, user.id);
  }
  if (input.contact !== undefined) {
    changes.contact = mergeContact(user.contact, input.contact);
    requireEmail(changes.contact);
  }
  Object.assign(user, changes, { version: user.version + 1, updated_at: now.toISOString() });
  return ok(userView(user));
};

/** DELETE /users/{id}?version=N → 204; the personal tenant and the user's access policies go too. */
export const deleteUser: ApiHandler = ({ state, caller, params, query, config }) => {
  const user = visibleUser(state, caller, params.id);
  const version = queryVersion(query);
  if (version !== user.version) throw versionMismatch("user", user.version, version);
  // Choice: with requireDisabledUserDelete (default on) an enabled user is 400, as the docs disable first.
  if (config.requireDisabledUserDelete && user.enabled) throw invalid("disable the user before deleting it");
  if (user.personal_tenant_id) removeTenantSubtree(state, user.personal_tenant_id);
  state.accessPolicies = state.accessPolicies.filter((p) => p.trustee_id !== user.id);
  state.users = state.users.filter((u) => u.id !== user.id);
  return noContent();
};

// Choice: activation (e-mail or password) only for users of sub-tenants of the client's tenant, else 403/1002.
function activatableUser(state: AcronisState, caller: Caller, id: string): UserRecord {
  const user = visibleUser(state, caller, id);
  if (user.tenant_id === caller.tenantId) {
    throw accessDenied("API clients may activate only users of their sub-tenants");
  }
  return user;
}

/** POST /users/{id}/send-activation-email with an empty JSON body → 204 and a mail in the outbox. */
export const sendActivationEmail: ApiHandler = ({ state, caller, params, now }) => {
  const user = activatableUser(state, caller, params.id);
  if (!user.enabled) throw fail(400, 1018, `user ${user.id} is disabled`);
  // Choice: an already activated user is 400.
  if (user.activated) throw invalid(`user ${user.id} is already activated`);
  state.outbox.push({
    userId: user.id,
    login: user.login,
    email: user.contact.email ?? "",
    at: now.toISOString(),
    // Choice: the mail's activation link is modelled by a one-time token; POST /_emulator/activate redeems it.
    activationToken: randomBytes(24).toString("base64url"),
  });
  return noContent();
};

/** POST /users/{id}/password {password} → 204 and activated; the password is kept only as a salted hash. */
export const setPassword: ApiHandler = ({ state, caller, params, body, now }) => {
  const user = activatableUser(state, caller, params.id);
  // Choice: setting the password does not bump the user's version.
  setUserPassword(user, readPassword(body), now);
  return noContent();
};

/** The `password` of a request body; any non-empty Unicode text (DOC:users/changing-password). */
export function readPassword(body: unknown): string {
  const input = asObject(body, "request body");
  if (typeof input.password !== "string" || input.password.length === 0)
    throw invalid(`"password" is required`);
  return input.password;
}

/** The user's click on the activation link of an e-mail: the token is used up, the password set. */
export function activateFromEmail(state: AcronisState, body: unknown, now: Date): void {
  const token = asObject(body, "request body").token;
  const mail = state.outbox.find((m) => m.activationToken !== undefined && m.activationToken === token);
  const user = mail && state.users.find((u) => u.id === mail.userId);
  if (!mail || !user) throw invalid("no activation e-mail has this token, or it was used");
  setUserPassword(user, readPassword(body), now);
  delete mail.activationToken;
}
