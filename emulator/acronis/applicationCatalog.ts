/** The platform's applications (services), as GET /applications lists them (DOC:services/fetching-all-services). */
import {
  BACKUP_APPLICATION_ID,
  DATA_SHIPPING_APPLICATION_ID,
  FILES_CLOUD_APPLICATION_ID,
  HCI_APPLICATION_ID,
  NOTARY_APPLICATION_ID,
  OFFERING_ITEM_CATALOG,
  PLATFORM_APPLICATION_ID,
} from "./catalog";

export type ApplicationType =
  | "backup"
  | "files_cloud"
  | "monitoring"
  | "storage"
  | "platform"
  | "hci"
  | "physical_data_shipping"
  | "notary";

export interface Application {
  id: string;
  name: string;
  type: ApplicationType;
  api_base_url: string;
  usages: string[];
}

/** The usage names of an application's items in the emulated catalog. */
const usagesOf = (applicationId: string): string[] => [
  ...new Set(
    OFFERING_ITEM_CATALOG.filter((i) => i.application_id === applicationId).map((i) => i.usage_name),
  ),
];

const application = (id: string, name: string, type: ApplicationType, apiBaseUrl: string): Application => ({
  id,
  name,
  type,
  api_base_url: apiBaseUrl,
  usages: usagesOf(id),
});

// Choice: `usages` lists the usage names of the emulated catalog's items, a subset of the docs' long lists.
// Choice: Notary's api_base_url is "/notary/" (the docs show none).
export const APPLICATIONS: readonly Application[] = [
  application(BACKUP_APPLICATION_ID, "Backup", "backup", "/bc/"),
  application(DATA_SHIPPING_APPLICATION_ID, "Physical Data Shipping", "physical_data_shipping", "/pds/"),
  application(FILES_CLOUD_APPLICATION_ID, "File Sync & Share", "files_cloud", "/fc/"),
  application(HCI_APPLICATION_ID, "Cyber Infrastructure", "hci", "/hci/"),
  application(NOTARY_APPLICATION_ID, "Notary", "notary", "/notary/"),
  application(PLATFORM_APPLICATION_ID, "Management Portal", "platform", "/mc/"),
];

export const findApplication = (id: string): Application | undefined => APPLICATIONS.find((a) => a.id === id);
