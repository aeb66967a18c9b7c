/** Fixed facts of the emulated platform: ids, the offering-item catalog, roles and kind rules. */
import { createHash } from "node:crypto";
import type { TenantKind } from "./model";

/** The partner tenant of the docs' tutorials (the seed's `tenant_id`). */
export const PARTNER_TENANT_ID = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
// Choice: the partner's parent exists above the emulated tree (not stored); naming it answers 403/1002, not 404.
export const ROOT_TENANT_ID = "c2b5f0a4-7d3e-4f1a-8b6c-9e0d1a2b3c4d";

export const BACKUP_APPLICATION_ID = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb";
export const PLATFORM_APPLICATION_ID = "7459244f-68f3-3bf4-9f53-5f63ecc1d91f";

export const PRIMARY_STORAGE_INFRA_ID = "019097a6-114f-4418-bd54-e01ef049f209";
export const SECONDARY_STORAGE_INFRA_ID = "5f3e9a1b-8c2d-4e7f-a6b5-3c4d2e1f0a9b";

export const DEFAULT_IDP_ID = "11111111-1111-1111-1111-111111111111";
export const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

/** The brand of the seed's sample response; tenants inherit their parent's brand. */
export const PARTNER_BRAND = { id: 3579, uuid: "14dc11ca-2b16-43bb-8ba4-2a3545c214a0" };

export const API_CLIENT = {
  clientId: "b7f3c2a1-5e4d-4c8b-9a6f-1d2e3f4a5b6c",
  clientName: "tenant-estates emulator client",
  tenantId: PARTNER_TENANT_ID,
};

// Choice: the secret is fixed per client id (random-looking, stable across restarts so a saved state stays usable).
export const API_CLIENT_SECRET = createHash("sha256")
  .update(`acronis-emulator/${API_CLIENT.clientId}`)
  .digest("hex")
  .slice(0, 32);

export interface OfferingItemDefinition {
  application_id: string;
  name: string;
  /** Only infra items (storages) have one. */
  infra_id: string | null;
  type: "count" | "infra";
  measurement_unit: "quantity" | "bytes";
}

const countItem = (name: string): OfferingItemDefinition => ({
  application_id: BACKUP_APPLICATION_ID,
  name,
  infra_id: null,
  type: "count",
  measurement_unit: "quantity",
});

const storageItem = (name: string, infraId: string): OfferingItemDefinition => ({
  application_id: BACKUP_APPLICATION_ID,
  name,
  infra_id: infraId,
  type: "infra",
  measurement_unit: "bytes",
});

// Choice: catalog items are edition-less (legacy names, as in the seed), so the `edition` parameter never filters.
// Choice: the second storage is `adv_storage` on another infra, so the seed's pick-by-name still finds one `storage`.
export const OFFERING_ITEM_CATALOG: readonly OfferingItemDefinition[] = [
  storageItem("storage", PRIMARY_STORAGE_INFRA_ID),
  countItem("workstations"),
  countItem("servers"),
  countItem("vms"),
  countItem("mobiles"),
  storageItem("adv_storage", SECONDARY_STORAGE_INFRA_ID),
  countItem("mailboxes"),
];

/** Present in the catalog but switched off at the partner, so its children get 1021 for it. */
export const ITEMS_DISABLED_AT_PARTNER: readonly string[] = ["mailboxes"];

/** Identity of an offering item: (application_id, name, infra_id). */
export function itemKey(item: { application_id: string; name: string; infra_id?: string | null }): string {
  return `${item.application_id}|${item.name}|${item.infra_id ?? ""}`;
}

export const ALLOWED_CHILD_KINDS: Readonly<Record<TenantKind, readonly TenantKind[]>> = {
  root: ["partner", "folder", "customer"],
  partner: ["partner", "folder", "customer"],
  folder: ["partner", "folder", "customer"],
  customer: ["unit"],
  unit: ["unit"],
};

const SERVICE_ROLE_KINDS: readonly TenantKind[] = ["customer", "unit"];

/** Every known role and the tenant kinds where it may be granted. */
// Choice: the service roles (readonly_admin, backup_*, sync_share_*, monitoring_admin) fit customers and units only.
export const ROLE_TENANT_KINDS: Readonly<Record<string, readonly TenantKind[]>> = {
  root_admin: ["root"],
  partner_admin: ["partner", "folder"],
  hci_admin: ["partner", "folder"],
  company_admin: ["customer"],
  unit_admin: ["unit"],
  readonly_admin: SERVICE_ROLE_KINDS,
  backup_admin: SERVICE_ROLE_KINDS,
  backup_user: SERVICE_ROLE_KINDS,
  sync_share_admin: SERVICE_ROLE_KINDS,
  sync_share_user: SERVICE_ROLE_KINDS,
  sync_share_guest: SERVICE_ROLE_KINDS,
  monitoring_admin: SERVICE_ROLE_KINDS,
};
