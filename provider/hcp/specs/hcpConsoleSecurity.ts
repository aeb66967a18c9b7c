import { normaliseBoolean } from "../../core/normalise";
import type { PropertySpec, ResourceSpec } from "../../core/spec";
import { givenMembers } from "../codecs";
import { trimmed } from "../values";
import { checkAccount, ipSettings, namedElements, normaliseIpSettings, tenantAccount } from "./common";

const integer = (value: unknown) => (typeof value === "string" ? Number(value) : value);

/** A count or duration with its documented range (reference §9). */
const range = (min: number, max: number, doc: string): PropertySpec => ({
  value: { type: "integer", min, max },
  normalise: integer,
  doc,
});

const flag = (doc: string): PropertySpec => ({
  value: { type: "boolean" },
  normalise: normaliseBoolean,
  doc,
});

export const hcpConsoleSecuritySpec: ResourceSpec = {
  type: "HcpConsoleSecurity",
  module: "hcp",
  entry: "hcpConsoleSecurity",
  doc: "Tenant Management Console security of an HCP tenant (POST /tenants/{tenant}/consoleSecurity; needs the SECURITY role). Only the settings given are managed. Destroying the resource POSTs HCP's documented defaults back for those settings.",
  id: "The tenant's name, also its import id. Read as the system-level account (`hcp:username`), so the tenant must allow administration by system-level accounts.",
  properties: {
    ...tenantAccount("SECURITY"),
    ...namedElements({
      ipSettings: {
        wire: { path: "ipSettings", codec: givenMembers },
        value: ipSettings,
        normalise: normaliseIpSettings,
        doc: "Who may reach the Tenant Management Console.",
      },
      minimumPasswordLength: range(2, 64, "Minimum length of account passwords, 2-64 (default 6)."),
      forcePasswordChangeDays: range(
        0,
        999_999,
        "Days before a password must change, 0-999999, 0 = never (default 180).",
      ),
      disableAfterAttempts: range(
        0,
        999,
        "Failed logins before an account is disabled, 0-999, 0 = never (default 5).",
      ),
      disableAfterInactiveDays: range(
        0,
        999,
        "Days of inactivity before an account is disabled, 0-999, 0 = never (default 180).",
      ),
      logoutOnInactive: range(0, 999, "Minutes of inactivity before logout, 0-999 (default 10)."),
      loginMessage: {
        value: { type: "string", maxLength: 1024 },
        normalise: trimmed,
        doc: "Shown on the login pages of the Tenant Management Console and the Search Console, up to 1,024 characters (default none).",
      },
      automaticUserAccountUnlockSetting: flag(
        "HCP 9.x: unlock locked accounts automatically (default false).",
      ),
      automaticUserAccountUnlockDuration: {
        ...range(
          0,
          999,
          "HCP 9.x: minutes before that unlock, 0-999, 0 = never (default 5); `automaticUserAccoutUnlockDuration` on the wire.",
        ),
        // HCP spells the element "Accout".
        wire: { path: "automaticUserAccoutUnlockDuration" },
      },
      coolDownPeriodSettings: flag("HCP 9.x: a cool-down after failed logins (default false)."),
      coolDownPeriodDuration: range(0, 999, "HCP 9.x: the cool-down in seconds, 0-999 (default 5)."),
      blockCommonPassword: flag("HCP 9.x: refuse common passwords (default false)."),
      blockPasswordReUse: flag("HCP 9.x: refuse the last `passwordReuseDepth` passwords (default false)."),
      // Choice: undocumented ranges as in the emulator: passwordReuseDepth 1-99, character-class counts 0-64.
      passwordReuseDepth: range(
        1,
        99,
        "HCP 9.x: how many earlier passwords are remembered, 1-99 (default 5).",
      ),
      passwordCombination: flag(
        "HCP 9.x: a password-complexity switch, documented only by name (default false).",
      ),
      passwordContainsUsername: flag("HCP 9.x: whether a password may contain the username (default false)."),
      lowerCaseLetterCount: range(0, 64, "HCP 9.x: minimum lower-case letters, 0-64 (default 1)."),
      upperCaseLetterCount: range(0, 64, "HCP 9.x: minimum upper-case letters, 0-64 (default 1)."),
      numericCharacterCount: range(0, 64, "HCP 9.x: minimum digits, 0-64 (default 1)."),
      specialCharacterCount: range(0, 64, "HCP 9.x: minimum other characters, 0-64 (default 1)."),
    }),
  },
  check: checkAccount,
};
