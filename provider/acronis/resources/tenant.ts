import type * as pulumi from "@pulumi/pulumi";
import { type CreateProof, markToWrite, ownLostCreate, refuseAnotherStacks } from "../../core/adoption";
import { NameConflictError, SafetyRefusal } from "../../core/errors";
import { everyHeldInput, readByIdAlone } from "../../core/importing";
import { plain } from "../../core/normalise";
import { isMark, type Owned, type ResourceMarks, resourceMarks } from "../../core/ownership";
import {
  changedProperties,
  checkResult,
  createOnce,
  diffProperties,
  finishCreate,
  managedKeys,
  type PropertyRules,
  withFreshVersion,
} from "../../core/resource";
import {
  alreadySatisfies,
  propertyRules,
  type ResourceSpec,
  readResult,
  validateInputs,
} from "../../core/spec";
import { fromWire, toWire } from "../../core/wire";
import type {
  CustomerTenantInputs,
  CustomerTenantOutputs,
  FolderTenantInputs,
  FolderTenantOutputs,
  PartnerTenantInputs,
  PartnerTenantOutputs,
} from "../../generated/acronis";
import { AcronisResourceProvider } from "../provider";
import { type DeclaredTenantKind, type deletionPolicies, maxInternalTagLength } from "../specs/tenantCommon";
import type { Tenant, TenantCreate, TenantUpdate } from "../types";
import { refuseStoppingOthers } from "./unmanagedChildren";

export type DeletionPolicy = (typeof deletionPolicies)[number];

/** The inputs of every declared tenant, from their specs; the customer-only ones are absent on partners and folders. */
export type TenantInputs = PartnerTenantInputs & FolderTenantInputs & Partial<CustomerTenantInputs>;

/** Any declared tenant's outputs: its inputs, its id and its kind. */
export type TenantOutputs = TenantInputs &
  Pick<CustomerTenantOutputs | PartnerTenantOutputs | FolderTenantOutputs, "tenantId" | "kind">;

/** Inputs that are not fields of the tenant object: a change of only these writes no PUT /tenants. */
const notTenantFields = new Set(["pricingMode", "deletionPolicy", "adopt"]);

/** The marks of this resource on the tenant it creates, kept in `internal_tag`. */
export function tenantMarks(inputs: Owned): ResourceMarks | undefined {
  return resourceMarks(inputs, { maxLength: maxInternalTagLength });
}

/** The mark a create writes: none when the program declares the tag itself. */
export function tenantMark(inputs: Owned & Pick<TenantInputs, "internalTag">): string | undefined {
  return inputs.internalTag === undefined ? tenantMarks(inputs)?.ours : undefined;
}

/** The POST /tenants body for these inputs: the spec's mapped properties, the kind, and the mark. */
export function tenantCreateBody(
  spec: ResourceSpec,
  kind: DeclaredTenantKind,
  inputs: TenantInputs & Owned,
): TenantCreate {
  const body = toWire(spec, { ...inputs }, "create") as Partial<TenantCreate>;
  // Choice: a declared internalTag wins, and such a tenant carries no mark (its lost create needs adopt).
  const mark = inputs.internalTag === undefined ? tenantMarks(inputs)?.ours : undefined;
  return plain({ ...body, kind, internal_tag: body.internal_tag ?? mark }) as TenantCreate;
}

/** The PUT /tenants/{id} body that takes the tenant from `olds` to `news` (without version); a new parent moves it. */
export function tenantUpdateBody(
  spec: ResourceSpec,
  olds: Partial<TenantInputs>,
  news: TenantInputs,
): Omit<TenantUpdate, "version"> {
  const body = toWire(spec, { ...news }, "update") as Partial<TenantUpdate>;
  if (olds.parentId === news.parentId) delete body.parent_id;
  return plain(body) as Omit<TenantUpdate, "version">;
}

/**
 * Outputs from the API's tenant object: every input key the program manages, as the API now holds it
 * (the spec's mapping), plus the tenant id. Create and read both use it, so they always agree.
 */
export function tenantOutputs(
  spec: ResourceSpec,
  kind: DeclaredTenantKind,
  tenant: Tenant,
  managed: TenantInputs,
): TenantOutputs {
  const given = managed as unknown as Record<string, unknown>;
  // Inputs that are no API field (deletionPolicy) are as the program gave them.
  const fromApi = { ...given, ...fromWire(spec, tenant, given) };
  const outputs: Record<string, unknown> = { tenantId: tenant.id, kind };
  for (const key of managedKeys(managed, propertyRules(spec))) outputs[key] = fromApi[key];
  outputs.name = tenant.name;
  outputs.parentId = tenant.parent_id;
  return plain(outputs) as unknown as TenantOutputs;
}

/** A taken tenant name, said as what it is and what to do; other errors pass unchanged. */
export function explainTenantNameConflict(
  err: unknown,
  inputs: Pick<TenantInputs, "name" | "parentId">,
): unknown {
  if (!(err instanceof NameConflictError)) return err;
  return err.copyWith({
    explanation:
      `a tenant named "${inputs.name}" already exists under parent ${inputs.parentId} ` +
      "(names are unique in the whole tenant hierarchy): choose another name, or set `adopt: true` to take " +
      "over the one under this parent",
  });
}

/** Acronis tenants a program declares: POST /tenants, PUT with version, disable then delete per policy. */
export class TenantProvider extends AcronisResourceProvider implements pulumi.dynamic.ResourceProvider {
  protected readonly rules: PropertyRules;

  constructor(
    protected readonly kind: DeclaredTenantKind,
    readonly spec: ResourceSpec,
  ) {
    super();
    this.rules = propertyRules(spec);
  }

  async check(olds: Partial<TenantInputs>, news: TenantInputs): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateInputs(this.spec, olds ?? {}, news));
  }

  async diff(_id: string, olds: TenantOutputs, news: TenantInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, this.rules);
  }

  async create(inputs: TenantInputs & Owned): Promise<pulumi.dynamic.CreateResult> {
    const client = this.client();
    // Only under the declared parent: a tenant of that name elsewhere is never taken over.
    const findExisting = () => client.findChildTenant(inputs.parentId, inputs.name, this.kind);
    const proof: CreateProof<Tenant> = {
      what: `${this.kind} tenant "${inputs.name}"`,
      markOf: (t) => t.internal_tag,
      // A tenant whose tag the program declares carries no mark: its proof is the name seen free before.
      marks: inputs.internalTag === undefined ? tenantMarks(inputs) : undefined,
      resourceName: inputs.__resourceName,
    };
    if (inputs.adopt) {
      const existing = await findExisting();
      if (existing) {
        const marks = tenantMarks(inputs);
        refuseAnotherStacks(proof.what, existing, existing.internal_tag, marks, inputs.__resourceName);
        return this.adopt(await this.markAdopted(existing, inputs, marks), inputs);
      }
    }
    let tenant: Tenant;
    try {
      tenant = await createOnce(
        () => client.createTenant(tenantCreateBody(this.spec, this.kind, inputs)),
        findExisting,
        proof,
      );
    } catch (err) {
      const own = await ownLostCreate(err, findExisting, proof);
      if (own) return this.adopt(own, inputs);
      throw explainTenantNameConflict(err, inputs);
    }
    this.directory().remember(tenant, true);
    const created = this.outputs(tenant, inputs);
    // POST cannot create a disabled tenant, nor one in production: those follow as changes.
    return finishCreate(tenant.id, inputs, created, () => this.applyChanges(tenant, created, inputs));
  }

  /**
   * Adoption's one write beyond the declared differences: this resource's mark in an empty `internal_tag`, so
   * another stack's adopt is refused. A tag the program declares, or one someone else set, is kept.
   */
  private async markAdopted(
    tenant: Tenant,
    inputs: TenantInputs,
    marks: ResourceMarks | undefined,
  ): Promise<Tenant> {
    const mark = inputs.internalTag === undefined ? markToWrite(tenant.internal_tag, marks) : undefined;
    if (mark === undefined) return tenant;
    return this.updateTenant(tenant.id, { internal_tag: mark }, tenant.version);
  }

  async read(id: string, props: TenantOutputs): Promise<pulumi.dynamic.ReadResult> {
    const tenant = await this.directory().tenant(id);
    if (!tenant) return {};
    const managed = readByIdAlone(props) ? this.importedKeys(tenant) : props;
    return readResult(this.spec, id, this.outputs(tenant, managed), props);
  }

  /** What a read by id alone (an import) gives back: every input the tenant holds, if it is of this kind. */
  private importedKeys(tenant: Tenant): TenantInputs {
    if (tenant.kind !== this.kind)
      throw new Error(
        `tenant ${tenant.id} ("${tenant.name}") is a ${tenant.kind} tenant, not a ${this.kind} tenant: import it as the resource of its kind`,
      );
    // The provider's ownership mark is no value of a program's.
    const leftOut = ["deletionPolicy", ...(isMark(tenant.internal_tag) ? ["internalTag"] : [])];
    return everyHeldInput(this.spec, leftOut) as unknown as TenantInputs;
  }

  async update(id: string, olds: TenantOutputs, news: TenantInputs): Promise<pulumi.dynamic.UpdateResult> {
    const tenant = await this.client().requireTenant(id);
    return { outs: await this.applyChanges(tenant, olds, news) };
  }

  async delete(id: string, props: TenantOutputs): Promise<void> {
    // Choice: without a policy in state, destroy only disables: no single edit deletes a customer's data.
    const policy = props.deletionPolicy ?? "disable";
    if (policy === "retain") return;
    const tenant = await this.client().getTenant(id);
    if (!tenant) return;
    if (policy === "delete") await this.refuseCascade(tenant);
    else if (tenant.enabled && this.kind !== "customer")
      refuseStoppingOthers(this.kind, tenant, await this.client().listChildTenants(tenant.id));
    const disabled = tenant.enabled ? await this.updateTenant(id, { enabled: false }) : tenant;
    if (policy !== "delete") return;
    this.directory().forget(id);
    // The first try uses the version the disable answered; a conflict re-reads it.
    await withFreshVersion(
      `${this.kind} tenant ${id} ("${tenant.name}")`,
      async () => (await this.client().requireTenant(id)).version,
      (version) => this.client().deleteTenant(id, version),
      disabled.version,
    );
  }

  /** The outputs for this tenant, as create and read give them. */
  protected outputs(tenant: Tenant, managed: TenantInputs): TenantOutputs {
    return tenantOutputs(this.spec, this.kind, tenant, managed);
  }

  /**
   * Writes what `held` lacks of `wanted`: the tenant's own fields in one PUT, then whatever else the kind
   * has (a customer's billing mode). Answers the outputs afterwards.
   */
  protected async applyChanges(
    tenant: Tenant,
    held: Partial<TenantOutputs>,
    wanted: TenantInputs,
  ): Promise<TenantOutputs> {
    const changed = changedProperties(held, wanted, this.rules);
    const current = changed.some((key) => !notTenantFields.has(key))
      ? await this.updateTenant(tenant.id, tenantUpdateBody(this.spec, held, wanted), tenant.version).catch(
          (err: unknown) => {
            throw explainTenantNameConflict(err, wanted);
          },
        )
      : tenant;
    return this.outputs(await this.applyOtherChanges(current, changed, wanted), wanted);
  }

  /** A kind's changes beyond the tenant object; answers the tenant as it is afterwards. */
  protected async applyOtherChanges(
    tenant: Tenant,
    _changed: string[],
    _wanted: TenantInputs,
  ): Promise<Tenant> {
    return tenant;
  }

  /** Takes over an existing tenant, writing only the declared differences. */
  private async adopt(tenant: Tenant, inputs: TenantInputs): Promise<pulumi.dynamic.CreateResult> {
    const held = this.outputs(tenant, inputs);
    if (alreadySatisfies(this.spec, held, inputs)) return { id: tenant.id, outs: held };
    return finishCreate(tenant.id, inputs, held, () => this.applyChanges(tenant, held, inputs));
  }

  /** Acronis deletes a tenant with everything below it: a partner or folder with children is never deleted. */
  private async refuseCascade(tenant: Tenant): Promise<void> {
    if (this.kind === "customer") return;
    const children = await this.client().listChildTenants(tenant.id);
    if (children.length === 0) return;
    throw new SafetyRefusal(
      `${this.kind} tenant "${tenant.name}" still has ${children.length} child tenant(s), which Acronis would ` +
        "delete with it, irreversibly: move or delete them first, or set deletionPolicy to disable or retain",
    );
  }

  /** PUT with the tenant's current version; a concurrent change is re-read and the change re-applied once. */
  protected updateTenant(
    id: string,
    change: Omit<TenantUpdate, "version">,
    knownVersion?: number,
  ): Promise<Tenant> {
    const client = this.client();
    return withFreshVersion(
      `${this.kind} tenant ${id}`,
      async () => (await client.requireTenant(id)).version,
      async (version) => {
        const updated = await client.updateTenant(id, { ...change, version });
        this.directory().remember(updated);
        return updated;
      },
      knownVersion,
    );
  }
}
