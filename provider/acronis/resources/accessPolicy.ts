import type * as pulumi from "@pulumi/pulumi";
import { NotFoundError } from "../../core/errors";
import { plain, sortedSet } from "../../core/normalise";
import { checkResult, diffProperties, type PropertyRules, readResult, unlessGone } from "../../core/resource";
import { Validator } from "../../core/validate";
import { AcronisResourceProvider } from "../provider";
import type { AccessPolicyItem } from "../types";

/** Role ids of the Account Management API (GEN Model/Common/Types/Role.php, DOC:users/roles). */
export const knownRoles = [
  "partner_admin",
  "hci_admin",
  "company_admin",
  "unit_admin",
  "readonly_admin",
  "backup_admin",
  "backup_user",
  "sync_share_admin",
  "sync_share_user",
  "sync_share_guest",
  "monitoring_admin",
] as const;

export interface AccessPolicyInputs {
  userId: string;
  /** The user's whole set of roles in its own tenant, e.g. ["company_admin"]. */
  roles: string[];
}

export interface AccessPolicyOutputs extends AccessPolicyInputs {
  tenantId: string;
}

export const accessPolicyRules: PropertyRules = {
  userId: { replaces: true },
  roles: { normalise: (v) => sortedSet(v as string[]) },
};

export function validateAccessPolicy(news: AccessPolicyInputs): pulumi.dynamic.CheckFailure[] {
  const v = new Validator(news)
    .knownKeys(Object.keys(accessPolicyRules))
    .uuid("userId", { required: true })
    .array("roles", { required: true });
  if (Array.isArray(news.roles))
    for (let i = 0; i < news.roles.length; i++) v.oneOf(`roles.${i}`, knownRoles);
  return v.failures;
}

/** The PUT body granting `roles` to a user in its tenant; ids are "any valid UUID" (DOCV2:users/roles/modify). */
export function accessPolicyItems(
  userId: string,
  tenantId: string,
  roles: readonly string[],
): AccessPolicyItem[] {
  const zero = "00000000-0000-0000-0000-000000000000";
  return sortedSet(roles).map((role) => ({
    id: zero,
    issuer_id: zero,
    tenant_id: tenantId,
    trustee_id: userId,
    trustee_type: "user",
    role_id: role,
    version: 0,
  }));
}

export function accessPolicyOutputs(
  userId: string,
  tenantId: string,
  items: readonly AccessPolicyItem[],
): AccessPolicyOutputs {
  return plain({
    userId,
    tenantId,
    roles: sortedSet(items.filter((i) => i.trustee_id === userId).map((i) => i.role_id)),
  });
}

/**
 * The roles of a user (PUT /users/{id}/access_policies replaces the set). The id is the user's.
 * Destroying the resource restores the default of a new user: no roles.
 */
export class AccessPolicyProvider extends AcronisResourceProvider implements pulumi.dynamic.ResourceProvider {
  async check(_olds: unknown, news: AccessPolicyInputs): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(news, validateAccessPolicy(news));
  }

  async diff(
    _id: string,
    olds: AccessPolicyOutputs,
    news: AccessPolicyInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, accessPolicyRules);
  }

  async create(inputs: AccessPolicyInputs): Promise<pulumi.dynamic.CreateResult> {
    return { id: inputs.userId, outs: await this.grant(inputs.userId, inputs.roles) };
  }

  async read(id: string, props: AccessPolicyOutputs): Promise<pulumi.dynamic.ReadResult> {
    const user = await this.directory().user(id);
    const items = user && (user.access_policies ?? (await unlessGone(this.client().getAccessPolicies(id))));
    if (!items) return {};
    const outputs = accessPolicyOutputs(id, props.tenantId, items);
    return readResult(id, outputs, accessPolicyRules, props);
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
