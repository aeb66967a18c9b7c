/** Applications (services): the platform's list, a tenant's bound ones, and binding or unbinding a tenant. */
import { APPLICATIONS, findApplication } from "./applicationCatalog";
import { type ApiHandler, noContent, ok } from "./call";
import { PLATFORM_APPLICATION_ID } from "./catalog";
import { accessDenied, fail, invalid, notFound } from "./errors";
import { queryList } from "./input";
import type { AcronisState, Caller, TenantRecord } from "./model";
import { findTenant, isWithin, subtree, visibleTenant } from "./tree";

const view = (id: string) => {
  const app = findApplication(id);
  return app ? { ...app, usages: [...app.usages] } : undefined;
};

/** GET /applications: every application of the platform, whatever the caller has. */
export const listApplications: ApiHandler = () => ok({ items: APPLICATIONS.map((a) => view(a.id)) });

export const getApplication: ApiHandler = ({ params }) => {
  const app = view(params.id);
  if (!app) throw notFound(`application ${params.id} does not exist`);
  return ok(app);
};

export const listTenantApplications: ApiHandler = ({ state, caller, params }) =>
  ok({ items: [...visibleTenant(state, caller, params.id).application_ids] });

/** GET /tenants/applications?tenants=a,b → `{items:[{tenant, applications}]}`; unknown or unreachable ids left out. */
export const listTenantsApplications: ApiHandler = ({ state, caller, query }) => {
  const ids = query.get("tenants");
  if (ids === null || queryList(ids).length === 0) throw invalid(`the "tenants" parameter is required`);
  const items = queryList(ids)
    .map((id) => findTenant(state, id))
    .filter((t): t is TenantRecord => t !== undefined && isWithin(state, caller.tenantId, t.id))
    .map((t) => ({ tenant: t.id, applications: [...t.application_ids] }));
  return ok({ items });
};

/** The application and the tenant of a binding path; the client's own tenant is bound by its parent. */
function bindingOf(state: AcronisState, caller: Caller, params: Record<string, string>) {
  const app = findApplication(params.app);
  if (!app) throw notFound(`application ${params.app} does not exist`);
  const tenant = visibleTenant(state, caller, params.tenant);
  // Choice: like its offering items, the caller's own tenant's services are set by its parent: 403 (1002).
  if (tenant.id === caller.tenantId)
    throw accessDenied("the caller's own services are set by its parent tenant");
  return { app, tenant };
}

/**
 * POST …/bindings/tenants/{tenant} → 204; it enables no offering item (DOC:services/enabling-service).
 * Choice: the service must be enabled at the parent, else 400/1026; binding it again is 204.
 */
export const bindApplication: ApiHandler = ({ state, caller, params }) => {
  const { app, tenant } = bindingOf(state, caller, params);
  const parent = tenant.parent_id ? findTenant(state, tenant.parent_id) : undefined;
  if (parent && !parent.application_ids.includes(app.id))
    throw fail(400, 1026, `the service "${app.name}" is not enabled for the parent tenant ${parent.id}`);
  if (!tenant.application_ids.includes(app.id)) tenant.application_ids.push(app.id);
  return noContent();
};

/**
 * DELETE …/bindings/tenants/{tenant} → 204: the service, its offering items and their usage go from the tenant
 * and its whole subtree (DOC:services/disabling-service). Choice: the platform service is 400/1027; an unbound one 204.
 */
export const unbindApplication: ApiHandler = ({ state, caller, params }) => {
  const { app, tenant } = bindingOf(state, caller, params);
  if (app.id === PLATFORM_APPLICATION_ID) throw fail(400, 1027, "the platform service cannot be disabled");
  const below = new Set(subtree(state, tenant.id).map((t) => t.id));
  for (const t of state.tenants.filter((t) => below.has(t.id)))
    t.application_ids = t.application_ids.filter((id) => id !== app.id);
  const gone = (r: { tenant_id: string; application_id: string }) =>
    below.has(r.tenant_id) && r.application_id === app.id;
  state.offeringItems = state.offeringItems.filter((i) => !gone(i));
  state.usages = state.usages.filter((u) => !gone(u));
  return noContent();
};
