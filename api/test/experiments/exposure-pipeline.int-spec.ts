import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ExposurePipeline, type Exposure } from '@peerlift/experiments';
import { TEST_REDIS_URL } from '../support/test-database';

/**
 * The pipeline's own guarantees against the real Redis, with a Postgres stand-in that records batches
 * and can be made to fail (the api's INSERT is covered by the other experiment specs).
 */
describe('ExposurePipeline', () => {
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = `pl_t_${process.env.PEERLIFT_TEST_RUN ?? 'x'}_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const exposure = (userId: string, variationKey = 'b'): Exposure => ({
    experimentKey: 'e',
    phase: 1,
    userId,
    variationKey,
    hashValue: userId,
    seenAt: new Date(),
  });

  function pipeline(insert: (rows: readonly Exposure[]) => Promise<void>) {
    return new ExposurePipeline({
      redis,
      key: (...parts) => [prefix, ...parts].join(':'),
      ttlSeconds: 60,
      insert,
      onError: () => undefined,
    });
  }

  it('writes each learner once, in batches, keeping the first variation seen', async () => {
    const batches: Exposure[][] = [];
    const p = pipeline((rows) => Promise.resolve(void batches.push([...rows])));
    const users = Array.from({ length: 1200 }, () => randomUUID());
    for (const user of users) p.record(exposure(user, 'first'));
    for (const user of users) p.record(exposure(user, 'second'));
    await p.flush();
    const written = batches.flat();
    expect(written).toHaveLength(1200);
    expect(new Set(written.map((row) => row.variationKey))).toEqual(new Set(['first']));
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(500);
    p.close();
  });

  it('releases the Redis claims of a failed batch so the next evaluation logs the learner', async () => {
    let fail = true;
    const written: Exposure[] = [];
    const p = pipeline((rows) => {
      if (fail) return Promise.reject(new Error('postgres is down'));
      written.push(...rows);
      return Promise.resolve();
    });
    const user = randomUUID();
    p.record(exposure(user));
    await p.flush();
    expect(await redis.exists(`${prefix}:exposure:e:1:${user}`)).toBe(0);
    fail = false;
    p.record(exposure(user));
    await p.flush();
    expect(written.map((row) => row.userId)).toEqual([user]);
    p.close();
  });

  it('ignores ids that are not account ids', async () => {
    const written: Exposure[] = [];
    const p = pipeline((rows) => Promise.resolve(void written.push(...rows)));
    p.record(exposure('anonymous-visitor'));
    await p.flush();
    expect(written).toEqual([]);
    p.close();
  });
});
