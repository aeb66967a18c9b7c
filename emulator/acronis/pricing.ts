/** Billing mode: GET/PUT /tenants/{id}/pricing. A customer starts in trial and goes to production once. */
import { type ApiHandler, ok } from "./call";
import { fail, invalid, versionMismatch } from "./errors";
import { asObject, optString, requiredVersion } from "./input";
import type { TenantRecord } from "./model";
import { visibleTenant } from "./tree";

const CURRENCIES = ["AUD", "BRL", "CAD", "EUR", "CNY", "GBP", "JPY", "KZT", "NZD", "RUB", "USD", "ZAR"];
const MODES = ["trial", "production"];

/** The first instant after the first full calendar month: created on day 1, the end of that month. */
export function trialEnd(createdAt: Date): Date {
  const months = createdAt.getUTCDate() === 1 ? 1 : 2;
  return new Date(Date.UTC(createdAt.getUTCFullYear(), createdAt.getUTCMonth() + months, 1));
}

/** In trial: when the tenant will switch to production; in production: when it switched. */
export function productionStartDate(tenant: TenantRecord): string {
  return tenant.pricing_mode === "trial"
    ? trialEnd(new Date(tenant.created_at)).toISOString()
    : (tenant.production_start_date ?? tenant.created_at);
}

/** Choice: a tenant's pricing version is the ms epoch of its last pricing change (its creation at first). */
function pricingView(tenant: TenantRecord): Record<string, unknown> {
  return {
    mode: tenant.pricing_mode,
    currency: tenant.pricing_currency ?? null,
    version: tenant.pricing_version ?? new Date(tenant.created_at).getTime(),
    production_start_date: productionStartDate(tenant),
  };
}

export const getPricing: ApiHandler = ({ state, caller, params }) =>
  ok(pricingView(visibleTenant(state, caller, params.id)));

export const putPricing: ApiHandler = ({ state, caller, params, body, now }) => {
  const tenant = visibleTenant(state, caller, params.id);
  const input = asObject(body, "request body");
  const version = requiredVersion(input);
  const current = pricingView(tenant);
  if (version !== current.version) throw versionMismatch("pricing", current.version as number, version);
  const mode = optString(input, "mode") ?? tenant.pricing_mode;
  if (!MODES.includes(mode)) throw invalid(`"mode" must be one of ${MODES.join(", ")}`);
  // Choice: currency null (as GET shows it) means no currency.
  const currency = input.currency === null ? null : optString(input, "currency");
  if (typeof currency === "string" && !CURRENCIES.includes(currency))
    throw invalid(`"currency" must be one of ${CURRENCIES.join(", ")}`);
  if (mode !== tenant.pricing_mode) {
    // Choice: a refused switch is 400 with code 1027 (business rules), as the digest suggests.
    if (tenant.kind !== "customer") throw fail(400, 1027, `a ${tenant.kind} tenant is always in production`);
    if (mode === "trial") throw fail(400, 1027, "a tenant in production cannot go back to trial");
    tenant.pricing_mode = "production";
    tenant.production_start_date = now.toISOString();
  }
  const changed = mode !== current.mode || (currency !== undefined && currency !== current.currency);
  if (currency !== undefined) tenant.pricing_currency = currency;
  if (changed) {
    tenant.pricing_version = now.getTime();
    // Choice: the tenant object mirrors pricing_mode, so a pricing change is a new tenant version too.
    tenant.version += 1;
    tenant.updated_at = now.toISOString();
  }
  return ok(pricingView(tenant));
};
