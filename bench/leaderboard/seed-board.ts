import type pg from 'pg';
import type { Redis } from 'ioredis';
import { encodeLeaderboardScore } from '@peerlift/domain';

const COUNTRIES = ['NZ', 'AU', 'US', 'GB', 'IN', 'BR', 'ES', 'JP', 'KE', 'DE'];
const BATCH = 20_000;

/**
 * `learners` real user rows (so the api resolves every handle on a board) with spread-out totals, and the
 * global all-time board loaded straight into Redis with pipelined ZADDs — the ZSET the relay would have
 * built, without replaying a million answers through the ledger. Returns seconds taken for each part.
 */
export async function seedBoard(sql: pg.Pool, redis: Redis, key: string, learners: number) {
  const t0 = performance.now();
  // Deterministic pseudo-random totals in 0…49,999 (Knuth's multiplicative hash), handles lb_1 … lb_N.
  await sql.query(
    `INSERT INTO users (handle, password_hash, role, birth_year, country, languages, time_zone, total_points)
     SELECT 'lb_' || i, 'bench-no-login', 'LEARNER', 2010, ($2::text[])[1 + i % $3], '{en}', 'UTC',
            ((i::bigint * 2654435761) % 50000)::int
     FROM generate_series(1, $1::int) AS i`,
    [learners, COUNTRIES, COUNTRIES.length],
  );
  await sql.query('ANALYZE users');
  const usersSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  const epoch = Date.UTC(2026, 10, 1);
  let after = '00000000-0000-0000-0000-000000000000';
  for (let loaded = 0; ;) {
    const { rows } = await sql.query<{ id: string; total_points: number }>(
      `SELECT id, total_points FROM users WHERE id > $1 AND role = 'LEARNER' ORDER BY id LIMIT $2`,
      [after, BATCH],
    );
    if (rows.length === 0) break;
    const pipe = redis.pipeline();
    for (const [i, r] of rows.entries()) {
      // Distinct reach times, so equal totals still rank by who got there first.
      pipe.zadd(
        key,
        encodeLeaderboardScore(r.total_points, new Date(epoch + ((loaded + i) % 2_000_000) * 1000)),
        r.id,
      );
    }
    await pipe.exec();
    loaded += rows.length;
    after = rows[rows.length - 1].id;
  }
  return { usersSeconds, zaddSeconds: (performance.now() - t1) / 1000 };
}
