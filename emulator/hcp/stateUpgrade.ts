import { randomUUID } from "node:crypto";
import {
  concreteDirectoryUsage,
  concreteOptimization,
  defaultCompliance,
  defaultSettings,
  defaultVersioning,
  emptyUsage,
  quotaOfBytes,
} from "./namespaceState";
import type { HcpState, Namespace } from "./state";
import { newTenantAccount } from "./userAccountProperties";

/** Fills in what state files written before namespaces and user accounts existed lack. */
export function upgradeState(state: HcpState): void {
  for (const tenant of state.tenants) {
    for (const account of tenant.users) {
      if (account.profile) continue;
      account.profile = newTenantAccount(state, account).profile;
      account.profile!.passwordHistory = [account.passwordMd5];
    }
    tenant.namespaces = tenant.namespaces.map((old) => {
      const kept = (old as Partial<Namespace>).settings;
      if (kept) {
        // Namespaces of older files may hold namespaceDefaults' DEFAULT and Default, which no namespace answers.
        kept.optimizedFor = concreteOptimization(kept.optimizedFor);
        kept.directoryUsage = concreteDirectoryUsage(kept.directoryUsage);
        return old;
      }
      // Namespaces of older files held only usage figures, and optionally the space they took.
      const legacy = old as unknown as { name: string; usage?: Namespace["usage"]; hardQuotaBytes?: number };
      const usage = legacy.usage ?? emptyUsage();
      const settings = defaultSettings(tenant);
      settings.hardQuota = quotaOfBytes(legacy.hardQuotaBytes ?? usage.storageCapacityUsed);
      const namespace: Namespace = {
        name: legacy.name,
        id: randomUUID(),
        creationTime: tenant.creationTime,
        settings,
        versioning: defaultVersioning(tenant),
        compliance: defaultCompliance(),
        usage,
      };
      return namespace;
    });
  }
}
