import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { CURRICULUM } from '@peerlift/domain';
import { graphqlRequest } from '@peerlift/testing';
import { QUEUE } from '@peerlift/contracts';
import { LearnerSession, SUBMIT_ANSWER } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import { ApiChildProcess } from './api-child-process';
import {
  boardsFromLedger,
  boardsInRedis,
  boardsMatchLedger,
  comparable,
  eventually,
  flushPrefix,
  redisClient,
  startWorker,
} from './gamification-support';

const ROOT = CURRICULUM.find((s) => s.prerequisites.length === 0)!.slug;

/**
 * DESIGN.md invariant 2 under failure: Postgres is the record, Redis a copy. Both failure modes of the
 * issue, on real services: the api process killed between COMMIT and its Redis update, and the run's Redis
 * keys flushed while learners keep answering. After recovery every board equals the ledger.
 */
describe('leaderboards recover from failures', () => {
  let api: TestApi;
  let redis: Redis;
  let worker: INestApplicationContext | undefined;
  const outboxRows = async () =>
    Number((await api.sql.query(`SELECT count(*) FROM leaderboard_outbox`)).rows[0].count);

  beforeAll(async () => {
    api = await startTestApi();
    redis = redisClient();
  });
  afterAll(async () => {
    await worker?.close();
    redis.disconnect();
    await api.close();
  });

  it('relays an answer committed by an api process that was killed before updating Redis', async () => {
    for (let i = 0; i < 3; i++) await (await LearnerSession.signUp(api)).answer(ROOT, true);
    const victim = await LearnerSession.signUp(api);
    const exercise = await victim.nextExercise(ROOT);
    const answer = await victim.expectedAnswer(exercise.id);

    const child = await ApiChildProcess.start({
      NODE_ENV: 'test',
      DATABASE_URL: api.config.DATABASE_URL,
      REDIS_URL: api.config.REDIS_URL,
      REDIS_PREFIX: api.config.REDIS_PREFIX,
      JWT_SECRET: api.config.JWT_SECRET,
      TEST_CRASH_AFTER_COMMIT: '1',
    });
    try {
      const submit = graphqlRequest(`${child.url}/graphql`, {
        query: SUBMIT_ANSWER,
        variables: { input: { exerciseId: exercise.id, answer, idempotencyKey: randomUUID() } },
        token: victim.token,
      });
      await expect(submit).rejects.toThrow(); // the connection dies with the process
      expect((await child.exited).signal).toBe('SIGKILL');
    } finally {
      await child.stop();
    }

    // The answer committed (ledger, total, outbox row) but never reached Redis.
    const ledger = await api.sql.query(
      `SELECT coalesce(sum(amount), 0)::int AS sum FROM point_ledger WHERE user_id = $1`,
      [victim.userId],
    );
    expect(ledger.rows[0].sum).toBe(15 + 50);
    expect(
      (await api.sql.query(`SELECT 1 FROM leaderboard_outbox WHERE user_id = $1`, [victim.userId])).rowCount,
    ).toBe(1);
    expect(await redis.zscore(`${api.config.REDIS_PREFIX}:lb:global:all`, victim.userId)).toBeNull();
    expect(await boardsMatchLedger(api, redis)).toBe(false);

    worker = await startWorker(api);
    await eventually(() => boardsMatchLedger(api, redis), 20_000, 'the boards to equal the ledger');
    await eventually(async () => (await outboxRows()) === 0, 20_000, 'the outbox to drain');
    await worker.close();
    worker = undefined;
    expect(comparable(await boardsInRedis(redis, api.config.REDIS_PREFIX))).toEqual(
      comparable(await boardsFromLedger(api)),
    );
  }, 90_000);

  it('rebuilds every board from the ledger after Redis is flushed under load, counting nothing twice', async () => {
    worker = await startWorker(api);
    const coach = await LearnerSession.signUp(api, { role: 'COACH', birthYear: 1980 });
    const { rows } = await api.sql.query(
      `INSERT INTO classrooms (coach_id, name, join_code) VALUES ($1, 'Flush room', $2) RETURNING id`,
      [coach.userId, `FL${Date.now().toString(36).toUpperCase()}`],
    );
    const learners: LearnerSession[] = [];
    for (let i = 0; i < 8; i++) {
      const learner = await LearnerSession.signUp(api, { country: i % 2 ? 'NZ' : 'CL' });
      if (i < 5)
        await api.sql.query(`INSERT INTO classroom_members (classroom_id, user_id) VALUES ($1, $2)`, [
          rows[0].id,
          learner.userId,
        ]);
      learners.push(learner);
    }
    let answered = 0;
    let flushed = 0;
    const flushOnce = async () => {
      if (flushed === 0 && answered >= 30) flushed = await flushPrefix(redis, api.config.REDIS_PREFIX);
    };
    await Promise.all(
      learners.map(async (learner, i) => {
        for (let n = 0; n < 12; n++) {
          await learner.answer(ROOT, (n + i) % 4 !== 0);
          answered += 1;
          await flushOnce();
        }
      }),
    );
    expect(flushed).toBeGreaterThan(0);
    await eventually(() => boardsMatchLedger(api, redis), 30_000, 'the boards to equal the ledger');
    await eventually(async () => (await outboxRows()) === 0, 20_000, 'the outbox to drain');
    // The flush took BullMQ's job schedules with it; the worker put back every queue's, not only its own
    // (without the tutoring sweep's, matching would stop until a restart).
    const connection = redisClient();
    for (const [name, schedules] of [
      [QUEUE.gamification, 4],
      [QUEUE.tutoringMatching, 2],
      [QUEUE.experiments, 1],
      [QUEUE.maintenance, 1],
    ] as const) {
      const queue = new Queue(name, { connection, prefix: `${api.config.REDIS_PREFIX}:bull` });
      await eventually(
        async () => (await queue.getJobSchedulers()).length >= schedules,
        10_000,
        `${name} schedules`,
      );
      await queue.close();
    }
    connection.disconnect();
    await worker.close();
    worker = undefined;
    const want = await boardsFromLedger(api);
    expect([...want.keys()].some((k) => k.includes(':lb:class:'))).toBe(true);
    expect(comparable(await boardsInRedis(redis, api.config.REDIS_PREFIX))).toEqual(comparable(want));
    // Nothing counted twice: every learner's total is their ledger sum.
    const drift = await api.sql.query(
      `SELECT u.id FROM users u LEFT JOIN point_ledger l ON l.user_id = u.id GROUP BY u.id HAVING u.total_points <> coalesce(sum(l.amount), 0)`,
    );
    expect(drift.rowCount).toBe(0);
  }, 120_000);
});
