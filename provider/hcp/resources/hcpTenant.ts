import type * as pulumi from "@pulumi/pulumi";
import { type CreateProof, ownLostCreate, refuseAnotherStacks } from "../../core/adoption";
import {
  AuthenticationError,
  NameConflictError,
  NotFoundError,
  PermissionError,
  StateConflictError,
} from "../../core/errors";
import { jsonEqual, plain } from "../../core/normalise";
import { markAmongTags, type Owned, type ResourceMarks, resourceMarks } from "../../core/ownership";
import { checkResult, createOnce, diffProperties, finishCreate, managedKeys } from "../../core/resource";
import { alreadySatisfies, propertyRules, readResult, validateInputs } from "../../core/spec";
import { fromWire, mappedProperties, toWire } from "../../core/wire";
import type { HcpTenantInputs, HcpTenantOutputs as HcpTenantSpecOutputs } from "../../generated/hcp";
import type { HcpClient } from "../client";
import { HcpResourceProvider } from "../provider";
import { type hcpDeletionPolicies, hcpTenantSpec, maxTagLength } from "../specs/hcpTenant";
import type { InitialUser, Tenant, TenantSettings } from "../types";

export type HcpDeletionPolicy = (typeof hcpDeletionPolicies)[number];

export type { HcpTenantInputs } from "../../generated/hcp";

/** The spec's outputs minus the initial password: the provider never returns it. */
export type HcpTenantOutputs = Omit<HcpTenantSpecOutputs, "initialUserPassword">;

const rules = propertyRules(hcpTenantSpec);

/** The tenant settings the API holds: the spec's mapped properties, elements of the tenant document. */
const settingKeys: readonly string[] = mappedProperties(hcpTenantSpec).map(([key]) => key);

/** Input rules, checked before any API call; the initial user is required only when the tenant is made. */
export const validateHcpTenant = (olds: Partial<HcpTenantInputs>, news: HcpTenantInputs) =>
  validateInputs(hcpTenantSpec, olds, news);

/** The PUT (create) or POST (update) body for the given settings of the inputs. */
export function hcpTenantBody(
  inputs: Partial<HcpTenantInputs>,
  keys: readonly string[],
  stage: "create" | "update" = "create",
): TenantSettings {
  return plain(toWire(hcpTenantSpec, { ...inputs }, stage, keys)) as TenantSettings;
}

/** This resource's marks on the tenant it creates: one of its tags (HCP compares tags case-insensitively). */
export function hcpTenantMarks(inputs: Owned): ResourceMarks | undefined {
  return resourceMarks(inputs, { maxLength: maxTagLength, tag: true });
}

export const hcpTenantMark = (inputs: Owned): string | undefined => hcpTenantMarks(inputs)?.ours;

/** The mark on a tenant that tells who created it: this resource's if it is there, else any other. */
export function markOnTenant(tenant: Tenant, marks: ResourceMarks | undefined): string | undefined {
  return markAmongTags(tenant.tags, marks);
}

/** The tags to send: the declared ones plus the stack's mark, which a write of the list must keep. */
function tagsWithMark(body: TenantSettings, inputs: Owned): TenantSettings {
  const mark = hcpTenantMark(inputs);
  return mark ? { ...body, tags: [...(body.tags ?? []), mark] } : body;
}

/** What a read reports: the stored outputs' keys, or, read by id alone (an import), every setting HCP holds. */
function managedByRead(tenant: Tenant, stored: object | undefined): Partial<HcpTenantInputs> {
  if (stored && Object.keys(stored).length > 0) return stored as Partial<HcpTenantInputs>;
  return fromWire(hcpTenantSpec, tenant) as Partial<HcpTenantInputs>;
}

/**
 * Outputs from the API's tenant: every input key the program manages, as HCP now holds it, plus the
 * tenant id and its host name. Create and read both use it, so they always agree. The initial
 * password is never among them.
 */
export function hcpTenantOutputs(tenant: Tenant, managed: Partial<HcpTenantInputs>): HcpTenantOutputs {
  const fromApi: Record<string, unknown> = {
    ...fromWire(hcpTenantSpec, tenant),
    initialUserName: managed.initialUserName,
    forcePasswordChange: managed.forcePasswordChange,
    deletionPolicy: managed.deletionPolicy,
  };
  const outputs: Record<string, unknown> = {
    tenantId: tenant.id,
    fullyQualifiedName: tenant.fullyQualifiedName,
    creationTime: tenant.creationTime,
  };
  for (const key of managedKeys(managed, rules)) {
    if (key !== "initialUserPassword") outputs[key] = fromApi[key];
  }
  outputs.name = tenant.name;
  return plain(outputs) as unknown as HcpTenantOutputs;
}

/** The settings whose value differs between the stored outputs and the new inputs (what an update POSTs). */
export function changedSettings(olds: object, news: Partial<HcpTenantInputs>): string[] {
  const values = news as Record<string, unknown>;
  return settingKeys.filter((key) => {
    if (key === "name" || values[key] === undefined) return false;
    const normalise = rules[key].normalise ?? ((x: unknown) => x);
    return !jsonEqual(normalise((olds as Record<string, unknown>)[key] ?? null), normalise(values[key]));
  });
}

/** The namespace count HCP names in its refusal, when it does. */
export function namespaceCountIn(message: string | undefined): number | undefined {
  const match = /(\d+)\s+namespace/i.exec(message ?? "");
  return match ? Number(match[1]) : undefined;
}

/**
 * HCP tenants (system level): PUT /tenants with the initial user, POST for changes, DELETE. The id is
 * the tenant name.
 */
export class HcpTenantProvider extends HcpResourceProvider implements pulumi.dynamic.ResourceProvider {
  readonly spec = hcpTenantSpec;

  async check(olds: Partial<HcpTenantInputs>, news: HcpTenantInputs): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateHcpTenant(olds, news));
  }

  async diff(_id: string, olds: HcpTenantOutputs, news: HcpTenantInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, rules);
  }

  async create(inputs: HcpTenantInputs & Owned): Promise<pulumi.dynamic.CreateResult> {
    const client = this.systemClient();
    const what = `HCP tenant "${inputs.name}"`;
    const marks = hcpTenantMarks(inputs);
    const proof: CreateProof<Tenant> = {
      what,
      markOf: (tenant) => markOnTenant(tenant, marks),
      marks,
      resourceName: inputs.__resourceName,
    };
    const existing = inputs.adopt ? await client.getTenant(inputs.name) : undefined;
    if (existing) {
      refuseAnotherStacks(what, existing, markOnTenant(existing, marks), marks, inputs.__resourceName);
      return this.adopt(await this.markAdopted(existing, inputs.name, marks), inputs);
    }
    const keys = managedKeys(inputs, rules);
    const initialUser: InitialUser | undefined =
      inputs.initialUserName !== undefined && inputs.initialUserPassword !== undefined
        ? {
            username: inputs.initialUserName,
            password: inputs.initialUserPassword,
            forcePasswordChange: inputs.forcePasswordChange,
          }
        : undefined;
    // Adopted only when the outcome is unknown: a tenant of that name that existed before is a 409.
    try {
      await createOnce(
        () =>
          client
            .createTenant(tagsWithMark(hcpTenantBody(inputs, keys), inputs), initialUser)
            .then(() => ({ name: inputs.name }) as Tenant),
        () => client.getTenant(inputs.name),
        proof,
      );
    } catch (err) {
      const own = await ownLostCreate(err, () => client.getTenant(inputs.name), proof);
      if (own) return this.adopt(own, inputs);
      if (!(err instanceof NameConflictError)) throw err;
      throw err.copyWith({
        explanation: `an HCP tenant named "${inputs.name}" already exists: choose another name, or set \`adopt: true\` to take it over`,
      });
    }
    const { initialUserPassword: _secret, ...known } = inputs;
    return finishCreate(inputs.name, inputs, plain(known), async () =>
      hcpTenantOutputs(await requireTenant(client, inputs.name), inputs),
    );
  }

  /**
   * Adoption's one write beyond the declared differences: this resource's mark added to the tenant's tags, so
   * another stack's adopt is refused.
   */
  private async markAdopted(tenant: Tenant, name: string, marks: ResourceMarks | undefined): Promise<Tenant> {
    if (marks === undefined || markOnTenant(tenant, marks) !== undefined) return tenant;
    const tags = [...(tenant.tags ?? []), marks.ours];
    const client = this.systemClient();
    await client.exclusive(`tenant:${name.toLowerCase()}`, () => client.modifyTenant(name, { tags }));
    return { ...tenant, tags };
  }

  /** Takes over an existing tenant, modifying only the declared differences; its users are left as they are. */
  private async adopt(tenant: Tenant, inputs: HcpTenantInputs): Promise<pulumi.dynamic.CreateResult> {
    const held = hcpTenantOutputs(tenant, inputs);
    if (alreadySatisfies(hcpTenantSpec, held, inputs)) return { id: inputs.name, outs: held };
    return finishCreate(inputs.name, inputs, held, async () => ({
      ...(await this.update(inputs.name, held, inputs)).outs,
    }));
  }

  async read(id: string, props: HcpTenantOutputs): Promise<pulumi.dynamic.ReadResult> {
    const tenant = await this.systemClient().getTenant(id);
    if (!tenant) return {};
    return readResult(hcpTenantSpec, id, hcpTenantOutputs(tenant, managedByRead(tenant, props)), props);
  }

  async update(
    id: string,
    olds: HcpTenantOutputs,
    news: HcpTenantInputs & Owned,
  ): Promise<pulumi.dynamic.UpdateResult> {
    const client = this.systemClient();
    const changed = changedSettings(olds, news);
    // Lists (tags, authentication types) are replaced whole: one write per tenant at a time.
    if (changed.length > 0)
      await client.exclusive(`tenant:${id.toLowerCase()}`, () =>
        client.modifyTenant(
          id,
          tagsWithMark(hcpTenantBody(news, changed, "update"), changed.includes("tags") ? news : {}),
        ),
      );
    return { outs: hcpTenantOutputs(await requireTenant(client, id), news) };
  }

  async delete(id: string, props: HcpTenantOutputs): Promise<void> {
    // Choice: without a policy in state, removal only forgets (see the spec's deletionPolicy).
    if (props.deletionPolicy !== "delete") return;
    try {
      await this.systemClient().deleteTenant(id);
    } catch (err) {
      throw explainRefusedDelete(err, id);
    }
  }
}

/**
 * HCP deletes only tenants that own no namespaces; the status of its refusal is undocumented (403 is its
 * answer to the like refusal for a namespace that holds objects, 409 is taken as the same).
 */
function explainRefusedDelete(err: unknown, id: string): unknown {
  const refused =
    err instanceof StateConflictError ||
    (err instanceof PermissionError && !(err instanceof AuthenticationError));
  if (!refused) return err;
  const retain = `or set deletionPolicy to "retain" to only forget the tenant`;
  if (!/namespace/i.test(err.vendorMessage ?? "")) {
    return err.copyWith({
      explanation: `HCP refused to delete tenant "${id}": it deletes only tenants that own no namespaces, for a system-level ADMINISTRATOR; delete its namespaces first, ${retain}`,
    });
  }
  const count = namespaceCountIn(err.vendorMessage);
  const owns = count === undefined ? "namespaces" : `${count} namespace(s)`;
  return err.copyWith({
    explanation: `tenant "${id}" still owns ${owns}, and HCP deletes only empty tenants: delete its namespaces (and their data) first, ${retain}`,
  });
}

async function requireTenant(client: HcpClient, name: string): Promise<Tenant> {
  const tenant = await client.getTenant(name);
  if (!tenant) {
    throw new NotFoundError({
      vendor: "HCP",
      operation: `GET /tenants/${name}`,
      status: 404,
      vendorMessage: "tenant not found",
    });
  }
  return tenant;
}
