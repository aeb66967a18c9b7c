import { Document, isMap, isScalar, isSeq, type Scalar, type YAMLMap } from "yaml";
import type { AcronisClient } from "../provider/acronis/client";
import { getTenantsUsages } from "../provider/acronis/clientsApi";
import type { UsageItem } from "../provider/acronis/types";
import type { Estate } from "../sdk/estateFile";

/** Usage of the exported customers, by customer name. */
export type ExportedUsage = Map<string, UsageItem[]>;

/**
 * The usage of every exported customer: one listing of the partner's children (names to ids) and one usage
 * call per 100 customers.
 * Choice: customers are matched by name, which the platform keeps unique under a partner.
 */
export async function exportedUsage(
  client: AcronisClient,
  section: Estate["acronis"],
): Promise<ExportedUsage> {
  const names = new Set((section?.customers ?? []).map((c) => c.name));
  if (names.size === 0) return new Map();
  const root = section?.partnerTenantId ?? (await client.ownTenantId());
  const children = (await client.listChildTenants(root)).filter(
    (t) => t.kind === "customer" && names.has(t.name),
  );
  const byId = await getTenantsUsages(
    client,
    children.map((t) => t.id),
  );
  return new Map(children.map((t) => [t.name, byId.get(t.id) ?? []]));
}

const GIB = 1024 ** 3;

/** One usage as a comment: the value in its unit; bytes also in GiB (the portal counts 1073741824 bytes as 1 GB). */
export function usageComment(usage: UsageItem): string {
  if (usage.measurement_unit === "quantity") return `usage: ${usage.value}`;
  if (usage.measurement_unit === "bytes")
    return `usage: ${usage.value} bytes (${(usage.value / GIB).toFixed(2)} GiB)`;
  return `usage: ${usage.value} ${usage.measurement_unit}`;
}

/** Whether an exported offering item (name; application and infrastructure where they disambiguate) is this usage's. */
function isItemOf(
  item: { name: string; applicationId?: string; infraId?: string },
  usage: UsageItem,
): boolean {
  return (
    item.name === usage.name &&
    (item.applicationId === undefined || item.applicationId === usage.application_id) &&
    (item.infraId === undefined || item.infraId === usage.infra_id)
  );
}

/**
 * The estate file's text: without usage exactly what `yaml.stringify` gives (so an unchanged estate exports to the
 * same bytes); with usage, each offering item's usage as a comment beside its name, and usage with no item in the
 * file beside the customer's name. Comments change nothing `loadEstate` reads.
 */
export function estateText(estate: Estate, usage?: ExportedUsage): string {
  const doc = new Document(estate);
  if (usage) annotate(doc, estate, usage);
  return doc.toString();
}

function annotate(doc: Document, estate: Estate, usage: ExportedUsage): void {
  const customers = doc.getIn(["acronis", "customers"]);
  if (!isSeq(customers)) return;
  const starts = new Set([...usage.values()].flat().map((u) => u.range_start));
  doc.commentBefore =
    starts.size > 0
      ? ` usage (tenant-estates export --usage), collected since ${[...starts].sort().join(", ")}`
      : " usage (tenant-estates export --usage): the API reported none yet for these customers";
  (estate.acronis?.customers ?? []).forEach((customer, i) => {
    const node = customers.items[i];
    const usages = usage.get(customer.name);
    if (!isMap(node) || !usages) return;
    const items = customer.offeringItems ?? [];
    items.forEach((item, j) => {
      const found = usages.find((u) => isItemOf(item, u));
      const name = (node.getIn(["offeringItems", j, "name"], true) ?? undefined) as Scalar | undefined;
      if (found && isScalar(name)) name.comment = ` ${usageComment(found)}`;
    });
    const unmatched = usages.filter((u) => !items.some((item) => isItemOf(item, u)));
    const customerName = (node as YAMLMap).get("name", true);
    if (unmatched.length > 0 && isScalar(customerName)) {
      customerName.comment = ` usage without an offering item here: ${unmatched.map((u) => `${u.name} ${usageComment(u)}`).join("; ")}`;
    }
  });
}
