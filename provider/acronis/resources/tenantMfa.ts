import type * as pulumi from "@pulumi/pulumi";
import { plain } from "../../core/normalise";
import { checkResult, diffProperties, unlessGone } from "../../core/resource";
import { propertyRules, readResult, validateInputs } from "../../core/spec";
import { fromWire, toWire } from "../../core/wire";
import type { TenantMfaInputs, TenantMfaOutputs } from "../../generated/acronis";
import { AcronisResourceProvider } from "../provider";
import { tenantMfaSpec } from "../specs/tenantMfa";
import type { MfaStatus } from "../types";

export type { TenantMfaInputs, TenantMfaOutputs } from "../../generated/acronis";

/** Input rules, checked before any API call. */
export const validateTenantMfa = (news: TenantMfaInputs) => validateInputs(tenantMfaSpec, {}, news);

/** The PUT body for this setting (the spec's mapping): `{ enabled }`. */
export function tenantMfaBody(inputs: Pick<TenantMfaInputs, "enabled">): { enabled: boolean } {
  return toWire(tenantMfaSpec, { ...inputs }) as { enabled: boolean };
}

/** A tenant's two-factor setting as the API reports it (the spec's mapping: on unless `disabled`). */
export function tenantMfaOutputs(tenantId: string, status: MfaStatus): TenantMfaOutputs {
  return plain({ tenantId, ...fromWire(tenantMfaSpec, status) }) as TenantMfaOutputs;
}

/**
 * Two-factor authentication of a tenant (PUT /tenants/{id}/mfa/status). The id is the tenant's.
 * Destroying the resource restores the platform default: two-factor off.
 */
export class TenantMfaProvider extends AcronisResourceProvider implements pulumi.dynamic.ResourceProvider {
  readonly spec = tenantMfaSpec;

  async check(_olds: unknown, news: TenantMfaInputs): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateTenantMfa(news));
  }

  async diff(_id: string, olds: TenantMfaOutputs, news: TenantMfaInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, propertyRules(tenantMfaSpec));
  }

  async create(inputs: TenantMfaInputs): Promise<pulumi.dynamic.CreateResult> {
    if (inputs.adopt) {
      const held = await this.read(inputs.tenantId, {} as TenantMfaOutputs);
      if (held.props && held.props.enabled === inputs.enabled)
        return { id: inputs.tenantId, outs: held.props };
    }
    const status = await this.client().setMfa(inputs.tenantId, tenantMfaBody(inputs).enabled);
    this.directory().forget(inputs.tenantId);
    return { id: inputs.tenantId, outs: tenantMfaOutputs(inputs.tenantId, status) };
  }

  async read(id: string, props: TenantMfaOutputs): Promise<pulumi.dynamic.ReadResult> {
    // The tenant object carries mfa_status, so a listing answers this read; older APIs get asked.
    const tenant = await this.directory().tenant(id);
    const status = tenant?.mfa_status
      ? { mfa_status: tenant.mfa_status }
      : tenant && (await unlessGone(this.client().getMfaStatus(id)));
    if (!status) return {};
    const outputs = tenantMfaOutputs(id, status);
    return readResult(tenantMfaSpec, id, outputs, props);
  }

  async update(
    id: string,
    _olds: TenantMfaOutputs,
    news: TenantMfaInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    const status = await this.client().setMfa(id, tenantMfaBody(news).enabled);
    this.directory().forget(id);
    return { outs: tenantMfaOutputs(id, status) };
  }

  async delete(id: string): Promise<void> {
    // The tenant may be gone already (destroyed first, or out of band): nothing left to restore.
    await unlessGone(this.client().setMfa(id, tenantMfaBody({ enabled: false }).enabled));
  }
}
