import { jsonEqual, plain } from "../core/normalise";
import { managedKeys, type PropertyRules } from "../core/resource";
import type { UserAccount } from "./namespaceApi";
import type { SignIn } from "./provider";
import type { accountDeletionPolicies } from "./specs/hcpUserAccount";

/** Pure mapping between HcpUserAccount inputs and the MAPI userAccount. */

export interface HcpUserAccountInputs {
  tenant: string;
  signInUsername?: string;
  signInPassword?: string;
  adopt?: boolean;
  username: string;
  fullName: string;
  description?: string;
  enabled?: boolean;
  roles?: string[];
  localAuthentication?: boolean;
  /** The account's initial password: create only, never an output. */
  password?: string;
  forcePasswordChange?: boolean;
  deletionPolicy?: (typeof accountDeletionPolicies)[number];
}

export interface HcpUserAccountOutputs extends HcpUserAccountInputs {
  userGuid: string;
}

/** Where the resource signs in: its sign-in inputs, under the names the tenant-level provider uses. */
export const signInOf = (inputs: HcpUserAccountInputs): SignIn => ({
  tenant: inputs.tenant,
  username: inputs.signInUsername,
  password: inputs.signInPassword,
});

/** Account properties a POST may change (localAuthentication is fixed; the password is create only). */
export const changeableKeys = ["username", "fullName", "description", "enabled", "roles"] as const;

/** The PUT body: HCP requires username, fullName, localAuthentication, forcePasswordChange and enabled. */
export function accountCreateBody(inputs: HcpUserAccountInputs): UserAccount {
  return plain({
    username: inputs.username,
    fullName: inputs.fullName,
    description: inputs.description,
    localAuthentication: inputs.localAuthentication ?? true,
    forcePasswordChange: inputs.forcePasswordChange ?? false,
    enabled: inputs.enabled ?? true,
    roles: inputs.roles?.map((role) => role.toUpperCase()),
  });
}

/** The POST body for the given keys; roles in HCP's spelling. */
export function accountChangeBody(inputs: HcpUserAccountInputs, keys: readonly string[]): UserAccount {
  const body: Record<string, unknown> = {};
  for (const key of changeableKeys) {
    if (!keys.includes(key) || inputs[key] === undefined) continue;
    body[key] = key === "roles" ? inputs.roles?.map((role) => role.toUpperCase()) : inputs[key];
  }
  return plain(body) as UserAccount;
}

/**
 * Outputs from the account HCP holds: every input key the program manages, as HCP holds it, plus the
 * GUID. Create, read and update use it alike. The password (which HCP never returns), the create-only
 * flag and the sign-in credentials are the program's, carried forward so a refresh keeps them; the SDK
 * stores both passwords as secrets.
 */
export function accountOutputs(
  account: UserAccount,
  managed: HcpUserAccountInputs,
  rules: PropertyRules,
): HcpUserAccountOutputs {
  const fromApi: Record<string, unknown> = {
    tenant: managed.tenant,
    signInUsername: managed.signInUsername,
    signInPassword: managed.signInPassword,
    fullName: account.fullName,
    description: account.description,
    enabled: account.enabled,
    roles: account.roles,
    localAuthentication: account.localAuthentication,
    forcePasswordChange: managed.forcePasswordChange,
    // Choice: the password is carried forward (the SDK stores it encrypted) so a refreshed plan does not list it.
    password: managed.password,
    deletionPolicy: managed.deletionPolicy,
  };
  const outputs: Record<string, unknown> = { userGuid: account.userGUID };
  for (const key of managedKeys(managed, rules)) {
    if (key !== "adopt") outputs[key] = fromApi[key];
  }
  outputs.username = account.username;
  return plain(outputs) as unknown as HcpUserAccountOutputs;
}

/** The changeable properties whose value differs between the stored outputs and the new inputs. */
export function changedAccountKeys(olds: object, news: HcpUserAccountInputs, rules: PropertyRules): string[] {
  return changeableKeys.filter((key) => {
    if (news[key] === undefined) return false;
    const normalise = rules[key].normalise ?? ((x: unknown) => x);
    const held = (olds as Record<string, unknown>)[key];
    return !jsonEqual(normalise(held ?? null), normalise(news[key]));
  });
}
