/** Fixed facts of the emulated platform: ids, the offering-item catalog, roles and kind rules. */
import { createHash } from "node:crypto";
import type { TenantKind } from "./model";

/** The partner tenant of the docs' tutorials (the seed's `tenant_id`). */
export const PARTNER_TENANT_ID = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
// Choice: the partner's parent exists above the emulated tree (not stored); naming it answers 403/1002, not 404.
export const ROOT_TENANT_ID = "c2b5f0a4-7d3e-4f1a-8b6c-9e0d1a2b3c4d";

export const BACKUP_APPLICATION_ID = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb";
export const PLATFORM_APPLICATION_ID = "7459244f-68f3-3bf4-9f53-5f63ecc1d91f";
export const FILES_CLOUD_APPLICATION_ID = "dfd85a5f-a464-32ab-81fd-99bcc66a070f";
export const DATA_SHIPPING_APPLICATION_ID = "b71b2c18-590a-303c-9d5a-8444fbe713ac";
export const HCI_APPLICATION_ID = "cc29685d-a9ca-3e87-a83d-069f18b588f0";
export const NOTARY_APPLICATION_ID = "f9c5744e-bd1a-36b6-b0f0-ecd7483e1796";

export const PRIMARY_STORAGE_INFRA_ID = "019097a6-114f-4418-bd54-e01ef049f209";
export const SECONDARY_STORAGE_INFRA_ID = "5f3e9a1b-8c2d-4e7f-a6b5-3c4d2e1f0a9b";
/** The disaster-recovery storage of the docs' sample (DOC:offering-items/obj-structures). */
export const DR_STORAGE_INFRA_ID = "debe7865-fa8d-4c16-8e26-adcf8d7fd23d";

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
  /** The edition prefix and the usage name, e.g. `pw_base_workstations`. */
  name: string;
  /** null for items of services without editions (DOC:offering-items/obj-structures). */
  edition: string | null;
  usage_name: string;
  /** Only infra items (storages) have one. */
  infra_id: string | null;
  type: "count" | "infra";
  measurement_unit: "quantity" | "bytes";
}

/** Edition prefixes of DOC:offering-items/obj-structures. */
const EDITION_PREFIX: Readonly<Record<string, string>> = {
  standard: "",
  advanced: "adv_",
  pck_per_gigabyte: "pg_base_",
  pck_per_workload: "pw_base_",
  fss_legacy: "",
  fss_per_user: "pu_base_",
};

const countItem = (usage: string, edition: string | null, app = BACKUP_APPLICATION_ID) =>
  ({
    application_id: app,
    name: `${edition ? EDITION_PREFIX[edition] : ""}${usage}`,
    edition,
    usage_name: usage,
    infra_id: null,
    type: "count",
    measurement_unit: "quantity",
  }) as const;

const storageItem = (usage: string, edition: string, infraId: string): OfferingItemDefinition => ({
  ...countItem(usage, edition),
  infra_id: infraId,
  type: "infra",
  measurement_unit: "bytes",
});

// Choice: the legacy names (`storage`, `workstations`) are the (Legacy) Standard edition, as the docs' usage sample says.
// Choice: every edition's storage sits on the primary infra, so a customer can take everything its partner offers.
export const OFFERING_ITEM_CATALOG: readonly OfferingItemDefinition[] = [
  storageItem("storage", "standard", PRIMARY_STORAGE_INFRA_ID),
  countItem("workstations", "standard"),
  countItem("servers", "standard"),
  countItem("vms", "standard"),
  countItem("mobiles", "standard"),
  countItem("mailboxes", "standard"),
  storageItem("dr_storage", "standard", DR_STORAGE_INFRA_ID),
  storageItem("storage", "standard", SECONDARY_STORAGE_INFRA_ID),
  countItem("workstations", "advanced"),
  countItem("servers", "advanced"),
  storageItem("storage", "advanced", PRIMARY_STORAGE_INFRA_ID),
  countItem("workstations", "pck_per_gigabyte"),
  countItem("servers", "pck_per_gigabyte"),
  storageItem("storage", "pck_per_gigabyte", PRIMARY_STORAGE_INFRA_ID),
  countItem("workstations", "pck_per_workload"),
  countItem("servers", "pck_per_workload"),
  countItem("vms", "pck_per_workload"),
  storageItem("storage", "pck_per_workload", PRIMARY_STORAGE_INFRA_ID),
  countItem("fc_seats", "fss_legacy", FILES_CLOUD_APPLICATION_ID),
  countItem("fc_seats", "fss_per_user", FILES_CLOUD_APPLICATION_ID),
  countItem("drives_shipped_to_cloud", null, DATA_SHIPPING_APPLICATION_ID),
];

/**
 * Catalog items switched off at the partner, so its children get 1021 for them: `mailboxes`, and the
 * second location of `storage` (POST /_emulator/partner-offering-items switches it on to test the one-storage rule).
 */
export const ITEMS_DISABLED_AT_PARTNER: readonly string[] = [
  `${BACKUP_APPLICATION_ID}|mailboxes|`,
  `${BACKUP_APPLICATION_ID}|storage|${SECONDARY_STORAGE_INFRA_ID}`,
];

/** Whether an item is listed under an `edition` parameter: default `standard`, `*` all, or a comma-separated list; items without an edition always are. */
// Choice: an edition the catalog does not know filters like any other (only items without an edition are listed), not 400.
export function inEditions(item: { edition: string | null }, filter: string | null): boolean {
  if (item.edition === null || filter === "*") return true;
  return (filter ?? "standard").split(",").some((e) => e.trim() === item.edition);
}

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

/** Roles that let a user call the API with their own credentials (and create API clients). */
export const ADMIN_ROLES: readonly string[] = ["root_admin", "partner_admin", "company_admin", "unit_admin"];

const SERVICE_ROLE_KINDS: readonly TenantKind[] = ["customer", "unit"];

/** Every known role and the tenant kinds where it may be granted. */
// Choice: the service roles (readonly_admin, backup_user, sync_share_*) fit customers and units only; roles outside the OAS userRole enum are refused.
export const ROLE_TENANT_KINDS: Readonly<Record<string, readonly TenantKind[]>> = {
  root_admin: ["root"],
  partner_admin: ["partner", "folder"],
  hci_admin: ["partner", "folder"],
  company_admin: ["customer"],
  unit_admin: ["unit"],
  readonly_admin: SERVICE_ROLE_KINDS,
  backup_user: SERVICE_ROLE_KINDS,
  sync_share_admin: SERVICE_ROLE_KINDS,
  sync_share_user: SERVICE_ROLE_KINDS,
  sync_share_guest: SERVICE_ROLE_KINDS,
};
