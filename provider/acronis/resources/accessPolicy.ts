import type * as pulumi from "@pulumi/pulumi";
import { NotFoundError } from "../../core/errors";
import { plain } from "../../core/normalise";
import { checkResult, diffProperties, unlessGone } from "../../core/resource";
import { alreadySatisfies, propertyRules, readResult, validateInputs } from "../../core/spec";
import { fromWire, toWire } from "../../core/wire";
import type {
  AccessPolicyInputs,
  AccessPolicyOutputs as AccessPolicySpecOutputs,
} from "../../generated/acronis";
import { AcronisResourceProvider } from "../provider";
import { accessPolicySpec } from "../specs/accessPolicy";
import type { AccessPolicyItem } from "../types";

export type { AccessPolicyInputs } from "../../generated/acronis";

/** Roles as the API holds them, which may be ones the spec does not list. */
export type AccessPolicyOutputs = Omit<AccessPolicySpecOutputs, "roles"> & { roles: string[] };

/** Input rules, checked before any API call. */
export const validateAccessPolicy = (news: AccessPolicyInputs) => validateInputs(accessPolicySpec, {}, news);

/** The PUT body's items granting `roles` to a user in its tenant (the spec's mapping). */
export function accessPolicyItems(
  userId: string,
  tenantId: string,
  roles: readonly string[],
): AccessPolicyItem[] {
  return (toWire(accessPolicySpec, { userId, tenantId, roles }) as { items: AccessPolicyItem[] }).items;
}

/** The user's roles as its policies hold them (the spec's mapping), with the user and its tenant. */
export function accessPolicyOutputs(
  userId: string,
  tenantId: string,
  items: readonly AccessPolicyItem[],
): AccessPolicyOutputs {
  const ids = { userId, tenantId };
  return plain({ ...ids, ...fromWire(accessPolicySpec, { items }, ids) }) as AccessPolicyOutputs;
}

/**
 * The roles of a user (PUT /users/{id}/access_policies replaces the set). The id is the user's.
 * Destroying the resource restores the default of a new user: no roles.
 */
export class AccessPolicyProvider extends AcronisResourceProvider implements pulumi.dynamic.ResourceProvider {
  readonly spec = accessPolicySpec;

  async check(_olds: unknown, news: AccessPolicyInputs): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateAccessPolicy(news));
  }

  async diff(
    _id: string,
    olds: AccessPolicyOutputs,
    news: AccessPolicyInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, propertyRules(accessPolicySpec));
  }

  async create(inputs: AccessPolicyInputs): Promise<pulumi.dynamic.CreateResult> {
    if (inputs.adopt) {
      const user = await this.directory().user(inputs.userId);
      const items = user && (user.access_policies ?? (await this.client().getAccessPolicies(user.id)));
      const held = user && items && accessPolicyOutputs(user.id, user.tenant_id, items);
      if (held && alreadySatisfies(accessPolicySpec, held, inputs)) return { id: inputs.userId, outs: held };
    }
    return { id: inputs.userId, outs: await this.grant(inputs.userId, inputs.roles) };
  }

  async read(id: string, props: AccessPolicyOutputs): Promise<pulumi.dynamic.ReadResult> {
    const user = await this.directory().user(id);
    const items = user && (user.access_policies ?? (await unlessGone(this.client().getAccessPolicies(id))));
    if (!items) return {};
    // Read by id alone (an import), the tenant is the user's.
    const outputs = accessPolicyOutputs(id, props.tenantId ?? user?.tenant_id, items);
    return readResult(accessPolicySpec, id, outputs, props);
  }

  async update(
    id: string,
    _olds: AccessPolicyOutputs,
    news: AccessPolicyInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: await this.grant(id, news.roles) };
  }

  async delete(id: string, props: AccessPolicyOutputs): Promise<void> {
    await unlessGone(this.client().putAccessPolicies(id, accessPolicyItems(id, props.tenantId, [])));
  }

  private async grant(userId: string, roles: readonly string[]): Promise<AccessPolicyOutputs> {
    const client = this.client();
    const user = await this.directory().knownUser(userId);
    if (!user)
      throw new NotFoundError({
        vendor: "Acronis",
        operation: `grant roles to user ${userId}`,
        status: 404,
        vendorMessage: "user not found",
      });
    // The PUT replaces the user's whole set of policies: one write per user at a time.
    const items = await client.exclusive(`access_policies:${userId}`, () =>
      client.putAccessPolicies(userId, accessPolicyItems(userId, user.tenant_id, roles)),
    );
    this.directory().forget(userId);
    return accessPolicyOutputs(userId, user.tenant_id, items);
  }
}
