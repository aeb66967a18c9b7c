import type { PropertyRules } from "../../core/resource";
import type { Validator } from "../../core/validate";
import { checkValue, trimmed } from "../checks";
import type { HcpClient } from "../client";
import { HcpTenantSettingProvider, type TenantSettingInputs } from "../provider";
import type { ContactInfo } from "../types";

export const contactInfoFields = [
  "firstName",
  "lastName",
  "emailAddress",
  "primaryPhone",
  "extension",
  "address1",
  "address2",
  "city",
  "state",
  "zipOrPostalCode",
  "countryOrRegion",
] as const;

export type ContactInfoInputs = TenantSettingInputs & ContactInfo;

/** Field limits of the Tenant Management Console (reference §11). */
export const contactInfoLimits: Record<(typeof contactInfoFields)[number], number> = {
  firstName: 64,
  lastName: 64,
  emailAddress: 254,
  primaryPhone: 24,
  extension: 5,
  // Choice: fields without a documented limit take 100 characters, as in the emulator.
  address1: 100,
  address2: 100,
  city: 100,
  state: 100,
  zipOrPostalCode: 100,
  countryOrRegion: 100,
};

export const contactInfoRules: PropertyRules = Object.fromEntries(
  contactInfoFields.map((field) => [field, { normalise: trimmed }]),
);

export function checkContactInfo(v: Validator, news: ContactInfoInputs): void {
  for (const field of contactInfoFields) v.string(field, { maxLength: contactInfoLimits[field] });
  // Choice: an e-mail address needs a dot in its domain, stricter than the emulator's local@domain; "" clears it.
  checkValue(v, news, "emailAddress", (value) =>
    typeof value === "string" && value !== "" && !/^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(value)
      ? `must be an e-mail address, got "${value}"`
      : undefined,
  );
  v.string("primaryPhone", { pattern: /^[0-9()\-.+ ]*$/, patternHint: "digits, spaces and ( ) - . + only" });
  v.string("extension", { pattern: /^\d*$/, patternHint: "digits only" });
}

/**
 * The contact information of a tenant (POST /tenants/{t}/contactInfo, ADMINISTRATOR role). Destroying
 * the resource empties the fields it managed (HCP's default).
 */
export class HcpTenantContactInfoProvider extends HcpTenantSettingProvider<ContactInfoInputs, ContactInfo> {
  protected readonly resource = "contactInfo";
  protected readonly role = "ADMINISTRATOR";
  protected readonly settingRules = contactInfoRules;

  protected checkSettings(v: Validator, news: ContactInfoInputs): void {
    checkContactInfo(v, news);
  }

  protected fetch(client: HcpClient, tenant: string): Promise<ContactInfo | undefined> {
    return client.getContactInfo(tenant);
  }

  protected store(client: HcpClient, tenant: string, body: ContactInfo): Promise<void> {
    return client.setContactInfo(tenant, body);
  }

  protected body(inputs: ContactInfoInputs): ContactInfo {
    return Object.fromEntries(
      this.managedSettings(inputs).map((key) => [key, inputs[key as keyof ContactInfo]]),
    );
  }

  protected settingOutputs(api: ContactInfo, managed: ContactInfoInputs): Record<string, unknown> {
    return Object.fromEntries(
      this.managedSettings(managed).map((key) => [key, api[key as keyof ContactInfo] ?? ""]),
    );
  }

  protected async defaults(managed: ContactInfoInputs): Promise<ContactInfo> {
    return Object.fromEntries(this.managedSettings(managed).map((key) => [key, ""]));
  }
}
