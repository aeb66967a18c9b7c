import type * as pulumi from "@pulumi/pulumi";
import { readByIdAlone } from "../../core/importing";
import { isUnknown, jsonEqual } from "../../core/normalise";
import { checkResult } from "../../core/resource";
import { validateInputs } from "../../core/spec";
import type { GuardedTenant, TenantRemovalGuardInputs } from "../../generated/acronis";
import { AcronisResourceProvider } from "../provider";
import { tenantRemovalGuardSpec } from "../specs/tenantRemovalGuard";
import { refuseStoppingOthers } from "./unmanagedChildren";

export type { GuardedTenant, TenantRemovalGuardInputs } from "../../generated/acronis";

const guardId = "tenant-removal-guard";

/**
 * The tenants of `olds` that `news` no longer lists and whose removal disables them (not `retain`). A list
 * still unknown at preview removes nothing the guard can name; the engine calls `diff` again at `up`.
 */
export function tenantsLeaving(olds: readonly GuardedTenant[], news: unknown): GuardedTenant[] {
  if (!Array.isArray(news)) return [];
  const staying = new Set(news.map((t) => (t as Partial<GuardedTenant> | undefined)?.tenantId));
  return olds.filter((t) => !staying.has(t.tenantId) && (t.deletionPolicy ?? "disable") !== "retain");
}

/** Holds no API object: its diff reads the tenants that leave the list, and refuses stopping others' service. */
export class TenantRemovalGuardProvider
  extends AcronisResourceProvider
  implements pulumi.dynamic.ResourceProvider
{
  readonly spec = tenantRemovalGuardSpec;

  async check(olds: unknown, news: TenantRemovalGuardInputs): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateInputs(tenantRemovalGuardSpec, olds ?? {}, news));
  }

  async diff(
    _id: string,
    olds: TenantRemovalGuardInputs,
    news: TenantRemovalGuardInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    for (const leaving of tenantsLeaving(olds.tenants ?? [], news.tenants))
      await this.refuseIfStopsOthers(leaving);
    const changes = isUnknown(news.tenants) || !jsonEqual(olds.tenants, news.tenants);
    return { changes, replaces: [], deleteBeforeReplace: false };
  }

  async create(inputs: TenantRemovalGuardInputs): Promise<pulumi.dynamic.CreateResult> {
    return { id: guardId, outs: { tenants: inputs.tenants } };
  }

  async read(id: string, props: TenantRemovalGuardInputs): Promise<pulumi.dynamic.ReadResult> {
    if (readByIdAlone(props))
      throw new Error(
        "a TenantRemovalGuard cannot be imported: it holds no object in Acronis, only the list the program gives it; declare it in the program and `pulumi up` adds it without any write",
      );
    return { id, props: { tenants: props.tenants } };
  }

  async update(
    _id: string,
    _olds: TenantRemovalGuardInputs,
    news: TenantRemovalGuardInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: { tenants: news.tenants } };
  }

  async delete(): Promise<void> {}

  /** The same refusal as the tenant's own removal at `up` (which stays), made before the plan is shown. */
  private async refuseIfStopsOthers(leaving: GuardedTenant): Promise<void> {
    const tenant = await this.client().getTenant(leaving.tenantId);
    if (!tenant?.enabled || tenant.kind === "customer") return;
    refuseStoppingOthers(tenant.kind, tenant, await this.client().listChildTenants(tenant.id));
  }
}
