import { createHash } from "node:crypto";

/** A customer's shard from its stable key: the same whatever the other customers are. */
export function shardOf(key: string, shards: number): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) % shards;
}
