import type { PropertySpec, ResourceSpec } from "../../core/spec";
import { text as textElement } from "../../core/wire";
import { trimmed } from "../values";
import { checkAccount, tenantAccount } from "./common";

/** Free text up to `maxLength` characters (the Tenant Management Console's limits, reference §11). */
const text = (maxLength: number, doc: string, pattern?: RegExp, patternHint?: string): PropertySpec => ({
  value: { type: "string", maxLength, ...(pattern ? { pattern, patternHint } : {}) },
  normalise: trimmed,
  doc,
});

// Choice: fields without a documented limit take 100 characters, as in the emulator.
const line = (doc: string) => text(100, `${doc}, up to 100 characters.`);

/** Each setting is the element of its name in the contactInfo document; one HCP leaves out reads as "". */
const elements = (settings: Record<string, PropertySpec>): Record<string, PropertySpec> =>
  Object.fromEntries(
    Object.entries(settings).map(([key, p]) => [key, { ...p, wire: { path: key, codec: textElement } }]),
  );

export const hcpTenantContactInfoSpec: ResourceSpec = {
  type: "HcpTenantContactInfo",
  module: "hcp",
  entry: "hcpTenantContactInfo",
  doc: "Contact information of an HCP tenant (POST /tenants/{tenant}/contactInfo; needs the ADMINISTRATOR role). Only the fields given are managed; an empty string clears one. Destroying the resource empties those fields (HCP's default).",
  id: "The tenant's name, also its import id. Read as the system-level account (`hcp:username`), so the tenant must allow administration by system-level accounts.",
  properties: {
    ...tenantAccount("ADMINISTRATOR"),
    ...elements({
      firstName: text(64, "First name, up to 64 characters."),
      lastName: text(64, "Last name, up to 64 characters."),
      emailAddress: text(
        254,
        "An e-mail address, up to 254 characters.",
        // Choice: an e-mail address needs a dot in its domain, stricter than the emulator's local@domain; "" clears it.
        /^$|^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/,
        "an e-mail address",
      ),
      primaryPhone: text(
        24,
        "Phone number without the extension: digits, spaces and ( ) - . +, up to 24 characters.",
        /^[0-9()\-.+ ]*$/,
        "digits, spaces and ( ) - . + only",
      ),
      extension: text(5, "Phone extension: up to 5 digits.", /^\d*$/, "digits only"),
      address1: line("Address, first line"),
      address2: line("Address, second line"),
      city: line("City"),
      state: line("State or province"),
      zipOrPostalCode: line("ZIP or postal code"),
      countryOrRegion: line("Country or region"),
    }),
  },
  check: checkAccount,
};
