import type { INestApplicationContext } from '@nestjs/common';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { RedisService } from '@peerlift/api/redis/redis.module';
import { HelpRequestsService } from '@peerlift/api/tutoring/help-requests/help-requests.service';
import { AcceptOfferService } from '@peerlift/api/tutoring/offers/accept-offer.service';
import { PresenceService } from '@peerlift/api/tutoring/presence/presence.service';
// The api's test support has no import alias; this test runs the api in process like the api's own tests.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi, type TestApi } from '../../../api/test/support/test-api';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { postgresViolations } from '../../../api/test/tutoring/claims-invariants';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { SKILL, eventually, person, type Person } from '../../../api/test/tutoring/tutoring-fixtures';
import { createWorker } from '../../src/bootstrap';
import { loadWorkerConfig } from '../../src/config/worker-config';

const PAIRS = 60;

/**
 * A real worker process is SIGKILLed in the middle of a matching tick: after its Lua claims in Redis, before
 * Postgres confirmed them (the test holds a table lock so the tick waits exactly there, then the process and
 * its database session are killed). A new worker must lose no request: every one is offered again once the
 * dead claims' deadlines pass, and each is matched exactly once.
 */
describe('a worker killed mid-tick', () => {
  let api: TestApi;
  let build: string;
  let child: ChildProcess | undefined;
  let worker: INestApplicationContext | undefined;
  const env = (api: TestApi) => ({
    NODE_ENV: 'test',
    DATABASE_URL: api.config.DATABASE_URL,
    REDIS_URL: api.config.REDIS_URL,
    REDIS_PREFIX: api.config.REDIS_PREFIX,
    JWT_SECRET: api.config.JWT_SECRET,
    OFFER_TTL_SECONDS: '3',
    MATCHING_BATCH_MAX: '20',
  });

  beforeAll(async () => {
    api = await startTestApi({ OFFER_TTL_SECONDS: '3', MATCHING_BATCH_MAX: '20' });
    // The worker as it ships: compiled by swc like scripts/build-server.mjs, into a private directory.
    build = join(process.cwd(), '.peerlift', `worker-crash-${randomBytes(4).toString('hex')}`);
    execFileSync('node', ['scripts/build-server.mjs', build], { stdio: 'ignore' });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await worker?.close();
    await api.close();
    rmSync(build, { recursive: true, force: true });
  });

  it('loses no request and matches each exactly once', async () => {
    const tutors: Person[] = [];
    for (let i = 0; i < PAIRS; i++) tutors.push(await person(api, { proficientIn: [SKILL] }));
    for (const t of tutors) await api.app.get(PresenceService).setAvailability(t.id, true);
    const requests: string[] = [];
    for (let i = 0; i < PAIRS; i++)
      requests.push((await api.app.get(HelpRequestsService).request((await person(api)).id, SKILL, null)).id);

    const redis = api.app.get(RedisService).client;
    const base = `${api.config.REDIS_PREFIX}:{tutoring}:`;
    const lock = new pg.Client({ connectionString: api.config.DATABASE_URL });
    lock.on('error', () => undefined); // ended below, or dropped with the test database
    await lock.connect();
    try {
      await lock.query(`BEGIN; LOCK TABLE tutoring_offers IN EXCLUSIVE MODE`);
      child = spawn(process.execPath, [join(build, 'worker/src/main.js')], {
        env: { ...process.env, ...env(api) },
        stdio: 'ignore',
      });
      // Not on the lock's connection: pg_stat_activity is a snapshot per transaction. Reads pass the
      // EXCLUSIVE lock, so a statement waiting on it is a confirmation (its text is shown only up to
      // track_activity_query_size, hence the table name rather than the INSERT).
      const waitingOnLock = async () =>
        (
          await api.sql.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%tutoring_offers%'`,
          )
        ).rows;
      // The tick has claimed in Redis and is blocked on its Postgres confirmation: kill it there.
      await eventually(
        async () => (await waitingOnLock()).length > 0 && (await redis.zcard(`${base}deadlines`)) > 0,
        'the tick to block after claiming',
      );
      const dead = new Promise((r) => child!.once('exit', r));
      child.kill('SIGKILL');
      await dead;
      // A backend blocked on a lock does not notice its client is gone, and with pipelined ticks the dead
      // worker may have had a later tick's confirmation waiting too, or one still on its way in (one that
      // began waiting after the check above once committed 20 offers when the lock was released). So every
      // statement left waiting on the lock is ended, until none has appeared for a while; nothing else in
      // this test writes tutoring_offers meanwhile.
      let quiet = 0;
      while (quiet < 5) {
        const rows = await waitingOnLock();
        for (const { pid } of rows) await api.sql.query(`SELECT pg_terminate_backend($1)`, [pid]);
        quiet = rows.length ? 0 : quiet + 1;
        await new Promise((r) => setTimeout(r, 100));
      }
      await lock.query('ROLLBACK');
    } finally {
      await lock.end();
    }
    const orphanClaims = await redis.zcard(`${base}deadlines`);
    expect(orphanClaims).toBeGreaterThan(0);
    expect((await api.sql.query(`SELECT count(*)::int AS n FROM tutoring_offers`)).rows[0].n).toBe(0);

    worker = await createWorker(loadWorkerConfig(env(api)), { logger: false });
    const accept = api.app.get(AcceptOfferService);
    const matched = new Set<string>();
    await eventually(
      async () => {
        const { rows } = await api.sql.query<{ id: string; tutor_id: string; request_id: string }>(
          `SELECT id, tutor_id, request_id FROM tutoring_offers WHERE state = 'PENDING'`,
        );
        for (const o of rows) {
          await accept.accept(o.tutor_id, o.id).then(
            () => matched.add(o.request_id),
            () => undefined, // lapsed between the read and the accept: it will be offered again
          );
        }
        return matched.size === PAIRS;
      },
      'every request to be matched',
      60_000,
    );
    expect([...matched].sort()).toEqual([...requests].sort());
    expect(await postgresViolations(api)).toEqual([]);
    const { rows } = await api.sql.query(`SELECT count(*)::int AS n FROM tutoring_sessions`);
    expect(rows[0].n).toBe(PAIRS);
  }, 120_000);
});
