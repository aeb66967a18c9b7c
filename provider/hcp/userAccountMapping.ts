import { jsonEqual, plain } from "../core/normalise";
import { managedKeys, type PropertyRules } from "../core/resource";
import { fromWire, mappedProperties, toWire } from "../core/wire";
import type { HcpUserAccountInputs, HcpUserAccountOutputs } from "../generated/hcp";
import type { UserAccount } from "./namespaceApi";
import type { SignIn } from "./provider";
import { hcpUserAccountSpec } from "./specs/hcpUserAccount";

/** Pure mapping between HcpUserAccount inputs and the MAPI userAccount. */

export type { HcpUserAccountInputs, HcpUserAccountOutputs } from "../generated/hcp";

/** Where the resource signs in: its sign-in inputs, under the names the tenant-level provider uses. */
export const signInOf = (inputs: HcpUserAccountInputs): SignIn => ({
  tenant: inputs.tenant,
  username: inputs.signInUsername,
  password: inputs.signInPassword,
});

/** Account properties a POST may change (localAuthentication and forcePasswordChange are create only; the password a query parameter). */
export const changeableKeys: readonly string[] = mappedProperties(hcpUserAccountSpec)
  .filter(([, wire]) => wire.write === "always" || wire.write === "update")
  .map(([key]) => key);

/** The PUT body: HCP requires username, fullName, localAuthentication, forcePasswordChange and enabled. */
export function accountCreateBody(inputs: HcpUserAccountInputs): UserAccount {
  const required = {
    localAuthentication: inputs.localAuthentication ?? true,
    forcePasswordChange: inputs.forcePasswordChange ?? false,
    enabled: inputs.enabled ?? true,
  };
  return plain(toWire(hcpUserAccountSpec, { ...inputs, ...required }, "create")) as UserAccount;
}

/** The POST body for the given keys; roles in HCP's spelling. */
export function accountChangeBody(inputs: HcpUserAccountInputs, keys: readonly string[]): UserAccount {
  return plain(toWire(hcpUserAccountSpec, { ...inputs }, "update", keys)) as UserAccount;
}

/**
 * Outputs from the account HCP holds: every input key the program manages, as HCP holds it, plus the
 * username and GUID. Create, read and update use it alike. The password (which HCP never returns), the
 * create-only flag and the sign-in credentials are the program's, carried forward so a refresh keeps them;
 * the SDK stores both passwords as secrets.
 */
export function accountOutputs(
  account: UserAccount,
  managed: HcpUserAccountInputs,
  rules: PropertyRules,
): HcpUserAccountOutputs {
  const fromApi: Record<string, unknown> = {
    ...fromWire(hcpUserAccountSpec, account, { ...managed }),
    tenant: managed.tenant,
    signInUsername: managed.signInUsername,
    signInPassword: managed.signInPassword,
    // Choice: the password is carried forward (the SDK stores it encrypted) so a refreshed plan does not list it.
    password: managed.password,
    deletionPolicy: managed.deletionPolicy,
  };
  const outputs: Record<string, unknown> = { userGuid: fromApi.userGuid };
  for (const key of managedKeys(managed, rules)) {
    if (key !== "adopt") outputs[key] = fromApi[key];
  }
  outputs.username = fromApi.username;
  return plain(outputs) as unknown as HcpUserAccountOutputs;
}

/** The changeable properties whose value differs between the stored outputs and the new inputs. */
export function changedAccountKeys(olds: object, news: HcpUserAccountInputs, rules: PropertyRules): string[] {
  return changeableKeys.filter((key) => {
    const given = (news as unknown as Record<string, unknown>)[key];
    if (given === undefined) return false;
    const normalise = rules[key].normalise ?? ((x: unknown) => x);
    const held = (olds as Record<string, unknown>)[key];
    return !jsonEqual(normalise(held ?? null), normalise(given));
  });
}
