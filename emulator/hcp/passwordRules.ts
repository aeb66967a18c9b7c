import { md5Hex } from "./auth";
import { badRequest } from "./errors";
import { checkPassword } from "./rules";
import type { ConsoleSecurity } from "./state";

// Choice: blockCommonPassword refuses this short list (any case); HCP's own list is not published.
const COMMON_PASSWORDS = new Set([
  "password",
  "password1",
  "passw0rd",
  "p@ssw0rd",
  "123456",
  "12345678",
  "123456789",
  "qwerty",
  "qwerty123",
  "abc123",
  "letmein",
  "welcome1",
  "admin123",
  "start123",
]);

const CLASS_RULES = [
  ["lowerCaseLetterCount", /[a-z]/g, "lower-case letters"],
  ["upperCaseLetterCount", /[A-Z]/g, "upper-case letters"],
  ["numericCharacterCount", /[0-9]/g, "digits"],
  ["specialCharacterCount", /[^A-Za-z0-9]/g, "other characters"],
] as const;

/**
 * A user account's new password against the tenant's consoleSecurity: always the length and two-group
 * rule; with the 9.x switches on, character counts, common passwords and reuse; never the username.
 */
export function checkAccountPassword(
  password: string,
  username: string,
  security: ConsoleSecurity,
  history: readonly string[],
): void {
  checkPassword(password, security.minimumPasswordLength);
  // Choice: the character-class counts apply only while passwordCombination is on (the switches start off).
  if (security.passwordCombination) {
    for (const [property, pattern, what] of CLASS_RULES) {
      const needed = security[property];
      if ((password.match(pattern) ?? []).length < needed)
        throw badRequest(`Invalid 'password': it needs at least ${needed} ${what}.`);
    }
  }
  if (security.blockCommonPassword && COMMON_PASSWORDS.has(password.toLowerCase()))
    throw badRequest("Invalid 'password': it is a common password.");
  // Choice: passwordContainsUsername false (the default) refuses a password that contains the username, any case.
  if (!security.passwordContainsUsername && password.toLowerCase().includes(username.toLowerCase()))
    throw badRequest("Invalid 'password': it must not contain the username.");
  if (security.blockPasswordReUse && history.slice(0, security.passwordReuseDepth).includes(md5Hex(password)))
    throw badRequest("Invalid 'password': it was used recently.");
}
