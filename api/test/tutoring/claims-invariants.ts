import type { Redis } from 'ioredis';
import type { TestApi } from '../support/test-api';

/**
 * The invariants of DESIGN.md §6.3 and of the Redis/Postgres pairing, checked against the real stores.
 * Each returns a list of violations (empty = holds), so a failing property prints what went wrong.
 */
export async function postgresViolations(api: TestApi): Promise<string[]> {
  const checks: [string, string][] = [
    [
      'a user in two live sessions (in any roles)',
      `SELECT u FROM (SELECT tutor_id AS u FROM tutoring_sessions WHERE state = 'LIVE'
                      UNION ALL SELECT learner_id FROM tutoring_sessions WHERE state = 'LIVE') x
       GROUP BY u HAVING count(*) > 1`,
    ],
    [
      'a request matched twice',
      `SELECT request_id FROM tutoring_sessions GROUP BY request_id HAVING count(*) > 1`,
    ],
    [
      'a request with two accepted offers',
      `SELECT request_id FROM tutoring_offers WHERE state = 'ACCEPTED' GROUP BY request_id HAVING count(*) > 1`,
    ],
    [
      'a session whose offer is not its accepted offer',
      `SELECT s.id FROM tutoring_sessions s JOIN tutoring_offers o ON o.id = s.offer_id
       WHERE o.state <> 'ACCEPTED' OR o.request_id <> s.request_id OR o.tutor_id <> s.tutor_id`,
    ],
    [
      'a matched or closed request without exactly one session, or a session of an unmatched request',
      `SELECT h.id FROM help_requests h LEFT JOIN tutoring_sessions s ON s.request_id = h.id
       WHERE (h.state IN ('MATCHED', 'CLOSED')) <> (s.id IS NOT NULL)`,
    ],
    [
      'a live session whose request is not MATCHED',
      `SELECT s.id FROM tutoring_sessions s JOIN help_requests h ON h.id = s.request_id
       WHERE s.state = 'LIVE' AND h.state <> 'MATCHED'`,
    ],
    [
      'an OFFERED request whose current offer is not pending',
      `SELECT h.id FROM help_requests h LEFT JOIN tutoring_offers o ON o.id = h.current_offer_id
       WHERE h.state = 'OFFERED' AND (o.state IS DISTINCT FROM 'PENDING' OR o.request_id <> h.id)`,
    ],
    [
      'a tutor offered their own request',
      `SELECT o.id FROM tutoring_offers o JOIN help_requests h ON h.id = o.request_id WHERE o.tutor_id = h.learner_id`,
    ],
    [
      'two open requests of one learner',
      `SELECT learner_id FROM help_requests WHERE state IN ('WAITING','OFFERED','MATCHED') GROUP BY learner_id HAVING count(*) > 1`,
    ],
  ];
  const out: string[] = [];
  for (const [what, sql] of checks) {
    const { rows } = await api.sql.query(sql);
    if (rows.length) out.push(`${what}: ${JSON.stringify(rows)}`);
  }
  return out;
}

/** With no offer pending anywhere, Redis must say exactly what Postgres says. */
export async function redisDisagreements(
  api: TestApi,
  redis: Redis,
  opts: { skill: string; tutorIds: readonly string[] },
): Promise<string[]> {
  const base = `${api.config.REDIS_PREFIX}:{tutoring}:`;
  const out: string[] = [];
  const requests = (
    await api.sql.query<{ id: string; state: string; learner_id: string }>(
      `SELECT id, state, learner_id FROM help_requests WHERE skill_slug = $1`,
      [opts.skill],
    )
  ).rows;
  const waiting = new Set(await redis.zrange(`${base}waiting:${opts.skill}`, 0, -1));
  const line = new Set(await redis.zrange(`${base}line:${opts.skill}`, 0, -1));
  for (const r of requests) {
    const state = await redis.hget(`${base}req:${r.id}`, 'state');
    const expected = r.state === 'WAITING' || r.state === 'MATCHED' ? r.state : null;
    if (state !== expected) out.push(`request ${r.id}: Postgres ${r.state}, Redis ${state}`);
    if (waiting.has(r.id) !== (r.state === 'WAITING'))
      out.push(`request ${r.id} (${r.state}) waiting-set membership wrong`);
    if (line.has(r.id) !== (r.state === 'WAITING'))
      out.push(`request ${r.id} (${r.state}) line membership wrong`);
    const mark = await redis.get(`${base}learner:${r.learner_id}`);
    const open = r.state === 'WAITING' || r.state === 'MATCHED';
    if (open && mark !== r.id) out.push(`learner ${r.learner_id} lacks the waiting mark of ${r.id}`);
  }
  const free = new Set(await redis.zrange(`${base}free:${opts.skill}`, 0, -1));
  for (const tutorId of opts.tutorIds) {
    const { rows } = await api.sql.query(
      `SELECT 1 FROM tutoring_sessions WHERE tutor_id = $1 AND state = 'LIVE'`,
      [tutorId],
    );
    const [state, available] = await redis.hmget(`${base}tutor:${tutorId}`, 'state', 'available');
    const expected = rows.length ? 'BUSY' : 'FREE';
    if (state !== null && state !== expected)
      out.push(`tutor ${tutorId}: Postgres ${expected}, Redis ${state}`);
    if (free.has(tutorId) !== (state === 'FREE' && available === '1'))
      out.push(`tutor ${tutorId} (${state}, available ${available}) free-pool membership wrong`);
  }
  return out;
}
