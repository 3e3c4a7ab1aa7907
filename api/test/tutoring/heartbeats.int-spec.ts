import { RedisService } from '../../src/redis/redis.module';
import { TutorPresenceState } from '../../src/tutoring/live/tutor-presence-state.service';
import { HeartbeatBatcher } from '../../src/tutoring/presence/heartbeat-batcher';
import { PresenceService } from '../../src/tutoring/presence/presence.service';
import { startTestApi, type TestApi } from '../support/test-api';
import { SKILL, eventually, person } from './tutoring-fixtures';

/** Heartbeats renewed in batches (HeartbeatBatcher → HEARTBEAT_MANY) on real Redis. */
describe('batched heartbeats', () => {
  let api: TestApi;
  let online: string;
  const score = async (id: string) => {
    const s = await api.app.get(RedisService).client.zscore(online, id);
    return s === null ? null : Number(s);
  };
  /** Makes the tutor's heartbeat 30 s old, so a renewal shows. */
  const age = (id: string) => api.app.get(RedisService).client.zadd(online, 'XX', Date.now() - 30_000, id);

  beforeAll(async () => {
    api = await startTestApi();
    online = `${api.config.REDIS_PREFIX}:{tutoring}:online`;
  });
  afterAll(() => api.close());

  async function tutor(available: 'available' | 'never' | 'went away'): Promise<string> {
    const t = await person(api, { proficientIn: [SKILL] });
    const presence = api.app.get(PresenceService);
    if (available !== 'never') await presence.setAvailability(t.id, true);
    if (available === 'went away') await presence.setAvailability(t.id, false);
    return t.id;
  }

  it('renews only tutors who are available, each once however often they beat', async () => {
    const [here, never, away] = [await tutor('available'), await tutor('never'), await tutor('went away')];
    await age(here);
    const before = (await score(here))!;
    const batcher = api.app.get(HeartbeatBatcher);
    for (const id of [here, never, away, here, here]) batcher.beat(id);
    expect(await batcher.flush()).toBe(1);
    expect(await score(here)).toBeGreaterThan(before + 20_000);
    // A heartbeat never makes anyone available.
    expect(await score(never)).toBeNull();
    expect(await score(away)).toBeNull();
    expect(await batcher.flush()).toBe(0); // nothing left pending
  });

  it('flushes on its own, shortly after the first beat', async () => {
    const here = await tutor('available');
    await age(here);
    const before = (await score(here))!;
    api.app.get(HeartbeatBatcher).beat(here);
    await eventually(async () => (await score(here))! > before + 20_000, 'the batch to be flushed', 5_000);
  });

  it('renews a batch larger than one script call takes', async () => {
    const ids = [await tutor('available'), await tutor('available')];
    for (const id of ids) await age(id);
    // 600 ids: three calls of HEARTBEAT_MANY, the available tutors in the first and the last.
    const others = Array.from(
      { length: 598 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    expect(await api.app.get(TutorPresenceState).heartbeatMany([ids[0], ...others, ids[1]])).toBe(2);
    for (const id of ids) expect(await score(id)).toBeGreaterThan(Date.now() - 10_000);
    expect(await api.app.get(RedisService).client.zscore(online, others[0])).toBeNull();
  });
});
