import { Redis } from 'ioredis';
import type pg from 'pg';
import { createSeededRng } from '@peerlift/domain';
import {
  correctFeedbackWording,
  definitionHash,
  exposureColumns,
  ExposurePipeline,
  INSERT_EXPOSURES_SQL,
  type Exposure,
} from '@peerlift/experiments';
import { seededUuid } from './seeded-uuid';

/**
 * Exposure pipeline throughput against the real Redis and a migrated Postgres: the same pipeline the
 * api runs (Redis SET NX EX, then batched INSERT … ON CONFLICT DO NOTHING), fed as fast as the
 * tracking callback could call it. Two rounds over the same learners:
 *   first  every exposure is new: one Redis SET each plus its share of a batched INSERT;
 *   repeat every exposure is already logged: Redis answers and Postgres is not touched
 *          (the steady state — each request re-evaluates, so repeats dominate).
 */
export interface ThroughputRound {
  exposures: number;
  seconds: number;
  exposuresPerSecond: number;
  rowsInPostgres: number;
}

export async function measureExposureThroughput(
  sql: pg.Pool,
  options: { redisUrl: string; prefix: string; learners: number },
): Promise<{ first: ThroughputRound; repeat: ThroughputRound }> {
  const rng = createSeededRng(5150);
  const learners = Array.from({ length: options.learners }, () => seededUuid(rng));
  await arrange(sql, learners);
  const redis = new Redis(options.redisUrl);
  const errors: unknown[] = [];
  const pipeline = new ExposurePipeline({
    redis,
    key: (...parts) => [options.prefix, ...parts].join(':'),
    ttlSeconds: 86_400,
    insert: async (rows) => void (await sql.query(INSERT_EXPOSURES_SQL, exposureColumns(rows))),
    onError: (error) => errors.push(error),
  });
  try {
    const first = await round(sql, pipeline, learners);
    const repeat = await round(sql, pipeline, learners);
    if (errors.length > 0) throw new Error(`pipeline errors: ${String(errors[0])}`);
    return { first, repeat };
  } finally {
    pipeline.close();
    await deleteKeys(redis, options.prefix);
    redis.disconnect();
  }
}

async function round(sql: pg.Pool, pipeline: ExposurePipeline, learners: string[]): Promise<ThroughputRound> {
  const start = process.hrtime.bigint();
  for (const userId of learners) pipeline.record(exposure(userId));
  await pipeline.flush();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM experiment_exposures`);
  return {
    exposures: learners.length,
    seconds: Math.round(seconds * 1000) / 1000,
    exposuresPerSecond: Math.round(learners.length / seconds),
    rowsInPostgres: rows[0].n,
  };
}

const exposure = (userId: string): Exposure => ({
  experimentKey: correctFeedbackWording.key,
  phase: 1,
  userId,
  variationKey: 'growth-mindset',
  hashValue: userId,
  seenAt: new Date(),
});

async function arrange(sql: pg.Pool, learners: string[]): Promise<void> {
  await sql.query(
    `INSERT INTO users (id, handle, password_hash, role, birth_year, country, languages, time_zone)
     SELECT id, 'b_' || substr(replace(id::text, '-', ''), 1, 20), 'x', 'LEARNER', 2008, 'NZ', '{en}', 'UTC'
     FROM unnest($1::uuid[]) AS id`,
    [learners],
  );
  await sql.query(
    `INSERT INTO experiments (key, status, phase, started_at) VALUES ($1, 'running', 1, now())`,
    [correctFeedbackWording.key],
  );
  await sql.query(
    `INSERT INTO experiment_phases (experiment_key, phase, definition, definition_hash, started_at)
     VALUES ($1, 1, $2, $3, now())`,
    [
      correctFeedbackWording.key,
      JSON.stringify(correctFeedbackWording),
      definitionHash(correctFeedbackWording),
    ],
  );
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}
