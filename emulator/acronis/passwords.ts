/** User passwords: kept only as salted scrypt hashes; set by the API, the activation link or the control API. */
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { effectiveMfaStatus } from "./mfa";
import type { AcronisState, UserRecord } from "./model";
import { findTenant } from "./tree";

// A low scrypt cost: the emulator's hashes protect test passwords, and sign-ins should stay fast.
const SCRYPT_OPTIONS = { N: 1024, r: 8, p: 1 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString("base64")}$${scryptSync(password, salt, 32, SCRYPT_OPTIONS).toString("base64")}`;
}

export function passwordMatches(stored: string | undefined, password: string): boolean {
  const [scheme, salt, hash] = (stored ?? "").split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = scryptSync(password, Buffer.from(salt, "base64"), expected.length, SCRYPT_OPTIONS);
  return timingSafeEqual(actual, expected);
}

/** Sets the password, which activates the account (DOC:users/changing-password). */
export function setUserPassword(user: UserRecord, password: string, now: Date): void {
  Object.assign(user, {
    password_set: true,
    password_hash: hashPassword(password),
    activated: true,
    updated_at: now.toISOString(),
  });
}

/** Why a user may not sign in with a password, or undefined when they may. */
export function signInRefusal(
  state: AcronisState,
  user: UserRecord | undefined,
  password: string,
): { error: string; description: string } | undefined {
  // Choice: an unknown login, a wrong password and an account without a password all answer alike.
  if (!user || !passwordMatches(user.password_hash, password))
    return { error: "access_denied", description: "invalid login or password" };
  if (!user.enabled) return { error: "access_denied", description: "the account is disabled" };
  const tenant = findTenant(state, user.tenant_id);
  // Choice: users never set up TOTP against the emulator, so two-factor tenants answer totp_setup_required.
  if (tenant && effectiveMfaStatus(state, tenant) === "enabled")
    return { error: "totp_setup_required", description: "two-factor authentication must be set up first" };
  return undefined;
}

/** The user with this login, compared case-insensitively as logins are unique that way. */
export const userByLogin = (state: AcronisState, login: string): UserRecord | undefined =>
  state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
