import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { RedisService } from '@peerlift/api/redis/redis.module';
import { TutoringEventsService } from '@peerlift/api/tutoring/events/tutoring-events.service';
import { HelpRequestsService } from '@peerlift/api/tutoring/help-requests/help-requests.service';
import { PresenceService } from '@peerlift/api/tutoring/presence/presence.service';
// The api's test support has no import alias; this test runs the api in process like the api's own tests.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi, type TestApi } from '../../../api/test/support/test-api';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestWorker } from '../../../api/test/support/test-worker';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { SKILL, eventually, person } from '../../../api/test/tutoring/tutoring-fixtures';

/**
 * A tick's job ends once its claims are made; Postgres's confirmation runs on while the shard's next tick
 * begins (MatchingService.matchShardUntilClaimed). Row locks on the requests hold their confirmations where
 * they are, so the test sees what runs while one is pending. Real worker, queue, Redis and Postgres.
 */
describe('ticks that end at their claims', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let lock: pg.Client;
  let closed = false;

  const claims = () =>
    api.app.get(RedisService).client.zcard(`${api.config.REDIS_PREFIX}:{tutoring}:deadlines`);
  const pendingOffers = async () =>
    (
      await api.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM tutoring_offers WHERE state = 'PENDING'`,
      )
    ).rows[0].n;
  const confirmationsWaiting = async () =>
    (
      await api.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%tutoring_offers%'`,
      )
    ).rows[0].n;
  /**
   * A request whose confirmation will wait: its row is locked (by `lock`'s open transaction) before a tutor
   * becomes available for it, so the tick claims in Redis and then waits on Postgres.
   */
  async function heldPair(): Promise<string> {
    const request = await api.app.get(HelpRequestsService).request((await person(api)).id, SKILL, null);
    await lock.query(`SELECT 1 FROM help_requests WHERE id = $1 FOR UPDATE`, [request.id]);
    const tutor = await person(api, { proficientIn: [SKILL] });
    await api.app.get(PresenceService).setAvailability(tutor.id, true);
    return tutor.id;
  }

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker(api);
    lock = new pg.Client({ connectionString: api.config.DATABASE_URL });
    await lock.connect();
  });
  afterAll(async () => {
    await lock.query('ROLLBACK').catch(() => undefined);
    await lock.end();
    if (!closed) await worker.close();
    await api.close();
  });

  it('runs the shard’s next tick while the last one’s confirmation waits', async () => {
    await lock.query('BEGIN');
    await heldPair();
    await eventually(async () => (await claims()) === 1 && (await confirmationsWaiting()) === 1, 'a claim');
    // The same skill, so the same shard: its next tick claims while the first confirmation still waits.
    await heldPair();
    await eventually(async () => (await claims()) === 2, 'the next tick to claim');
    expect(await confirmationsWaiting()).toBeGreaterThanOrEqual(1);
    await lock.query('ROLLBACK');
    await eventually(async () => (await pendingOffers()) === 2, 'both offers to be confirmed');
  });

  it('lets a confirmation still running finish before the worker closes', async () => {
    await lock.query('BEGIN');
    const before = await pendingOffers();
    // The tutor's OFFER event, published by the worker once Postgres has confirmed the offer.
    const events = api.app.get(RedisService).client.duplicate();
    const offered = new Promise<string>((resolve) => events.on('message', (_c, m: string) => resolve(m)));
    const tutorId = await heldPair();
    await events.subscribe(api.app.get(TutoringEventsService).channel(tutorId));
    await eventually(async () => (await confirmationsWaiting()) === 1, 'a confirmation to wait');
    let done = false;
    const closing = worker.close().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toBe(false);
    await lock.query('ROLLBACK');
    await closing;
    closed = true;
    expect(await pendingOffers()).toBe(before + 1);
    const noEvent = new Promise<string>((r) => setTimeout(() => r('{"type":"none within 5 s"}'), 5000));
    expect(JSON.parse(await Promise.race([offered, noEvent]))).toMatchObject({ type: 'OFFER' });
    events.disconnect();
  });
});
