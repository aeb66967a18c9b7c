import type * as pulumi from "@pulumi/pulumi";
import { ownLostCreate, refuseAnotherStacks } from "../../core/adoption";
import { NameConflictError } from "../../core/errors";
import { plain } from "../../core/normalise";
import { type Owned, ownershipMark } from "../../core/ownership";
import {
  checkResult,
  createOnce,
  diffProperties,
  finishCreate,
  managedKeys,
  withFreshVersion,
} from "../../core/resource";
import { alreadySatisfies, propertyRules, readResult, validateInputs } from "../../core/spec";
import { AcronisResourceProvider } from "../provider";
import { customerTenantSpec, type deletionPolicies, maxInternalTagLength } from "../specs/customerTenant";
import type { Tenant, TenantContact, TenantCreate, TenantUpdate } from "../types";

export type ContactInputs = Partial<Record<string, string>>;
export type DeletionPolicy = (typeof deletionPolicies)[number];

export interface CustomerTenantInputs {
  name: string;
  parentId: string;
  customerId?: string;
  internalTag?: string;
  language?: string;
  ancestralAccess?: boolean;
  enhancedSecurity?: boolean;
  enabled?: boolean;
  contact?: ContactInputs;
  deletionPolicy?: DeletionPolicy;
  adopt?: boolean;
}

export interface CustomerTenantOutputs extends CustomerTenantInputs {
  tenantId: string;
  kind: "customer";
}

const rules = propertyRules(customerTenantSpec);

/** Input rules, checked before any API call. */
export const validateCustomerTenant = (olds: Partial<CustomerTenantInputs>, news: CustomerTenantInputs) =>
  validateInputs(customerTenantSpec, olds, news);

/** The stack's mark on the tenants it creates, kept in `internal_tag`. */
export function tenantMark(inputs: Owned): string | undefined {
  return inputs.__owner ? ownershipMark(inputs.__owner, maxInternalTagLength) : undefined;
}

/** The POST /tenants body for these inputs. */
export function tenantCreateBody(inputs: CustomerTenantInputs & Owned): TenantCreate {
  return plain({
    name: inputs.name,
    kind: "customer",
    parent_id: inputs.parentId,
    customer_id: inputs.customerId,
    // Choice: a declared internalTag wins, and such a tenant carries no mark (its lost create needs adopt).
    internal_tag: inputs.internalTag ?? tenantMark(inputs),
    language: inputs.language,
    ancestral_access: inputs.ancestralAccess,
    enhanced_security: inputs.enhancedSecurity,
    contact: inputs.contact,
  });
}

/** The PUT /tenants/{id} body that takes the tenant from `olds` to `news` (without version); a new parent moves it. */
export function tenantUpdateBody(
  olds: Partial<CustomerTenantInputs>,
  news: CustomerTenantInputs,
): Omit<TenantUpdate, "version"> {
  const body = tenantCreateBody({ ...news, __owner: undefined }) as Partial<TenantCreate>;
  delete body.kind;
  if (olds.parentId === news.parentId) delete body.parent_id;
  return plain({ ...body, enabled: news.enabled });
}

/**
 * Outputs from the API's tenant object: every input key the program manages, as the API now holds it,
 * plus the tenant id. Create and read both use it, so they always agree.
 */
export function customerTenantOutputs(tenant: Tenant, managed: CustomerTenantInputs): CustomerTenantOutputs {
  const fromApi: Record<string, unknown> = {
    name: tenant.name,
    parentId: tenant.parent_id,
    customerId: tenant.customer_id ?? undefined,
    internalTag: tenant.internal_tag ?? undefined,
    language: tenant.language,
    ancestralAccess: tenant.ancestral_access,
    enhancedSecurity: tenant.enhanced_security,
    enabled: tenant.enabled,
    contact: managed.contact ? pickContact(tenant.contact, Object.keys(managed.contact)) : undefined,
    deletionPolicy: managed.deletionPolicy,
  };
  const outputs: Record<string, unknown> = { tenantId: tenant.id, kind: "customer" };
  for (const key of managedKeys(managed, rules)) outputs[key] = fromApi[key];
  outputs.name = tenant.name;
  outputs.parentId = tenant.parent_id;
  return plain(outputs) as unknown as CustomerTenantOutputs;
}

/** A taken tenant name, said as what it is and what to do; other errors pass unchanged. */
export function explainTenantNameConflict(
  err: unknown,
  inputs: Pick<CustomerTenantInputs, "name" | "parentId">,
): unknown {
  if (!(err instanceof NameConflictError)) return err;
  return err.copyWith({
    explanation:
      `a tenant named "${inputs.name}" already exists under parent ${inputs.parentId} ` +
      "(names are unique in the whole tenant hierarchy): choose another name, or set `adopt: true` to take " +
      "over the one under this parent",
  });
}

function pickContact(contact: TenantContact | undefined, keys: string[]): ContactInputs {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = contact?.[key];
    picked[key] = typeof value === "string" ? value : "";
  }
  return picked;
}

/** Acronis customer tenants: POST /tenants, PUT with version, disable then delete. */
export class CustomerTenantProvider
  extends AcronisResourceProvider
  implements pulumi.dynamic.ResourceProvider
{
  async check(
    olds: Partial<CustomerTenantInputs>,
    news: CustomerTenantInputs,
  ): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateCustomerTenant(olds ?? {}, news));
  }

  async diff(
    _id: string,
    olds: CustomerTenantOutputs,
    news: CustomerTenantInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, rules);
  }

  async create(inputs: CustomerTenantInputs & Owned): Promise<pulumi.dynamic.CreateResult> {
    const client = this.client();
    // Only under the declared parent: a tenant of that name elsewhere is never taken over.
    const findExisting = () => client.findChildTenant(inputs.parentId, inputs.name, "customer");
    const what = `customer tenant "${inputs.name}"`;
    if (inputs.adopt) {
      const existing = await findExisting();
      if (existing)
        return this.adopt(
          refuseAnotherStacks(what, existing, existing.internal_tag, tenantMark(inputs)),
          inputs,
        );
    }
    let tenant: Tenant;
    try {
      tenant = await createOnce(() => client.createTenant(tenantCreateBody(inputs)), findExisting);
    } catch (err) {
      const own = await ownLostCreate(what, err, findExisting, (t) => t.internal_tag, tenantMark(inputs));
      if (own) return this.adopt(own, inputs);
      throw explainTenantNameConflict(err, inputs);
    }
    this.directory().remember(tenant, true);
    const created = customerTenantOutputs(tenant, inputs);
    return finishCreate(tenant.id, inputs, created, async () => {
      if (inputs.enabled !== false) return created;
      // POST cannot create a disabled tenant: disable it right after.
      const disabled = await this.updateTenant(tenant.id, { enabled: false });
      return customerTenantOutputs(disabled, inputs);
    });
  }

  async read(id: string, props: CustomerTenantOutputs): Promise<pulumi.dynamic.ReadResult> {
    const tenant = await this.directory().tenant(id);
    if (!tenant) return {};
    const outputs = customerTenantOutputs(tenant, props);
    return readResult(customerTenantSpec, id, outputs, props);
  }

  async update(
    id: string,
    olds: CustomerTenantOutputs,
    news: CustomerTenantInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    const updated = await this.updateTenant(id, tenantUpdateBody(olds, news)).catch((err: unknown) => {
      throw explainTenantNameConflict(err, news);
    });
    return { outs: customerTenantOutputs(updated, news) };
  }

  async delete(id: string, props: CustomerTenantOutputs): Promise<void> {
    // Choice: without a policy in state, destroy only disables: no single edit deletes a customer's data.
    const policy = props.deletionPolicy ?? "disable";
    if (policy === "retain") return;
    const tenant = await this.client().getTenant(id);
    if (!tenant) return;
    const disabled = tenant.enabled ? await this.updateTenant(id, { enabled: false }) : tenant;
    if (policy !== "delete") return;
    this.directory().forget(id);
    // The first try uses the version the disable answered; a conflict re-reads it.
    await withFreshVersion(
      `customer tenant ${id} ("${tenant.name}")`,
      async () => (await this.client().requireTenant(id)).version,
      (version) => this.client().deleteTenant(id, version),
      disabled.version,
    );
  }

  /** Takes over an existing tenant, writing only the declared differences. */
  private async adopt(tenant: Tenant, inputs: CustomerTenantInputs): Promise<pulumi.dynamic.CreateResult> {
    const held = customerTenantOutputs(tenant, inputs);
    if (alreadySatisfies(customerTenantSpec, held, inputs)) return { id: tenant.id, outs: held };
    return finishCreate(tenant.id, inputs, held, async () => {
      const updated = await this.updateTenant(tenant.id, tenantUpdateBody(held, inputs));
      return customerTenantOutputs(updated, inputs);
    });
  }

  /** PUT with the tenant's current version; a concurrent change is re-read and the change re-applied once. */
  private updateTenant(id: string, change: Omit<TenantUpdate, "version">): Promise<Tenant> {
    const client = this.client();
    return withFreshVersion(
      `customer tenant ${id}`,
      async () => (await client.requireTenant(id)).version,
      async (version) => {
        const updated = await client.updateTenant(id, { ...change, version });
        this.directory().remember(updated);
        return updated;
      },
    );
  }
}
