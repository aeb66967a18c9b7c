import { createHash } from "node:crypto";
import type { Estate, EstateAcronisSection, EstateHcpSection } from "./estateFile";
import { keyOrSlug } from "./estateNames";

/** The shard (1 … shards) of an entry, from its stable identity: the same whatever the other entries are. */
export function shardOf(identity: string, shards: number): number {
  return (createHash("sha256").update(identity).digest().readUInt32BE(0) % shards) + 1;
}

/** `"2/4"` → shard 2 of 4; anything else is an error naming the setting and the rule. */
export function parseShard(text: string, setting = "estateShard"): { shard: number; shards: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const [shard, shards] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || shards < 1 || shard < 1 || shard > shards)
    throw new Error(
      `${setting} must be "<shard>/<shards>" with 1 <= shard <= shards, e.g. "2/4" (got "${text}")`,
    );
  return { shard, shards };
}

/**
 * The part of an estate one shard (one stack) declares: each top-level partner, folder, customer and HCP
 * tenant goes, with everything under it, to the shard its kind and key hash to. Every entry is in exactly
 * one shard, and adding or removing entries moves no other; changing the number of shards moves entries,
 * whose state `pulumi state move` carries to their new stack (see docs/scaling.md).
 */
export function estateShard(estate: Estate, shard: number, shards: number): Estate {
  parseShard(`${shard}/${shards}`, "the shard");
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
