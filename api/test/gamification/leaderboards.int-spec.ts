import { CURRICULUM } from '@peerlift/domain';
import { errorCode } from '@peerlift/testing';
import type { Redis } from 'ioredis';
import { LeaderboardRelayService } from '../../src/leaderboards/leaderboard-relay.service';
import { TOP_CACHE_MS } from '../../src/leaderboards/leaderboard.service';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import { grantPoints } from './arrange';
import {
  boardsFromLedger,
  boardsInRedis,
  comparable,
  LEADERBOARD,
  redisClient,
} from './gamification-support';

const ROOT = CURRICULUM.find((s) => s.prerequisites.length === 0)!.slug;

interface Board {
  scope: string;
  period: string;
  weekKey: string | null;
  entries: { rank: number; handle: string; points: number }[];
  me: { rank: number | null; points: number };
  around: { rank: number; handle: string; points: number }[];
}

describe('leaderboards', () => {
  let api: TestApi;
  let redis: Redis;
  let relay: LeaderboardRelayService;
  const board = async (who: LearnerSession, vars: Record<string, unknown>) => {
    const res = await who.gql<{ leaderboard: Board }>(LEADERBOARD, vars);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.leaderboard;
  };
  const grant = (userId: string, amount: number, key: string, at?: string) =>
    grantPoints(api, userId, amount, { key, at });

  beforeAll(async () => {
    api = await startTestApi();
    redis = redisClient();
    relay = api.app.get(LeaderboardRelayService);
  });
  afterAll(async () => {
    redis.disconnect();
    await api.close();
  });

  it('puts a right answer on the boards at once and ranks by points', async () => {
    const [a, b] = [await LearnerSession.signUp(api), await LearnerSession.signUp(api)];
    await a.answer(ROOT, true);
    await a.answer(ROOT, true);
    await b.answer(ROOT, true);
    const top = await board(b, { scope: 'GLOBAL', period: 'ALL_TIME', first: 10 });
    const mine = top.entries.filter((e) => [a.handle, b.handle].includes(e.handle));
    expect(mine).toEqual([
      { rank: expect.any(Number), handle: a.handle, points: 15 + 50 + 15 },
      { rank: expect.any(Number), handle: b.handle, points: 15 + 50 },
    ]);
    expect(top.me).toEqual({ rank: mine[1].rank, points: 65 });
    const week = await board(b, { scope: 'GLOBAL', period: 'WEEK', first: 10 });
    expect(week.weekKey).toMatch(/^\d{4}-W\d{2}$/);
    expect(week.me.points).toBe(65);
  });

  it('writes, straight after each answer, exactly the scores the ledger gives (before any drain)', async () => {
    const learners = [await LearnerSession.signUp(api), await LearnerSession.signUp(api)];
    for (const [i, right] of [true, false, true, true].entries()) await learners[i % 2].answer(ROOT, right);
    const ids = new Set(learners.map((l) => l.userId));
    const only = (boards: Awaited<ReturnType<typeof boardsInRedis>>) =>
      [...boards.entries()]
        .map(([key, members]) => [key, [...members].filter(([m]) => ids.has(m)).sort()] as const)
        .filter(([, members]) => members.length > 0)
        .sort(([a], [b]) => a.localeCompare(b));
    const expected = only(await boardsFromLedger(api));
    expect(expected.length).toBe(4); // global and country, all time and this week
    expect(only(await boardsInRedis(redis, api.config.REDIS_PREFIX))).toEqual(expected);
  });

  it('ranks equal points by who reached them first', async () => {
    const [first, second] = [await LearnerSession.signUp(api), await LearnerSession.signUp(api)];
    await first.answer(ROOT, true);
    await new Promise((r) => setTimeout(r, 1100)); // scores keep whole seconds
    await second.answer(ROOT, true);
    const top = await board(first, { scope: 'GLOBAL', period: 'ALL_TIME', first: 100 });
    const rankOf = (h: string) => top.entries.find((e) => e.handle === h)!.rank;
    expect(rankOf(first.handle)).toBeLessThan(rankOf(second.handle));
    expect(top.entries.find((e) => e.handle === first.handle)!.points).toBe(
      top.entries.find((e) => e.handle === second.handle)!.points,
    );
  });

  it('shows five above and five below me, and my country only on COUNTRY', async () => {
    const people = [];
    for (let i = 0; i < 13; i++) people.push(await LearnerSession.signUp(api, { country: 'IS' }));
    const other = await LearnerSession.signUp(api, { country: 'FJ' });
    for (const [i, p] of people.entries()) await grant(p.userId, 1000 + i * 10, `grant:${i}`);
    await grant(other.userId, 5000, 'grant:fj');
    await relay.drain();
    const me = people[6]; // 1060 points: six Icelanders above, six below
    const country = await board(me, { scope: 'COUNTRY', period: 'ALL_TIME', first: 100 });
    expect(country.entries.map((e) => e.handle)).toEqual([...people].reverse().map((p) => p.handle));
    expect(country.me).toEqual({ rank: 7, points: 1060 });
    expect(country.around.map((e) => e.rank)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(country.around[5]).toEqual({ rank: 7, handle: me.handle, points: 1060 });
    const top = await board(people[12], { scope: 'COUNTRY', period: 'ALL_TIME', first: 3 });
    expect(top.entries).toHaveLength(3);
    expect(top.around.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('counts only this ISO week on WEEK boards', async () => {
    const learner = await LearnerSession.signUp(api, { country: 'TO' });
    await grant(learner.userId, 400, 'grant:old', `now() - interval '8 days'`);
    await grant(learner.userId, 30, 'grant:new');
    await relay.drain();
    expect((await board(learner, { scope: 'COUNTRY', period: 'ALL_TIME' })).me).toEqual({
      rank: 1,
      points: 430,
    });
    const week = await board(learner, { scope: 'COUNTRY', period: 'WEEK' });
    expect(week.me).toEqual({ rank: 1, points: 30 });
    // Old weeks expire: a week board lives until one week after its week ends; all-time boards stay.
    const ttl = await redis.ttl(`${api.config.REDIS_PREFIX}:lb:country:TO:wk:${week.weekKey}`);
    expect(ttl).toBeGreaterThan(7 * 86_400);
    expect(ttl).toBeLessThanOrEqual(14 * 86_400);
    expect(await redis.ttl(`${api.config.REDIS_PREFIX}:lb:country:TO:all`)).toBe(-1);
  });

  it('shows a classroom board to its members and coach only, and follows membership', async () => {
    const coach = await LearnerSession.signUp(api, { role: 'COACH', birthYear: 1980 });
    const [inside, outside] = [await LearnerSession.signUp(api), await LearnerSession.signUp(api)];
    await inside.answer(ROOT, true);
    await outside.answer(ROOT, true);
    const { rows } = await api.sql.query(
      `INSERT INTO classrooms (coach_id, name, join_code) VALUES ($1, 'Room 1', $2) RETURNING id`,
      [coach.userId, `LB${Date.now().toString(36).toUpperCase()}`],
    );
    const classroomId = rows[0].id as string;
    await api.sql.query(`INSERT INTO classroom_members (classroom_id, user_id) VALUES ($1, $2)`, [
      classroomId,
      inside.userId,
    ]);
    await relay.drain(); // the membership trigger wrote an outbox row
    const seen = await board(coach, { scope: 'CLASSROOM', period: 'ALL_TIME', classroomId });
    expect(seen.entries).toEqual([{ rank: 1, handle: inside.handle, points: 65 }]);
    expect(seen.me).toEqual({ rank: null, points: 0 });
    expect((await board(inside, { scope: 'CLASSROOM', period: 'WEEK', classroomId })).me).toEqual({
      rank: 1,
      points: 65,
    });
    expect(
      errorCode(await outside.gql(LEADERBOARD, { scope: 'CLASSROOM', period: 'ALL_TIME', classroomId })),
    ).toBe('NOT_FOUND');

    await api.sql.query(`DELETE FROM classroom_members WHERE classroom_id = $1 AND user_id = $2`, [
      classroomId,
      inside.userId,
    ]);
    await relay.drain();
    expect(
      await redis.zscore(`${api.config.REDIS_PREFIX}:lb:class:${classroomId}:all`, inside.userId),
    ).toBeNull();
    await new Promise((r) => setTimeout(r, TOP_CACHE_MS + 100)); // the top of a board is cached that long
    expect((await board(coach, { scope: 'CLASSROOM', period: 'ALL_TIME', classroomId })).entries).toEqual([]);
  });

  it.each([
    ['first 0', { scope: 'GLOBAL', period: 'ALL_TIME', first: 0 }, 'BAD_USER_INPUT'],
    ['first 101', { scope: 'GLOBAL', period: 'ALL_TIME', first: 101 }, 'BAD_USER_INPUT'],
    ['an unknown scope', { scope: 'GALAXY', period: 'ALL_TIME' }, 'BAD_USER_INPUT'],
    ['CLASSROOM without a classroomId', { scope: 'CLASSROOM', period: 'ALL_TIME' }, 'BAD_USER_INPUT'],
    [
      'a classroomId on GLOBAL',
      { scope: 'GLOBAL', period: 'ALL_TIME', classroomId: '7a1c2a52-8d1e-4b7a-9c55-0e7d2b1f4a90' },
      'BAD_USER_INPUT',
    ],
    [
      'a malformed classroomId',
      { scope: 'CLASSROOM', period: 'ALL_TIME', classroomId: 'room-7' },
      'BAD_USER_INPUT',
    ],
    [
      'an unknown classroom',
      { scope: 'CLASSROOM', period: 'ALL_TIME', classroomId: '7a1c2a52-8d1e-4b7a-9c55-0e7d2b1f4a90' },
      'NOT_FOUND',
    ],
  ])('refuses %s with a clear error', async (_case, vars, code) => {
    const learner = await LearnerSession.signUp(api);
    const res = await learner.gql(LEADERBOARD, vars);
    expect(errorCode(res)).toBe(code);
    expect(res.errors![0].message.length).toBeGreaterThan(10);
  });

  it('needs a token, accepts first = 100 and shows only rank, handle and points', async () => {
    expect(errorCode(await api.gql(LEADERBOARD, { scope: 'GLOBAL', period: 'ALL_TIME' }))).toBe(
      'UNAUTHENTICATED',
    );
    const learner = await LearnerSession.signUp(api);
    expect(
      (await learner.gql(LEADERBOARD, { scope: 'GLOBAL', period: 'ALL_TIME', first: 100 })).errors,
    ).toBeUndefined();
    const res = await learner.gql<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "LeaderboardEntry") { fields { name } } }`,
    );
    expect(res.data!.__type.fields.map((f) => f.name).sort()).toEqual(['handle', 'points', 'rank']);
  });

  it('holds exactly the ledger sums on every board', async () => {
    await relay.drain();
    const [want, have] = [await boardsFromLedger(api), await boardsInRedis(redis, api.config.REDIS_PREFIX)];
    expect(want.size).toBeGreaterThan(5);
    expect(comparable(have)).toEqual(comparable(want));
  });
});
