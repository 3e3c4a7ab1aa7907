import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { encodeLeaderboardScore, isoWeekEnd, isoWeekKey, isoWeekStart } from '@peerlift/domain';
import { TEST_REDIS_URL } from '../support/test-database';
import type { LearnerSession } from '../support/learner-session';
import type { TestApi } from '../support/test-api';
import { startTestWorker } from '../support/test-worker';

export const MY_BADGES = `{ myBadges { recipientIdentity earned { slug name tier awardedAt assertionUrl } progress { slug name current target } } }`;
export const ME_STREAK = `{ me { id dailyStreak { current longest freezes freezesUsed lastPracticeDay practisedToday } } }`;
export const LEADERBOARD = `query($scope: LeaderboardScope!, $period: LeaderboardPeriod!, $first: Int, $classroomId: ID) {
  leaderboard(scope: $scope, period: $period, first: $first, classroomId: $classroomId) {
    scope period weekKey entries { rank handle points } me { rank points } around { rank handle points }
  }
}`;
export const MY_LEAGUE = `{ myLeague { tier weekKey joined endsAt promotionRank demotionRank standings { rank handle points me } } }`;

/** The worker on the same database and Redis prefix as the api under test. */
export function startWorker(
  api: TestApi,
  env: Record<string, string> = {},
): Promise<INestApplicationContext> {
  return startTestWorker(api, { WEB_ROOT: '', LEADERBOARD_DRAIN_INTERVAL_MS: '50', ...env });
}

export function redisClient(): Redis {
  return new Redis(TEST_REDIS_URL);
}

/**
 * Deletes every key of this test's prefix — the boards, their sentinel, BullMQ's queues and schedules — in
 * one atomic script, as FLUSHALL or a fresh Redis after a failover would (other runs' keys are untouched).
 */
export async function flushPrefix(redis: Redis, prefix: string): Promise<number> {
  const script = `
    local keys = redis.call('KEYS', ARGV[1])
    for i = 1, #keys, 500 do redis.call('UNLINK', unpack(keys, i, math.min(i + 499, #keys))) end
    return #keys`;
  return (await redis.eval(script, 0, `${prefix}:*`)) as number;
}

/** Polls until `check` returns true (or throws after `timeoutMs`): convergence, not speed, is asserted. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Boards = Map<string, Map<string, number>>;

/**
 * Every board as the ledger says it must be, computed here independently of the relay's code: per scope
 * (global, country, classroom) and period (all time, this ISO week), each learner's ledger sum encoded with
 * the time they reached it.
 */
export async function boardsFromLedger(api: TestApi, now = new Date()): Promise<Boards> {
  const prefix = api.config.REDIS_PREFIX;
  const week = { key: isoWeekKey(now), start: isoWeekStart(now), end: isoWeekEnd(now) };
  const { rows } = await api.sql.query<{
    user_id: string;
    country: string;
    classrooms: string[];
    period: string;
    points: number;
    reached: Date;
  }>(
    `SELECT l.user_id, u.country, ARRAY(SELECT classroom_id::text FROM classroom_members WHERE user_id = l.user_id) AS classrooms,
            p.period, sum(l.amount)::int AS points, max(l.created_at) AS reached
     FROM point_ledger l JOIN users u ON u.id = l.user_id
     CROSS JOIN (VALUES ('all'), ('week')) AS p(period)
     WHERE p.period = 'all' OR (l.created_at >= $1 AND l.created_at < $2)
     GROUP BY l.user_id, u.country, p.period`,
    [week.start, week.end],
  );
  const boards: Boards = new Map();
  const put = (key: string, member: string, score: number) => {
    if (!boards.has(key)) boards.set(key, new Map());
    boards.get(key)!.set(member, score);
  };
  for (const r of rows) {
    const period = r.period === 'all' ? 'all' : `wk:${week.key}`;
    const score = encodeLeaderboardScore(r.points, r.reached);
    put(`${prefix}:lb:global:${period}`, r.user_id, score);
    put(`${prefix}:lb:country:${r.country}:${period}`, r.user_id, score);
    for (const c of r.classrooms) put(`${prefix}:lb:class:${c}:${period}`, r.user_id, score);
  }
  return boards;
}

/** The boards Redis holds under this prefix (this week's and all-time ones). */
export async function boardsInRedis(redis: Redis, prefix: string, now = new Date()): Promise<Boards> {
  const boards: Boards = new Map();
  const wanted = new RegExp(
    `^${prefix}:lb:(global|country:[A-Z]{2}|class:[0-9a-f-]{36}):(all|wk:${isoWeekKey(now)})$`,
  );
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:lb:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys.filter((k) => wanted.test(k))) {
      const flat = await redis.zrange(key, 0, -1, 'WITHSCORES');
      const members = new Map<string, number>();
      for (let i = 0; i < flat.length; i += 2) members.set(flat[i], Number(flat[i + 1]));
      if (members.size) boards.set(key, members);
    }
  } while (cursor !== '0');
  return boards;
}

/** Both sides as sorted plain objects, so a Jest diff shows exactly which board or member differs. */
export function comparable(boards: Boards): Record<string, Record<string, number>> {
  return Object.fromEntries(
    [...boards.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, Object.fromEntries([...v.entries()].sort())]),
  );
}

export async function boardsMatchLedger(api: TestApi, redis: Redis): Promise<boolean> {
  const [want, have] = [await boardsFromLedger(api), await boardsInRedis(redis, api.config.REDIS_PREFIX)];
  return JSON.stringify(comparable(want)) === JSON.stringify(comparable(have));
}

export const SUBMIT_WITH_BADGES = `mutation($input: SubmitAnswerInput!) {
  submitAnswer(input: $input) { correct pointsAwarded totalPoints badgesEarned { slug name tier } }
}`;

export interface RewardedAnswer {
  correct: boolean;
  pointsAwarded: number;
  totalPoints: number;
  badgesEarned: { slug: string; name: string; tier: string }[];
}

/** Fetches the next exercise in `slug` and answers it right (or wrong), returning what it earned. */
export async function answerForRewards(
  learner: LearnerSession,
  slug: string,
  correct: boolean,
): Promise<RewardedAnswer> {
  const ex = await learner.nextExercise(slug);
  const expected = await learner.expectedAnswer(ex.id);
  const res = await learner.gql<{ submitAnswer: RewardedAnswer }>(SUBMIT_WITH_BADGES, {
    input: { exerciseId: ex.id, answer: correct ? expected : `${expected}9`, idempotencyKey: randomUUID() },
  });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.submitAnswer;
}
