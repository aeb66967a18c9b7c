import * as pulumi from "@pulumi/pulumi";
import { financeChargeback, hcpFinance } from "./finance";

const config = new pulumi.Config();
const { finance, consoleSecurity } = hcpFinance({
  initialUserPassword: config.requireSecret("financeInitialPassword"),
  // Checked by the provider: anything but retain or delete is refused at preview, naming the property.
  deletionPolicy: config.get("financeDeletionPolicy") as "delete" | "retain" | undefined,
});

export const tenantId = finance.tenantId;
export const fullyQualifiedName = finance.fullyQualifiedName;
export const consoleAllowAddresses = consoleSecurity.ipSettings;
export const chargebackRows = financeChargeback(finance, new pulumi.Config("hcp")).apply(
  (rows) => rows.length,
);
