import { createHash } from 'node:crypto';

/**
 * The shard whose ticks match `skillSlug`: the same in every process and after restarts (a hash of the
 * slug, not an index into the curriculum, so adding a skill moves no other).
 */
export function matchingShard(skillSlug: string, shards: number): number {
  return createHash('sha1').update(skillSlug).digest().readUInt32BE(0) % shards;
}
