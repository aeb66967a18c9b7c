import { normaliseBoolean } from "../../core/normalise";
import type { PropertyRules } from "../../core/resource";
import type { Validator } from "../../core/validate";
import { checkIpSettings, normaliseIpSettings, pickKeys, trimmed } from "../checks";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import type { ConsoleSecurity, IpSettings } from "../types";

export interface IpSettingsInputs {
  allowAddresses?: string[];
  denyAddresses?: string[];
  allowIfInBothLists?: boolean;
}

/** consoleSecurity settings (reference §9) under their input names. */
export interface ConsoleSecuritySettings {
  ipSettings?: IpSettingsInputs;
  minimumPasswordLength?: number;
  forcePasswordChangeDays?: number;
  disableAfterAttempts?: number;
  disableAfterInactiveDays?: number;
  logoutOnInactive?: number;
  loginMessage?: string;
  automaticUserAccountUnlockSetting?: boolean;
  /** `automaticUserAccoutUnlockDuration` on the wire. */
  automaticUserAccountUnlockDuration?: number;
  coolDownPeriodSettings?: boolean;
  coolDownPeriodDuration?: number;
  blockCommonPassword?: boolean;
  blockPasswordReUse?: boolean;
  passwordReuseDepth?: number;
  passwordCombination?: boolean;
  passwordContainsUsername?: boolean;
  lowerCaseLetterCount?: number;
  upperCaseLetterCount?: number;
  numericCharacterCount?: number;
  specialCharacterCount?: number;
}

export type ConsoleSecurityInputs = TenantSettingInputs & ConsoleSecuritySettings;

type IntegerSetting = {
  [K in keyof ConsoleSecuritySettings]-?: ConsoleSecuritySettings[K] extends number | undefined ? K : never;
}[keyof ConsoleSecuritySettings];
type BooleanSetting = {
  [K in keyof ConsoleSecuritySettings]-?: ConsoleSecuritySettings[K] extends boolean | undefined ? K : never;
}[keyof ConsoleSecuritySettings];

/** Documented ranges (reference §9). */
export const consoleSecurityRanges: Record<IntegerSetting, readonly [number, number]> = {
  minimumPasswordLength: [2, 64],
  forcePasswordChangeDays: [0, 999_999],
  disableAfterAttempts: [0, 999],
  disableAfterInactiveDays: [0, 999],
  logoutOnInactive: [0, 999],
  automaticUserAccountUnlockDuration: [0, 999],
  coolDownPeriodDuration: [0, 999],
  // Choice: undocumented ranges as in the emulator: passwordReuseDepth 1-99, character-class counts 0-64.
  passwordReuseDepth: [1, 99],
  lowerCaseLetterCount: [0, 64],
  upperCaseLetterCount: [0, 64],
  numericCharacterCount: [0, 64],
  specialCharacterCount: [0, 64],
};

const booleanSettings: readonly BooleanSetting[] = [
  "automaticUserAccountUnlockSetting",
  "coolDownPeriodSettings",
  "blockCommonPassword",
  "blockPasswordReUse",
  "passwordCombination",
  "passwordContainsUsername",
];

/** HCP's documented defaults, restored when the resource is destroyed. */
export const defaultIpSettings: Required<IpSettingsInputs> = {
  allowAddresses: ["0.0.0.0/0"],
  denyAddresses: [],
  allowIfInBothLists: true,
};

export const consoleSecurityDefaults: Required<ConsoleSecuritySettings> = {
  ipSettings: defaultIpSettings,
  minimumPasswordLength: 6,
  forcePasswordChangeDays: 180,
  disableAfterAttempts: 5,
  disableAfterInactiveDays: 180,
  logoutOnInactive: 10,
  loginMessage: "",
  // Choice: the undocumented defaults of the 9.x switches are off, as in the emulator.
  automaticUserAccountUnlockSetting: false,
  automaticUserAccountUnlockDuration: 5,
  coolDownPeriodSettings: false,
  coolDownPeriodDuration: 5,
  blockCommonPassword: false,
  blockPasswordReUse: false,
  passwordReuseDepth: 5,
  passwordCombination: false,
  passwordContainsUsername: false,
  lowerCaseLetterCount: 1,
  upperCaseLetterCount: 1,
  numericCharacterCount: 1,
  specialCharacterCount: 1,
};

const integer = (value: unknown) => (typeof value === "string" ? Number(value) : value);

export const consoleSecurityRules: PropertyRules = {
  ipSettings: { normalise: normaliseIpSettings },
  ...Object.fromEntries(Object.keys(consoleSecurityRanges).map((key) => [key, { normalise: integer }])),
  loginMessage: { normalise: trimmed },
  ...Object.fromEntries(booleanSettings.map((key) => [key, { normalise: normaliseBoolean }])),
};

/** Input name → wire name, where they differ (HCP spells it "Accout"). */
const wireNames: Partial<Record<keyof ConsoleSecuritySettings, keyof ConsoleSecurity>> = {
  automaticUserAccountUnlockDuration: "automaticUserAccoutUnlockDuration",
};
const wireName = (key: string): keyof ConsoleSecurity =>
  wireNames[key as keyof ConsoleSecuritySettings] ?? (key as keyof ConsoleSecurity);

export function checkConsoleSecurity(v: Validator, news: ConsoleSecurityInputs): void {
  checkIpSettings(v, news, "ipSettings");
  for (const [key, [min, max]] of Object.entries(consoleSecurityRanges)) v.integer(key, { min, max });
  for (const key of booleanSettings) v.boolean(key);
  v.string("loginMessage", { maxLength: 1024 });
}

/** The managed settings, from input names to the wire's. */
export function consoleSecurityBody(
  inputs: ConsoleSecuritySettings,
  keys: readonly string[],
): ConsoleSecurity {
  const body: Record<string, unknown> = {};
  for (const key of keys) body[wireName(key)] = inputs[key as keyof ConsoleSecuritySettings];
  return body as ConsoleSecurity;
}

/** The managed settings as HCP holds them, under their input names; ipSettings only the managed members. */
export function consoleSecurityOutputs(
  api: ConsoleSecurity,
  managed: ConsoleSecurityInputs,
  keys: readonly string[],
) {
  const outputs: Record<string, unknown> = {};
  for (const key of keys) {
    const value = api[wireName(key)];
    outputs[key] = key === "ipSettings" ? pickKeys(value as IpSettings, managed.ipSettings ?? {}) : value;
  }
  return outputs;
}

/** HCP's defaults for the managed settings (and, inside ipSettings, for the managed members). */
export function consoleSecurityDefaultsFor(
  managed: ConsoleSecurityInputs,
  keys: readonly string[],
): ConsoleSecurity {
  const defaults: Record<string, unknown> = { ...consoleSecurityDefaults };
  defaults.ipSettings = pickKeys(defaultIpSettings, managed.ipSettings ?? {});
  return consoleSecurityBody(defaults as ConsoleSecuritySettings, keys);
}

/**
 * Tenant Management Console security of a tenant (POST /tenants/{t}/consoleSecurity, SECURITY role).
 * Destroying the resource puts HCP's documented defaults back for the settings it managed.
 */
export class HcpConsoleSecurityProvider extends HcpTenantSettingProvider<
  ConsoleSecurityInputs,
  ConsoleSecurity
> {
  protected readonly resource = "consoleSecurity";
  protected readonly role = "SECURITY";
  protected readonly settingRules = consoleSecurityRules;

  protected checkSettings(v: Validator, news: ConsoleSecurityInputs): void {
    checkConsoleSecurity(v, news);
  }

  protected fetch(client: HcpClient, tenant: string): Promise<ConsoleSecurity | undefined> {
    return client.getConsoleSecurity(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: ConsoleSecurity): Promise<void> {
    return client.setConsoleSecurity(tenant, body);
  }

  protected body(inputs: ConsoleSecurityInputs): ConsoleSecurity {
    return consoleSecurityBody(inputs, this.managedSettings(inputs));
  }

  protected settingOutputs(api: ConsoleSecurity, managed: ConsoleSecurityInputs): Record<string, unknown> {
    return consoleSecurityOutputs(api, managed, this.managedSettings(managed));
  }

  protected async defaults(managed: ConsoleSecurityInputs): Promise<ConsoleSecurity> {
    return consoleSecurityDefaultsFor(managed, this.managedSettings(managed));
  }
}
