import { createHash } from "node:crypto";
import type { Estate, EstateAcronisSection, EstateHcpSection } from "./estateFile";
import { keyOrSlug } from "./estateNames";

/** The shard (1 … shards) of an entry, from its stable identity: the same whatever the other entries are. */
export function shardOf(identity: string, shards: number): number {
  return (createHash("sha256").update(identity).digest().readUInt32BE(0) % shards) + 1;
}

function checkShards(shards: number): void {
  if (!Number.isInteger(shards) || shards < 1)
    throw new Error(`estateShards must be a whole number of at least 1 (got ${shards})`);
}

/**
 * The shard a stack declares, from its name: `prod-2` is shard 2 (of `shards`). Not from stack config:
 * `pulumi state move` between shards needs every shard's config to be the same (docs/scaling.md).
 */
export function stackShard(stack: string, shards: number): number {
  checkShards(shards);
  const shard = Number(/-(\d+)$/.exec(stack)?.[1] ?? Number.NaN);
  if (!(shard >= 1 && shard <= shards))
    throw new Error(
      `estateShards is ${shards}: the stack's name must end in -<shard>, 1 to ${shards} (e.g. "prod-${shards}"), not "${stack}"`,
    );
  return shard;
}

/**
 * The part of an estate one shard (one stack) declares: each top-level partner, folder, customer and HCP
 * tenant goes, with everything under it, to the shard its kind and key hash to. Every entry is in exactly
 * one shard, and adding or removing entries moves no other; changing the number of shards moves entries,
 * whose state `pulumi state move` carries to their new stack (see docs/scaling.md).
 */
export function estateShard(estate: Estate, shard: number, shards: number): Estate {
  checkShards(shards);
  if (!Number.isInteger(shard) || shard < 1 || shard > shards)
    throw new Error(`the shard must be a whole number from 1 to ${shards} (got ${shard})`);
  const mine = (kind: string, entry: { key?: string; name: string }) =>
    shardOf(`${kind}/${keyOrSlug(entry.key, entry.name)}`, shards) === shard;
  const acronis = (section?: EstateAcronisSection): EstateAcronisSection | undefined =>
    section && {
      ...section,
      partners: section.partners?.filter((e) => mine("partner", e)),
      folders: section.folders?.filter((e) => mine("folder", e)),
      customers: section.customers?.filter((e) => mine("customer", e)),
    };
  const hcp = (section?: EstateHcpSection): EstateHcpSection | undefined =>
    section && { ...section, tenants: section.tenants.filter((e) => mine("hcp", e)) };
  const accounts =
    estate.accounts &&
    Object.fromEntries(
      Object.entries(estate.accounts).map(([name, s]) => [
        name,
        { acronis: acronis(s.acronis), hcp: hcp(s.hcp) },
      ]),
    );
  return { ...estate, acronis: acronis(estate.acronis), hcp: hcp(estate.hcp), accounts };
}
