import type { ResourceSpec } from "../../core/spec";
import { deletionPolicies } from "./tenantCommon";
import { uuid } from "./values";

/**
 * The engine plans a removal without asking the provider, so a partner or folder whose disabling would stop
 * tenants the stack does not manage can only be refused at preview by a resource that sees it leave: this one.
 */
export const tenantRemovalGuardSpec: ResourceSpec = {
  type: "TenantRemovalGuard",
  module: "acronis",
  entry: "tenantRemovalGuard",
  doc: "Refuses, at preview, a plan that removes a partner or folder tenant whose removal would disable child tenants the stack does not manage (their service would stop with it), naming them. It lists the stack's partners and folders; the estate file declares one per account once it has any, and keeps it, listing none, after the last has gone (while the program exports `tenantRemovalGuards`, which the next run reads back), so that removal is checked too. Writes nothing to the API.",
  id: "Always `tenant-removal-guard`. It cannot be imported: it holds no object in Acronis (declared, `pulumi up` adds it with no write).",
  properties: {
    tenants: {
      value: {
        type: "array",
        items: {
          type: "object",
          typeName: "GuardedTenant",
          doc: "A partner or folder tenant whose removal the guard checks.",
          fields: {
            tenantId: { value: uuid, required: true, doc: "The tenant's UUID (its resource's `tenantId`)." },
            deletionPolicy: {
              value: { type: "string", enum: deletionPolicies },
              doc: "The `deletionPolicy` its resource declares (absent: `disable`): a tenant whose policy is `retain` is only forgotten, and may leave.",
            },
          },
        },
      },
      required: true,
      doc: "The partners and folders of the stack, in any order.",
    },
  },
};
