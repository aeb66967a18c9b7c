/** The control plane under /_emulator: inspection, reset, config, faults, and what only the platform does. */
import type { FaultInjector } from "../core/faultInjection";
import { FaultSettingsError, readFaultSettings } from "../core/faults";
import type { RequestLog } from "../core/requestLog";
import { Router } from "../core/router";
import type { Reply } from "./call";
import { itemKey, OFFERING_ITEM_CATALOG, PARTNER_TENANT_ID } from "./catalog";
import { invalid, notFound } from "./errors";
import { asObject, optBool, optInt, optNullableString, requiredString, toInt } from "./input";
import { DEFAULT_CONFIG, type EmulatorConfig } from "./model";
import { setUserPassword } from "./passwords";
import { type Store, unlimited } from "./state";
import type { TokenBook } from "./tokens";
import { findTenant, findUser } from "./tree";
import { setUsages } from "./usages";
import { activateFromEmail, readPassword } from "./users";

export interface ControlContext {
  store: Store;
  tokens: TokenBook;
  log: RequestLog;
  faults: FaultInjector;
  config: { current: EmulatorConfig };
  /** Parses a JSON body (415 / 400 like the API). */
  json: (body: string, headers: Record<string, string | string[] | undefined>) => unknown;
  respond: (reply: Reply) => { status: number; headers?: Record<string, string>; body?: string };
}

export const CONTROL_PREFIX = "/_emulator";

export function controlRouter(ctx: ControlContext): Router {
  const { store, log, faults, config } = ctx;
  const answer = (body: unknown, status = 200) => ctx.respond({ status, body });
  const saved = <T>(result: T): T => {
    store.save();
    return result;
  };
  return (
    new Router()
      .add("GET", `${CONTROL_PREFIX}/state`, () => answer(store.state))
      .add("GET", `${CONTROL_PREFIX}/requests`, () => answer({ items: log.list("acronis") }))
      .add("GET", `${CONTROL_PREFIX}/emails`, () => answer({ items: store.state.outbox }))
      // Choice: a reset also restores the default config; tokens already issued stay valid.
      .add("POST", `${CONTROL_PREFIX}/reset`, () => {
        store.reset();
        log.clear("acronis");
        config.current = { ...DEFAULT_CONFIG };
        return ctx.respond({ status: 204 });
      })
      .add("POST", `${CONTROL_PREFIX}/expire-tokens`, () => {
        ctx.tokens.expireAll(new Date());
        return ctx.respond({ status: 204 });
      })
      .add("GET", `${CONTROL_PREFIX}/config`, () => answer(config.current))
      .add("POST", `${CONTROL_PREFIX}/config`, (req) => {
        config.current = { ...config.current, ...readConfig(ctx.json(req.body, req.headers)) };
        return answer(config.current);
      })
      // Choice: POST /_emulator/reset leaves the fault plan alone; only POST /_emulator/faults changes it.
      .add("GET", `${CONTROL_PREFIX}/faults`, () => answer(faults.report()))
      .add("POST", `${CONTROL_PREFIX}/faults`, (req) => {
        faults.configure(faultSettingsOf(ctx.json(req.body, req.headers), faults));
        return answer(faults.report());
      })
      // Usage is measured by the services, never written through the API: tests set it here.
      .add("PUT", `${CONTROL_PREFIX}/tenants/:id/usages`, (req) =>
        answer({ items: saved(setUsages(store.state, req.params.id, ctx.json(req.body, req.headers))) }),
      )
      // A user sets a password in the console (e.g. the partner's own administrators, whom the API cannot activate).
      .add("POST", `${CONTROL_PREFIX}/users/:id/password`, (req) => {
        const user = findUser(store.state, req.params.id);
        if (!user) throw notFound(`user ${req.params.id} does not exist`);
        setUserPassword(user, readPassword(ctx.json(req.body, req.headers)), new Date());
        return saved(ctx.respond({ status: 204 }));
      })
      // The user follows the activation e-mail's link and chooses a password.
      .add("POST", `${CONTROL_PREFIX}/activate`, (req) => {
        activateFromEmail(store.state, ctx.json(req.body, req.headers), new Date());
        return saved(ctx.respond({ status: 204 }));
      })
      // What the partner's own parent (above the emulated tree) offers it: switches catalog items on or off.
      .add("PUT", `${CONTROL_PREFIX}/partner-offering-items`, (req) => {
        setPartnerItems(store, ctx.json(req.body, req.headers));
        return saved(ctx.respond({ status: 204 }));
      })
  );
}

function setPartnerItems(store: Store, body: unknown): void {
  const list = asObject(body, "request body").offering_items;
  if (!Array.isArray(list)) throw invalid(`"offering_items" must be an array`);
  if (!findTenant(store.state, PARTNER_TENANT_ID)) throw notFound("the partner tenant is gone");
  for (const [i, raw] of list.entries()) {
    const item = asObject(raw, `offering_items[${i}]`);
    const key = itemKey({
      application_id: requiredString(item, "application_id"),
      name: requiredString(item, "name"),
      infra_id: optNullableString(item, "infra_id") ?? null,
    });
    const definition = OFFERING_ITEM_CATALOG.find((d) => itemKey(d) === key);
    if (!definition) throw invalid(`offering_items[${i}] is not in the catalog`);
    const on = item.status === undefined || toInt(item.status, "status") === 1;
    const others = store.state.offeringItems.filter(
      (o) => !(o.tenant_id === PARTNER_TENANT_ID && itemKey(o) === key),
    );
    store.state.offeringItems = on ? [...others, unlimited(PARTNER_TENANT_ID, definition)] : others;
  }
}

function faultSettingsOf(body: unknown, faults: FaultInjector) {
  try {
    return readFaultSettings(body, faults.settings);
  } catch (err) {
    if (err instanceof FaultSettingsError) throw invalid(err.message);
    throw err;
  }
}

function readConfig(body: unknown): Partial<EmulatorConfig> {
  const input = asObject(body, "config");
  const ttl = optInt(input, "tokenTtlSeconds");
  if (ttl !== undefined && ttl < 1) throw invalid(`"tokenTtlSeconds" must be at least 1`);
  const ottTtl = optInt(input, "ottTtlSeconds");
  if (ottTtl !== undefined && ottTtl < 1) throw invalid(`"ottTtlSeconds" must be at least 1`);
  const requireDisabled = optBool(input, "requireDisabledUserDelete");
  return {
    ...(ttl === undefined ? {} : { tokenTtlSeconds: ttl }),
    ...(ottTtl === undefined ? {} : { ottTtlSeconds: ottTtl }),
    ...(requireDisabled === undefined ? {} : { requireDisabledUserDelete: requireDisabled }),
  };
}
