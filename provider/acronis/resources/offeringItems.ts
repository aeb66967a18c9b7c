import type * as pulumi from "@pulumi/pulumi";
import { ItemNotAvailableError, VersionConflictError } from "../../core/errors";
import { readByIdAlone } from "../../core/importing";
import { isUnknown, plain } from "../../core/normalise";
import { checkResult, diffProperties, explainConflict, unlessGone } from "../../core/resource";
import { propertyRules, readResult, validateInputs } from "../../core/spec";
import { didYouMean } from "../../core/suggest";
import { fromWire, toWire } from "../../core/wire";
import type {
  OfferingItemsInputs as OfferingItemsSpecInputs,
  OfferingItemsOutputs as OfferingItemsSpecOutputs,
} from "../../generated/acronis";
import { offeringItemWrite } from "../codecs";
import {
  type HeldItem,
  itemMatches,
  itemsSatisfy,
  offeringItemKey,
  type WantedItem,
} from "../offeringItemMatch";
import { AcronisResourceProvider } from "../provider";
import { offeringItemsSpec } from "../specs/offeringItems";
import { itemsByName, wantedFormOf, wantedItems } from "../specs/offeringItemsByName";
import type { OfferingItem, OfferingItemWrite } from "../types";

export type OfferingItemInput = WantedItem;
export type EnabledOfferingItem = HeldItem;

/** The spec's inputs, but items in both the forms the provider receives. */
export type OfferingItemsInputs = Omit<OfferingItemsSpecInputs, "items"> & {
  /** As the program lists them; in the inputs the engine stores, keyed by name (offeringItemsByName.ts). */
  items: WantedItem[] | Record<string, WantedItem>;
};

/** The items as the tenant holds them, application and infrastructure resolved. */
export type OfferingItemsOutputs = Omit<OfferingItemsSpecOutputs, "items"> & { items: HeldItem[] };

/** Input rules, checked before any API call. */
export const validateOfferingItems = (news: OfferingItemsInputs) =>
  validateInputs(offeringItemsSpec, {}, news);

/** Finds the one item of the tenant each input names; errors say what is available instead. */
export function resolveItems(
  inputs: readonly OfferingItemInput[],
  available: readonly OfferingItem[],
  tenantId: string,
): EnabledOfferingItem[] {
  return inputs.map((input) => {
    const candidates = available.filter((a) => itemMatches(input, a));
    if (candidates.length === 0) {
      const names = [...new Set(available.map((a) => a.name))].sort();
      throw new Error(
        `offering item "${input.name}" is not available to tenant ${tenantId} (available: ${names.join(", ") || "none"})${didYouMean(input.name, names)}`,
      );
    }
    if (candidates.length > 1) {
      const infras = candidates.map((c) => c.infra_id ?? c.application_id).join(", ");
      throw new Error(
        `offering item "${input.name}" is offered more than once to tenant ${tenantId}: set infraId or applicationId (one of ${infras})`,
      );
    }
    const found = candidates[0];
    return plain({
      name: found.name,
      applicationId: found.application_id,
      infraId: found.infra_id ?? undefined,
      quota: input.quota ? { value: input.quota.value, overage: input.quota.overage ?? null } : undefined,
    });
  });
}

/** One failure per item not among the available ones, with the nearest available name. */
export function unavailableFailures(
  items: readonly OfferingItemInput[],
  available: readonly OfferingItem[],
  to: string,
): pulumi.dynamic.CheckFailure[] {
  const names = [...new Set(available.map((a) => a.name))].sort();
  return items.flatMap((item, i) => {
    if (available.some((a) => itemMatches(item, a))) return [];
    const where = `items[${i}].name`;
    const offered = `available: ${names.join(", ") || "none"}`;
    const reason = `${where}: offering item "${item.name}" is not available to ${to} (${offered})${didYouMean(item.name, names)}`;
    return [{ property: where, reason }];
  });
}

/** The parent checked at preview: kept in the outputs, so a refresh leaves these inputs as they were. */
const offerOf = (from: { parentId?: string; kind?: string }) => ({
  parentId: from.parentId,
  kind: from.kind,
});

/**
 * The PUT body: the wanted items enabled (the spec's mapping, with their quotas' current versions), the
 * dropped ones disabled.
 */
export function offeringItemWrites(
  wanted: readonly EnabledOfferingItem[],
  dropped: readonly EnabledOfferingItem[],
  current: readonly OfferingItem[],
): OfferingItemWrite[] {
  const currentOf = (item: OfferingItemWrite) =>
    current.find(
      (c) =>
        c.name === item.name &&
        c.application_id === item.application_id &&
        (c.infra_id ?? undefined) === item.infra_id,
    );
  const written = toWire(offeringItemsSpec, { items: wanted }).offering_items as OfferingItemWrite[];
  const enable = written.map((item): OfferingItemWrite => {
    // Choice: an item the tenant has never had shows no quota; its quota is at version 0 (the seed sends 0).
    const version = currentOf(item)?.quota?.version ?? 0;
    return plain({ ...item, quota: item.quota ? { ...item.quota, version } : undefined });
  });
  const keep = new Set(wanted.map((w) => offeringItemKey(w)));
  const disable = dropped
    .filter((d) => !keep.has(offeringItemKey(d)))
    .map((item) => offeringItemWrite(item, 0));
  return [...enable, ...disable];
}

/**
 * The managed items as the tenant now has them (the spec's mapping): the enabled ones, with their quotas
 * where the program manages them, sorted; `managed` undefined (a read by id alone): every enabled item.
 */
export function itemsNowHeld(
  managed: readonly HeldItem[] | undefined,
  current: readonly OfferingItem[],
): HeldItem[] {
  const given = managed === undefined ? {} : { items: managed };
  return fromWire(offeringItemsSpec, { offering_items: current }, given).items as HeldItem[];
}

/**
 * The offering items (services and quotas) a tenant has enabled. Items the program does not list are
 * left alone (the API merges); items it stops listing are disabled. Destroying disables them all.
 */
export class OfferingItemsProvider
  extends AcronisResourceProvider
  implements pulumi.dynamic.ResourceProvider
{
  readonly spec = offeringItemsSpec;

  async check(_olds: unknown, news: OfferingItemsInputs): Promise<pulumi.dynamic.CheckResult> {
    const failures = validateOfferingItems(news);
    if (failures.length === 0) failures.push(...(await this.unavailableItems(news)));
    return checkResult({ ...news, items: itemsByName(news.items) }, failures);
  }

  /**
   * When credentials are set, names at preview the items the tenant cannot have: against its own list
   * when it exists, else against its parent's offer when `parentId` gives it. Reads only.
   */
  private async unavailableItems(news: OfferingItemsInputs): Promise<pulumi.dynamic.CheckFailure[]> {
    const items = wantedItems(news.items);
    if (items.some((item) => isUnknown(item) || isUnknown(item.name))) return [];
    // Not configured, or not reachable at preview: the guard's proof of access says so; create checks again.
    const offer = await this.offerAtPreview(news).catch(() => undefined);
    return offer ? unavailableFailures(items, offer.available, offer.to) : [];
  }

  /** What the tenant may have and who it is: its own items, or its parent's offer to its kind. */
  private async offerAtPreview(
    news: OfferingItemsInputs,
  ): Promise<{ available: OfferingItem[]; to: string } | undefined> {
    if (!isUnknown(news.tenantId)) {
      const available = await this.availableTo(news.tenantId);
      return available && { available, to: `tenant ${news.tenantId}` };
    }
    if (!news.parentId || isUnknown(news.parentId) || isUnknown(news.kind)) return undefined;
    const kind = news.kind ?? "customer";
    const available = await this.directory().availableForChild(news.parentId, kind);
    return { available, to: `${kind}s of tenant ${news.parentId}` };
  }

  async diff(
    _id: string,
    olds: OfferingItemsOutputs,
    news: OfferingItemsInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffProperties(olds, news, propertyRules(offeringItemsSpec));
  }

  async create(inputs: OfferingItemsInputs): Promise<pulumi.dynamic.CreateResult> {
    const wanted = wantedItems(inputs.items);
    if (inputs.adopt) {
      const held = await this.heldItems(inputs.tenantId, wanted);
      if (held && itemsSatisfy(held, wanted))
        return {
          id: inputs.tenantId,
          outs: plain({ tenantId: inputs.tenantId, items: held, ...offerOf(inputs) }),
        };
    }
    const items = await this.apply(inputs.tenantId, wanted, []);
    return { id: inputs.tenantId, outs: plain({ tenantId: inputs.tenantId, items, ...offerOf(inputs) }) };
  }

  /** The wanted items as the tenant now has them, when it has them all; else undefined. */
  private async heldItems(tenantId: string, wanted: WantedItem[]): Promise<HeldItem[] | undefined> {
    const current = await this.directory().offeringItems(tenantId);
    if (!current || !wanted.every((item) => current.some((c) => c.status === 1 && itemMatches(item, c))))
      return undefined;
    return itemsNowHeld(resolveItems(wanted, current, tenantId), current);
  }

  async read(id: string, props: OfferingItemsOutputs): Promise<pulumi.dynamic.ReadResult> {
    const current = await this.directory().offeringItems(id);
    if (!current) return {};
    const managed = readByIdAlone(props) ? undefined : (props.items ?? []);
    const outputs = { tenantId: id, items: itemsNowHeld(managed, current), ...offerOf(props) };
    const result = readResult(offeringItemsSpec, id, outputs, props);
    // Drift: the inputs say what the tenant holds, keyed by name as check keys the program's list.
    return { ...result, inputs: { ...result.inputs, items: itemsByName(wantedFormOf(outputs.items)) } };
  }

  async update(
    id: string,
    olds: OfferingItemsOutputs,
    news: OfferingItemsInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    const items = await this.apply(id, wantedItems(news.items), olds.items ?? []);
    return { outs: plain({ tenantId: id, items, ...offerOf(news) }) };
  }

  async delete(id: string, props: OfferingItemsOutputs): Promise<void> {
    const client = this.client();
    const current = await unlessGone(client.getOfferingItems(id));
    if (!current || !props.items?.length) return;
    await unlessGone(client.putOfferingItems(id, offeringItemWrites([], props.items, current)));
  }

  /** Resolves the wanted items, writes them, and answers them as now enabled; retries once on a stale quota version. */
  private async apply(
    tenantId: string,
    wanted: readonly OfferingItemInput[],
    previous: readonly EnabledOfferingItem[],
  ): Promise<EnabledOfferingItem[]> {
    const client = this.client();
    // Offering items are read, merged and written back: one such cycle per tenant at a time.
    return client.exclusive(`offering_items:${tenantId}`, async () => {
      for (let attempt = 1; ; attempt++) {
        // A tenant this process just created has no items yet: its parent's offer is all there is to know.
        const brandNew = attempt === 1 && this.directory().isNewTenant(tenantId);
        const current = brandNew ? [] : await client.getOfferingItems(tenantId);
        const available = brandNew ? await this.offerOfParent(tenantId) : current;
        const resolved = resolveItems(wanted, available, tenantId);
        try {
          const answered = await client.putOfferingItems(
            tenantId,
            // A brand-new tenant's quotas are at the version its parent's offer shows (0, as in the seed).
            offeringItemWrites(resolved, previous, brandNew ? available : current),
          );
          this.directory().forgetItems(tenantId);
          return itemsNowHeld(resolved, answered);
        } catch (err) {
          // Someone changed a quota between our read and write: re-read its version and apply ours once more.
          if (err instanceof VersionConflictError && attempt === 1) continue;
          throw explainItemsFailure(err, tenantId);
        }
      }
    });
  }

  /** The items a tenant may have: its parent's offer when this process created it, else its own list. */
  private async availableTo(tenantId: string): Promise<OfferingItem[] | undefined> {
    if (this.directory().isNewTenant(tenantId)) return this.offerOfParent(tenantId);
    return this.directory().offeringItems(tenantId);
  }

  /** What the parent of a tenant created here offers its children (listed once per parent). */
  private async offerOfParent(tenantId: string): Promise<OfferingItem[]> {
    const tenant = await this.directory().knownTenant(tenantId);
    if (!tenant) return this.client().getOfferingItems(tenantId);
    return this.directory().availableForChild(tenant.parent_id, tenant.kind);
  }
}

/** A refused write of a tenant's items, said as one line naming the tenant; other errors pass unchanged. */
function explainItemsFailure(err: unknown, tenantId: string): unknown {
  if (err instanceof ItemNotAvailableError) {
    return err.copyWith({
      explanation:
        `an offering item is no longer offered to tenant ${tenantId} by its parent: ` +
        "enable it at the parent, or remove it from items",
    });
  }
  return explainConflict(`offering items of tenant ${tenantId}`, err);
}
