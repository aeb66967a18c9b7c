import type { AccessRule } from "./auth";
import { checkPropertyNames } from "./context";
import { readBoolean, readInteger, readObject, readText, readTextList } from "./formats";
import { checkAddressEntry } from "./rules";
import type { ConsoleSecurity, IpSettings } from "./state";
import type { TenantSetting } from "./tenantSettings";

const SECURITY_ONLY: AccessRule = { tenantRoles: ["SECURITY"] };
const IP_SETTINGS_PROPERTIES = ["allowAddresses", "denyAddresses", "allowIfInBothLists"] as const;

function readAddresses(value: unknown, name: string): string[] {
  const entries = readTextList(value, "ipAddress", name, 1024).map((entry) => entry.trim());
  for (const entry of entries) checkAddressEntry(entry, name);
  return entries;
}

// Choice: inside ipSettings, a list that is sent replaces the old one whole and members left out stay as they were.
function readIpSettings(value: unknown, current: IpSettings): IpSettings {
  const properties = readObject(value, "ipSettings");
  checkPropertyNames(properties, IP_SETTINGS_PROPERTIES, IP_SETTINGS_PROPERTIES, "ipSettings");
  const { allowAddresses, denyAddresses, allowIfInBothLists } = properties;
  return {
    allowAddresses:
      allowAddresses === undefined ? current.allowAddresses : readAddresses(allowAddresses, "allowAddresses"),
    denyAddresses:
      denyAddresses === undefined ? current.denyAddresses : readAddresses(denyAddresses, "denyAddresses"),
    allowIfInBothLists:
      allowIfInBothLists === undefined ? current.allowIfInBothLists : readBoolean(allowIfInBothLists),
  };
}

const ipSettingsView = (settings: IpSettings) => ({
  allowAddresses: { ipAddress: settings.allowAddresses },
  denyAddresses: { ipAddress: settings.denyAddresses },
  allowIfInBothLists: settings.allowIfInBothLists,
});

type ConsoleProperty = keyof ConsoleSecurity;

const CONSOLE_RANGES: Partial<Record<ConsoleProperty, [number, number]>> = {
  minimumPasswordLength: [2, 64],
  forcePasswordChangeDays: [0, 999_999],
  disableAfterAttempts: [0, 999],
  disableAfterInactiveDays: [0, 999],
  logoutOnInactive: [0, 999],
  automaticUserAccoutUnlockDuration: [0, 999],
  coolDownPeriodDuration: [0, 999],
  // Choice: undocumented ranges: passwordReuseDepth 1-99, the character-class counts 0-64.
  passwordReuseDepth: [1, 99],
  lowerCaseLetterCount: [0, 64],
  upperCaseLetterCount: [0, 64],
  numericCharacterCount: [0, 64],
  specialCharacterCount: [0, 64],
};

/** All 9.x consoleSecurity properties, in answer order (the 8.2 seven first). */
const CONSOLE_PROPERTIES: readonly ConsoleProperty[] = [
  "ipSettings",
  "minimumPasswordLength",
  "forcePasswordChangeDays",
  "disableAfterAttempts",
  "disableAfterInactiveDays",
  "logoutOnInactive",
  "loginMessage",
  "automaticUserAccountUnlockSetting",
  "automaticUserAccoutUnlockDuration",
  "coolDownPeriodSettings",
  "coolDownPeriodDuration",
  "blockCommonPassword",
  "blockPasswordReUse",
  "passwordReuseDepth",
  "passwordCombination",
  "passwordContainsUsername",
  "lowerCaseLetterCount",
  "upperCaseLetterCount",
  "numericCharacterCount",
  "specialCharacterCount",
];

function readConsoleProperty(name: ConsoleProperty, value: unknown, current: ConsoleSecurity): unknown {
  if (name === "ipSettings") return readIpSettings(value, current.ipSettings);
  if (name === "loginMessage") return readText(value, name, 1024);
  const range = CONSOLE_RANGES[name];
  return range ? readInteger(value, name, range[0], range[1]) : readBoolean(value);
}

/** The 9.x example spells passwordCombination in lower case; both spellings are read. */
function withCanonicalNames(properties: Record<string, unknown>): Record<string, unknown> {
  const { passwordcombination, ...rest } = properties;
  return passwordcombination === undefined || rest.passwordCombination !== undefined
    ? properties
    : { ...rest, passwordCombination: passwordcombination };
}

export const consoleSecurity: TenantSetting = {
  resource: "consoleSecurity",
  validForDefaultTenant: false,
  read: SECURITY_ONLY,
  write: SECURITY_ONLY,
  view: (tenant) =>
    Object.fromEntries(
      CONSOLE_PROPERTIES.map((name) => {
        const value = tenant.consoleSecurity[name];
        return [name, name === "ipSettings" ? ipSettingsView(value as IpSettings) : value];
      }),
    ),
  update(tenant, body) {
    const properties = withCanonicalNames(body);
    checkPropertyNames(properties, CONSOLE_PROPERTIES, CONSOLE_PROPERTIES, "consoleSecurity");
    const next: Record<string, unknown> = { ...tenant.consoleSecurity };
    for (const [name, value] of Object.entries(properties)) {
      next[name] = readConsoleProperty(name as ConsoleProperty, value, tenant.consoleSecurity);
    }
    tenant.consoleSecurity = next as unknown as ConsoleSecurity;
  },
};

export const searchSecurity: TenantSetting = {
  resource: "searchSecurity",
  validForDefaultTenant: false,
  read: SECURITY_ONLY,
  write: SECURITY_ONLY,
  view: (tenant) => ({ ipSettings: ipSettingsView(tenant.searchSecurity.ipSettings) }),
  update(tenant, properties) {
    checkPropertyNames(properties, ["ipSettings"], ["ipSettings"], "searchSecurity");
    if (properties.ipSettings === undefined) return;
    tenant.searchSecurity = {
      ipSettings: readIpSettings(properties.ipSettings, tenant.searchSecurity.ipSettings),
    };
  },
};
