import { toWire } from "../../core/wire";
import type { HcpConsoleSecurityInputs, HcpIpSettings } from "../../generated/hcp";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import { hcpConsoleSecuritySpec } from "../specs/hcpConsoleSecurity";
import type { ConsoleSecurity } from "../types";
import { pickKeys } from "../values";

/** consoleSecurity settings (reference §9) under their input names: the inputs but the tenant and the accounts. */
export type ConsoleSecuritySettings = Omit<HcpConsoleSecurityInputs, keyof TenantSettingInputs | "account">;

/** HCP's documented defaults, restored when the resource is destroyed. */
export const defaultIpSettings: Required<HcpIpSettings> = {
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

/** HCP's defaults for the managed settings (and, inside ipSettings, for the managed members). */
function consoleSecurityDefaultsFor(
  managed: HcpConsoleSecurityInputs,
  keys: readonly string[],
): ConsoleSecurity {
  const defaults = {
    ...consoleSecurityDefaults,
    ipSettings: pickKeys(defaultIpSettings, managed.ipSettings ?? {}),
  };
  return toWire(hcpConsoleSecuritySpec, defaults, "create", keys) as ConsoleSecurity;
}

/**
 * Tenant Management Console security of a tenant (POST /tenants/{t}/consoleSecurity, SECURITY role).
 * Destroying the resource puts HCP's documented defaults back for the settings it managed.
 */
export class HcpConsoleSecurityProvider extends HcpTenantSettingProvider<
  HcpConsoleSecurityInputs,
  ConsoleSecurity
> {
  protected readonly resource = "consoleSecurity";
  protected readonly role = "SECURITY";
  readonly spec = hcpConsoleSecuritySpec;

  protected fetch(client: HcpClient, tenant: string): Promise<ConsoleSecurity | undefined> {
    return client.getConsoleSecurity(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: ConsoleSecurity): Promise<void> {
    return client.setConsoleSecurity(tenant, body);
  }

  protected async defaults(managed: HcpConsoleSecurityInputs): Promise<ConsoleSecurity> {
    return consoleSecurityDefaultsFor(managed, this.managedSettings(managed));
  }
}
