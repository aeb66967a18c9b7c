/**
 * Which offering item is which: an item's key among a tenant's items, whether an available item is the one
 * a program names, and whether held items satisfy wanted ones. Shared by the spec and its codec.
 */

/** An item as a program names it. */
export interface WantedItem {
  name: string;
  applicationId?: string;
  infraId?: string;
  quota?: { value: number | null; overage?: number | null };
}

/** An item as the API holds it, application and infra resolved. */
export interface HeldItem {
  name: string;
  applicationId: string;
  infraId?: string;
  quota?: { value: number | null; overage: number | null };
}

/** An offering item's identity among a tenant's items: unset application or infra match any. */
export function offeringItemKey(item: { name: string; applicationId?: string; infraId?: string }): string {
  return `${item.applicationId ?? "*"}/${item.name}/${item.infraId ?? "*"}`;
}

/** Whether an available item is the one an input names (unset application or infra match any). */
export function itemMatches(
  input: WantedItem,
  available: { application_id: string; name: string; infra_id?: string | null },
): boolean {
  return (
    input.name === available.name &&
    (input.applicationId === undefined || input.applicationId === available.application_id) &&
    (input.infraId === undefined || input.infraId === (available.infra_id ?? undefined))
  );
}

/** Whether the stored items satisfy the wanted ones: same set, and equal quotas where one is wanted. */
export function itemsSatisfy(stored: readonly HeldItem[], wanted: readonly WantedItem[]): boolean {
  if (stored.length !== wanted.length) return false;
  return wanted.every((w) => {
    const s = stored.find((item) =>
      itemMatches(w, { application_id: item.applicationId, name: item.name, infra_id: item.infraId }),
    );
    if (!s) return false;
    if (!w.quota) return true;
    return (
      s.quota !== undefined &&
      s.quota.value === w.quota.value &&
      s.quota.overage === (w.quota.overage ?? null)
    );
  });
}
