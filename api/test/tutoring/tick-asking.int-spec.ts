import { randomUUID } from 'node:crypto';
import { QUEUE } from '@peerlift/contracts';
import { CURRICULUM } from '@peerlift/domain';
import { BullConnection } from '../../src/queues/bullmq-connection';
import { RedisService } from '../../src/redis/redis.module';
import { LiveStateService } from '../../src/tutoring/live/live-state.service';
import { TutorPresenceState } from '../../src/tutoring/live/tutor-presence-state.service';
import { MatchingQueue } from '../../src/tutoring/matching/matching-queue';
import { POOL_SPARES } from '../../src/tutoring/matching/matching.service';
import { matchingShard } from '../../src/tutoring/matching/matching-shard';
import { startTestApi, type TestApi } from '../support/test-api';
import { OPS, ok, person } from './tutoring-fixtures';

/**
 * A new request asks for its shard's tick only when no tick has been asked for since the shard's last tick
 * began (the tickAsked flag, real Redis and the real BullMQ queue). That a request which did not ask is
 * still matched by the worker, with the sweep's ticks switched off, is tested in worker/test.
 */
describe('asking for matching ticks', () => {
  let api: TestApi;
  let live: LiveStateService;
  let queue: MatchingQueue;
  const [a, b] = CURRICULUM.map((s) => s.slug);
  const request = (skillSlug: string, tickShard?: number) =>
    live.enqueue({ id: randomUUID(), skillSlug, learnerId: randomUUID(), createdMs: Date.now(), tickShard });
  const waitingJobs = () => api.app.get(BullConnection).queue(QUEUE.tutoringMatching).getWaitingCount();
  const tickStart = (shard: number, shards = 2) =>
    live.tickStart(shard, { shards, batchMax: 50, spares: POOL_SPARES });
  const drainJobs = () => api.app.get(BullConnection).queue(QUEUE.tutoringMatching).drain();

  beforeAll(async () => {
    api = await startTestApi();
    live = api.app.get(LiveStateService);
    queue = api.app.get(MatchingQueue);
  });
  afterAll(() => api.close());

  it('asks once per shard until the shard’s tick begins', async () => {
    expect(await request(a, 0)).toMatchObject({ joined: true, askTick: true });
    expect(await request(a, 0)).toMatchObject({ joined: true, askTick: false });
    expect(await request(b, 0)).toMatchObject({ joined: true, askTick: false });
    expect(await request(a, 1)).toMatchObject({ joined: true, askTick: true });
    // Shard 0's tick begins: it clears its own flag only.
    await tickStart(0);
    expect(await request(a, 0)).toMatchObject({ joined: true, askTick: true });
    expect(await request(a, 1)).toMatchObject({ joined: true, askTick: false });
    // Reading the waiting skills outside a tick (the sweep's) clears nothing.
    await live.waitingSkills();
    expect(await request(a, 0)).toMatchObject({ joined: true, askTick: false });
  });

  it('lets a flag whose tick never came lapse, so a lost job costs at most a second', async () => {
    await tickStart(0);
    await request(a, 0);
    const ttl = await api.app.get(RedisService).client.pttl(live.keys.tickAsked(0));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
  });

  it('leaves the flag alone for a caller that does not ask for ticks', async () => {
    await tickStart(0);
    expect(await request(a)).toMatchObject({ joined: true, askTick: true });
    expect(await request(a, 0)).toMatchObject({ joined: true, askTick: true });
  });

  it('starts a shard’s tick with exactly the skills matchingShard puts in it', async () => {
    const skills = CURRICULUM.map((s) => s.slug);
    for (const shards of [2, 3, 5]) {
      for (const skill of skills) await request(skill);
      for (let shard = 0; shard < shards; shard++) {
        const started = (await tickStart(shard, shards)).map((s) => s.skill).sort();
        expect(started).toEqual(skills.filter((s) => matchingShard(s, shards) === shard).sort());
      }
    }
  });

  it('shares a tick’s spare tutors out among its skills, within the per-skill bounds', async () => {
    const skills = CURRICULUM.map((s) => s.slug).slice(0, 20);
    const presence = api.app.get(TutorPresenceState);
    // The lines the tests above left behind are emptied, so each tick below holds only its own skills.
    const redis = api.app.get(RedisService).client;
    const lines = await redis.keys(`${live.keys.base}waiting:*`);
    if (lines.length) await redis.del(...lines);
    for (let i = 0; i < 12; i++) await presence.setAvailable(randomUUID(), skills);
    // Skills in the tick → tutors per skill for its one request (1 + the skill's spares; 24 shared out, 2–8).
    const cases: [number, number][] = [
      [1, 9],
      [3, 9],
      [4, 7],
      [6, 5],
      [12, 3],
      [20, 3],
    ];
    for (const [count, tutorsEach] of cases) {
      const asked = skills
        .slice(0, count)
        .map((skillSlug) => ({ id: randomUUID(), skillSlug, learnerId: '' }));
      for (const r of asked) await live.enqueue({ ...r, createdMs: Date.now() });
      const started = await tickStart(0, 1);
      expect(started.map((s) => [s.skill, s.snapshot.tutors.length])).toEqual(
        expect.arrayContaining(asked.map((r) => [r.skillSlug, tutorsEach])),
      );
      expect(started).toHaveLength(count);
      for (const r of asked) await live.closeRequest(r);
    }
  });

  it('adds a tick job for the first of a shard’s requests only', async () => {
    const shard = queue.shardOf(a);
    await tickStart(shard);
    await drainJobs();
    const ask = async () => ok(await (await person(api)).gql(OPS.requestHelp, { s: a }));
    await ask();
    expect(await waitingJobs()).toBe(1);
    await drainJobs();
    await ask();
    expect(await waitingJobs()).toBe(0); // the tick asked for by the first has not begun
    await tickStart(shard);
    await ask();
    expect(await waitingJobs()).toBe(1);
  });
});
