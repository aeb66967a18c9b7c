import { isUnknown, normaliseBoolean } from "../../core/normalise";
import { adoptProperty, type ResourceSpec } from "../../core/spec";
import type { Validator } from "../../core/validate";
import { upperCaseRoles } from "../codecs";
import { accountPasswordProblem, accountUsernameProblem, roleSet, tenantRoles } from "../tenantObjectValues";
import { lowerCase, trimmed } from "../values";
import { oneOfAnyCase } from "./common";

/** What removing the account does: `retain` (the default) only forgets it. */
export const accountDeletionPolicies = ["delete", "disable", "retain"] as const;

/** The sign-in inputs of HcpUserAccount: `username` and `password` are the account's own. */
export const signInKeys = ["signInUsername", "signInPassword"] as const;

/** signInUsername and signInPassword come together: one without the other cannot sign in. */
function checkSignIn(v: Validator, news: Record<string, unknown>): void {
  const [user, password] = signInKeys;
  if ((news[user] === undefined) === (news[password] === undefined)) return;
  const [missing, given] = news[user] === undefined ? [user, password] : [password, user];
  v.fail(missing, `${missing} is required with ${given}`);
}

/** A new account (created, or replaced) needs a password exactly when it signs in locally. */
function checkPassword(v: Validator, news: Record<string, unknown>, olds: Record<string, unknown>): void {
  if (isUnknown(news.localAuthentication)) return;
  const local = news.localAuthentication !== false;
  const replaced =
    olds.username === undefined ||
    String(olds.tenant).toLowerCase() !== String(news.tenant).toLowerCase() ||
    (olds.localAuthentication !== false) !== local;
  if (local && replaced && news.adopt !== true && news.password === undefined)
    v.fail(
      "password",
      "password is required to create a locally authenticated account (localAuthentication true, the default)",
    );
  if (!local && news.password !== undefined)
    v.fail(
      "password",
      "password is valid only when localAuthentication is true (a RADIUS account has no local password)",
    );
}

/** A kept (forgotten or disabled) account keeps its unique name, so a replacement under that name could only collide. */
function checkKeptReplacement(
  v: Validator,
  news: Record<string, unknown>,
  olds: Record<string, unknown>,
): void {
  if (olds.username === undefined || olds.deletionPolicy === "delete" || isUnknown(news.localAuthentication))
    return;
  const sameTenant = String(olds.tenant).toLowerCase() === String(news.tenant).toLowerCase();
  const switched = (olds.localAuthentication !== false) !== (news.localAuthentication !== false);
  if (sameTenant && switched)
    v.fail(
      "localAuthentication",
      'localAuthentication can change only by replacing the account, which only forgets or disables the old account unless deletionPolicy "delete" is in the state (the kept account keeps the username): set deletionPolicy "delete" and run `pulumi up` first',
    );
}

// Choice: accounts are managed with a tenant-level SECURITY account (the docs give PUT and DELETE to SECURITY only; the initial user has it); the sign-in keys are signInUsername/signInPassword because username and password are the account's own.
export const hcpUserAccountSpec: ResourceSpec = {
  type: "HcpUserAccount",
  module: "hcp",
  entry: "hcpUserAccount",
  doc:
    "A user account of an HCP tenant (PUT /tenants/{tenant}/userAccounts?password=…; changes by POST), managed with a tenant-level account with the SECURITY role, such as the tenant's initial user. " +
    "Its password is used only when the account is made; HCP never returns it. Removing or destroying it only forgets it, unless `deletionPolicy` `disable` or `delete` is in the state.",
  id: "The account's userGUID (a UUID HCP assigns), which a rename keeps. Its import id is `<tenant>/<username>` (e.g. `finance/auditor`). Read as the system-level account (`hcp:username`), so the tenant must allow administration by system-level accounts. The password is never read back.",
  retainUnlessPolicy: ["delete", "disable"],
  subject: "username",
  properties: {
    tenant: {
      value: { type: "string", minLength: 1, maxLength: 63 },
      required: true,
      // An account cannot move between tenants: the new one is made before the old one is deleted.
      replaces: "createFirst",
      normalise: lowerCase,
      doc: "The tenant's name, compared case-insensitively. A change replaces the account: a new one in the new tenant, then the old one forgotten (disabled or deleted when `deletionPolicy` says so).",
    },
    signInUsername: {
      value: { type: "string", minLength: 1, maxLength: 64 },
      notCompared: true,
      doc:
        "A tenant-level account with the SECURITY role (e.g. the tenant's initial user), used to sign in at `<tenant>.<domain>`. " +
        "Without it the system-level account (`hcp:username`) is used, which works only where the tenant allows administration by system-level accounts. " +
        "Not a setting: never compared, only kept so refresh and destroy can sign in.",
    },
    signInPassword: {
      value: { type: "string", minLength: 1 },
      secret: true,
      notCompared: true,
      doc: "The password of `signInUsername`, given with it. Always stored as a secret; never compared.",
    },
    adopt: adoptProperty(
      "an account of this username in the tenant",
      "HCP accounts cannot carry an ownership mark: adopting one does not stop another stack from adopting it too (the preview warns).",
    ),
    username: {
      wire: { path: "username" },
      value: { type: "string", rule: accountUsernameProblem },
      required: true,
      normalise: lowerCase,
      doc: 'The account\'s name: 1-64 characters, not starting with "[" or a space; unique in the tenant, compared case-insensitively. A change renames the account in place.',
    },
    fullName: {
      wire: { path: "fullName" },
      value: { type: "string", minLength: 1, maxLength: 64 },
      required: true,
      normalise: trimmed,
      doc: "The person's or application's name, 1-64 characters.",
    },
    description: {
      wire: { path: "description" },
      value: { type: "string", maxLength: 1024 },
      normalise: trimmed,
      doc: "Up to 1,024 characters; an empty string clears it (default none).",
    },
    enabled: {
      wire: { path: "enabled" },
      // Choice: enabled is compared only when set, so an account disabled in the console (a compromised one) is not re-enabled by default.
      value: { type: "boolean" },
      normalise: normaliseBoolean,
      doc: "Whether the account may sign in. Made enabled when not set; managed only when set, so disabling an account in the console is not undone unless the program says so.",
    },
    roles: {
      wire: { path: "roles", codec: upperCaseRoles },
      value: { type: "array", items: { type: "string", rule: oneOfAnyCase(tenantRoles) } },
      normalise: roleSet,
      doc: "The account's roles: any of ADMINISTRATOR, COMPLIANCE, MONITOR, SECURITY (any case); compared as a set; an empty list removes them all (default none).",
    },
    localAuthentication: {
      wire: { path: "localAuthentication", write: "create" },
      value: { type: "boolean" },
      normalise: normaliseBoolean,
      // Choice: localAuthentication replaces, old account first (HCP refuses it on POST; the username is unique).
      replaces: "deleteFirst",
      doc: "true (default): the account signs in with a local password; false: through RADIUS, without one. HCP cannot change it: a change replaces the account (the old one is deleted first, its name being unique), so it is refused before any call unless `deletionPolicy` `delete` is in the state.",
    },
    password: {
      // Choice: create only; the tenant's minimum length is left to HCP, which alone knows its consoleSecurity.
      value: { type: "string", rule: accountPasswordProblem },
      secret: true,
      createOnly: true,
      doc: "The account's initial local password: at most 64 characters mixing at least two of letters, digits and other characters, and at least the tenant's minimum length (consoleSecurity, 6 unless changed), which HCP checks. Required to create a locally authenticated account (not to adopt one, whose password stays as it is). Used only when the account is made (or replaced): changing it later has no effect, and HCP never returns it. Always stored as a secret (kept, encrypted, so a refresh shows no change to it); never in a log or error.",
    },
    forcePasswordChange: {
      wire: { path: "forcePasswordChange", write: "create", read: false },
      // Choice: create only, since HCP clears it once the user has changed the password (it would show as drift).
      value: { type: "boolean" },
      createOnly: true,
      doc: "Whether the user must change the password at the first sign-in (default false). Used only when the account is made: HCP clears it once the user has changed the password.",
    },
    deletionPolicy: {
      // Choice: without a policy in state, removal only forgets, as for Acronis customers; `disable` uses the account's `enabled` flag (POST, SECURITY), so it signs in no more but keeps its name, roles and permissions.
      default: "retain",
      value: { type: "string", enum: accountDeletionPolicies },
      doc: "What `pulumi destroy`, removing the resource or a replacement does to the account: `retain` (the default) leaves it as it is and only forgets it, which the plan shows as `delete [retain]`; `disable` disables it (it can no longer sign in) and forgets it, which the plan shows as a delete; `delete` deletes it in HCP (HCP refuses to delete or disable the tenant's last enabled, locally authenticated SECURITY account). It acts from the state: it must be stored by an earlier `up`.",
    },
    userGuid: {
      wire: { path: "userGUID", write: "never" },
      role: "output",
      value: { type: "string" },
      required: true,
      doc: "The account's userGUID, assigned by HCP.",
    },
  },
  check(v, news, olds) {
    checkSignIn(v, news);
    checkPassword(v, news, olds);
    checkKeptReplacement(v, news, olds);
  },
};
