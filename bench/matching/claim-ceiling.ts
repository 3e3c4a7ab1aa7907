import { randomUUID } from 'node:crypto';
import type { AppConfig } from '@peerlift/api/config/app-config';
import { RedisService } from '@peerlift/api/redis/redis.module';
import { LiveStateService } from '@peerlift/api/tutoring/live/live-state.service';
import { LuaRunner } from '@peerlift/api/tutoring/live/lua-runner';
import { TutorPresenceState } from '@peerlift/api/tutoring/live/tutor-presence-state.service';

/**
 * The ceiling: the claim Lua script alone, pipelined, on its own key prefix — N requests and N tutors in one
 * skill, every pair claimed once. Nothing else (no Postgres, no solver) limits it, so no tick can make
 * offers faster than this.
 */
export async function claimCeiling(
  config: AppConfig,
  pairs: number,
): Promise<{ pairs: number; claimsPerSecond: number; failed: number }> {
  const redis = new RedisService({ ...config, REDIS_PREFIX: `${config.REDIS_PREFIX}_ceiling` });
  const lua = new LuaRunner(redis, config);
  const live = new LiveStateService(lua);
  const presence = new TutorPresenceState(lua);
  const skill = 'ceiling';
  try {
    const ids = Array.from({ length: pairs }, () => ({
      requestId: randomUUID(),
      tutorId: randomUUID(),
      offerId: randomUUID(),
      skillSlug: skill,
    }));
    for (let i = 0; i < pairs; i += 500) {
      await Promise.all(
        ids
          .slice(i, i + 500)
          .flatMap((p, j) => [
            live.enqueue({ id: p.requestId, skillSlug: skill, learnerId: randomUUID(), createdMs: i + j }),
            presence.setAvailable(p.tutorId, [skill]),
          ]),
      );
    }
    const chunks: (typeof ids)[] = [];
    for (let i = 0; i < pairs; i += 100) chunks.push(ids.slice(i, i + 100));
    let failed = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let c = next++; c < chunks.length; c = next++) {
          const results = await live.claim(chunks[c], 15_000);
          failed += results.filter((r) => !r.ok).length;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { pairs, claimsPerSecond: Math.round((pairs - failed) / seconds), failed };
  } finally {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.client.scan(cursor, 'MATCH', `${redis.prefix}:*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length) await redis.client.unlink(...keys);
    } while (cursor !== '0');
    await redis.onApplicationShutdown();
  }
}
