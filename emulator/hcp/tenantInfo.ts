import type { EmulatorResponse } from "../core/router";
import { type AccessRule, authorize } from "./auth";
import { documentAnswer, type MapiContext, tenantOf } from "./context";
import { forbidden, notFound } from "./errors";
import { type Namespace, sameName, type Tenant, type UsageFigure } from "./state";
import { MONITOR_OR_ADMIN } from "./tenantSettings";

// Choice: a system-level administrator may read statistics without administrative access, as the vendor's resource table says.
const STATISTICS_RULE: AccessRule = {
  tenantRoles: ["MONITOR", "ADMINISTRATOR"],
  systemRoles: ["ADMINISTRATOR"],
};

/** The figures a statistics resource reports, of a tenant or of one namespace. */
export const STATISTICS_FIGURES: readonly UsageFigure[] = [
  "objectCount",
  "ingestedVolume",
  "storageCapacityUsed",
  "customMetadataCount",
  "customMetadataSize",
  "shredCount",
  "shredSize",
];

export const sumFigure = (namespaces: readonly Namespace[], figure: UsageFigure): number =>
  namespaces.reduce((sum, ns) => sum + ns.usage[figure], 0);

/** GET /tenants/{t}/statistics: sums over the tenant's namespaces. */
export function getStatistics(ctx: MapiContext): EmulatorResponse {
  const tenant = tenantOf(ctx);
  authorize(ctx.caller, tenant, STATISTICS_RULE);
  const figures = STATISTICS_FIGURES.map((figure) => [figure, sumFigure(tenant.namespaces, figure)]);
  return documentAnswer(ctx, "statistics", Object.fromEntries(figures));
}

function planTenant(ctx: MapiContext): Tenant {
  const tenant = tenantOf(ctx);
  authorize(ctx.caller, tenant, MONITOR_OR_ADMIN);
  // Choice: without servicePlanSelectionEnabled the plan resources are 403; the default tenant always has them.
  if (!tenant.isDefault && !tenant.servicePlanSelectionEnabled) {
    throw forbidden(`Tenant ${tenant.name} is not allowed to select service plans.`);
  }
  return tenant;
}

/** GET /tenants/{t}/availableServicePlans: every plan's name. */
export function listAvailableServicePlans(ctx: MapiContext): EmulatorResponse {
  planTenant(ctx);
  return documentAnswer(ctx, "availableServicePlans", {
    name: ctx.store.state.servicePlans.map((p) => p.name),
  });
}

/** GET /tenants/{t}/availableServicePlans/{plan}: its name and description. */
export function getAvailableServicePlan(ctx: MapiContext): EmulatorResponse {
  planTenant(ctx);
  const plan = ctx.store.state.servicePlans.find((p) => sameName(p.name, ctx.req.params.plan));
  if (!plan) throw notFound(`Service plan ${ctx.req.params.plan} does not exist.`);
  return documentAnswer(ctx, "availableServicePlan", { name: plan.name, description: plan.description });
}
