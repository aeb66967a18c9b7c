import { plain, sortedSet } from "../core/normalise";
import type { Codec } from "../core/wire";
import { type HeldItem, itemMatches, offeringItemKey } from "./offeringItemMatch";
import type { AccessPolicyItem, OfferingItem, OfferingItemWrite } from "./types";

/** The conversions between Acronis's fields and the programs' values, named for the specs' `wire` entries. */

/** A flag the API keeps as a status, `enabled` or `disabled`: any other status (or none) is not enabled. */
export const enabledStatus: Codec = {
  name: "enabled as status",
  wireType: "string",
  toWire: (value) => (value === undefined ? undefined : value ? "enabled" : "disabled"),
  fromWire: (value) => value === "enabled",
};

/**
 * Two-factor authentication, written as a flag (`enabled`) and answered as a status (`mfa_status`): on while
 * the status is anything but `disabled` (`disable_in_progress` included).
 */
export const mfaStatusEnabled: Codec = {
  name: "enabled, answered as MFA status",
  toWire: (value) => value,
  fromWire: (value) => (typeof value === "string" ? value !== "disabled" : undefined),
  answered: (written) => (written === undefined ? undefined : written ? "enabled" : "disabled"),
};

/** The ids of a new access policy: the API takes any valid UUID there (DOCV2:users/roles/modify). */
const zeroUuid = "00000000-0000-0000-0000-000000000000";

/**
 * A user's roles in its tenant, as its access policies: one per role, naming the user (`userId`) and its
 * tenant (`tenantId`) from the context. Read: the roles of the policies whose trustee is the user, as a set.
 */
export const userRolePolicies: Codec = {
  name: "roles as the user's access policies",
  toWire: (value, context) =>
    Array.isArray(value)
      ? sortedSet(value).map(
          (role): AccessPolicyItem => ({
            id: zeroUuid,
            issuer_id: zeroUuid,
            tenant_id: context?.tenantId as string,
            trustee_id: context?.userId as string,
            trustee_type: "user",
            role_id: role,
            version: 0,
          }),
        )
      : undefined,
  fromWire: (value, _given, context) => {
    const items = (Array.isArray(value) ? value : []) as AccessPolicyItem[];
    return sortedSet(items.filter((i) => i.trustee_id === context?.userId).map((i) => i.role_id));
  },
};

/** An offering item as a write names it, with its status (1 enabled, 0 disabled). */
export function offeringItemWrite(item: HeldItem, status: 0 | 1): OfferingItemWrite {
  return plain({ application_id: item.applicationId, name: item.name, infra_id: item.infraId, status });
}

/** Read by id alone (an import, an export), the tenant's enabled items are all managed, with their quotas. */
export function everyEnabledItem(current: readonly OfferingItem[]): HeldItem[] {
  // Any quota here only says the item's quota is read back.
  const unlimited = { value: null, overage: null };
  return current
    .filter((c) => c.status === 1)
    .map((c) => ({
      name: c.name,
      applicationId: c.application_id,
      infraId: c.infra_id ?? undefined,
      quota: unlimited,
    }))
    .map((item) => plain(item) as HeldItem);
}

/**
 * The managed items as the tenant now has them: enabled ones only (a disabled one has dropped out),
 * with the quota where the program manages it. Sorted, so equal states compare equal.
 */
export function enabledItems(managed: readonly HeldItem[], current: readonly OfferingItem[]): HeldItem[] {
  const result: HeldItem[] = [];
  for (const item of managed) {
    const now = current.find((c) => c.status === 1 && itemMatches(item, c));
    if (!now) continue;
    result.push(
      plain({
        name: now.name,
        applicationId: now.application_id,
        infraId: now.infra_id ?? undefined,
        quota: item.quota
          ? { value: now.quota?.value ?? null, overage: now.quota?.overage ?? null }
          : undefined,
      }),
    );
  }
  return result.sort((a, b) => offeringItemKey(a).localeCompare(offeringItemKey(b)));
}

/**
 * A tenant's offering items: written enabled, each with its quota where the program manages one (the
 * quota's version is the provider's to add); read, the given items the tenant has enabled, as it holds
 * them; without given items (an import), every enabled item with its quota.
 */
export const enabledOfferingItems: Codec = {
  name: "enabled offering items",
  toWire: (value) =>
    Array.isArray(value)
      ? (value as HeldItem[]).map((item) =>
          plain({
            ...offeringItemWrite(item, 1),
            quota: item.quota ? { value: item.quota.value, overage: item.quota.overage ?? null } : undefined,
          }),
        )
      : undefined,
  fromWire: (value, given) => {
    const current = (Array.isArray(value) ? value : []) as OfferingItem[];
    return enabledItems(Array.isArray(given) ? (given as HeldItem[]) : everyEnabledItem(current), current);
  },
};
