// Whole-response sharing for viewer-independent queries (the global top): what may be shared is, what
// depends on the viewer never is, and a shared response still needs a valid token of the same role.
import { CURRICULUM } from '@peerlift/domain';
import { SharedResponseCache, sharedResponseKey } from '../../src/graphql/shared-responses';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';

const ROOT = CURRICULUM.find((s) => s.prerequisites.length === 0)!.slug;
const board = (scope: string, fields: string) =>
  JSON.stringify({
    query: `query($scope: LeaderboardScope!) { leaderboard(scope: $scope, period: ALL_TIME, first: 10) { ${fields} } }`,
    variables: { scope },
  });
const GLOBAL_TOP = board('GLOBAL', 'entries { rank handle points }');
const SENTINEL = JSON.stringify({
  data: { leaderboard: { entries: [{ rank: 1, handle: 'from_cache', points: 1 }] } },
});

describe('shared responses', () => {
  let api: TestApi;
  let cache: SharedResponseCache;
  let learners: LearnerSession[];

  async function post(body: string, token?: string) {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return {
      status: res.status,
      body: (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] },
    };
  }
  const cached = (role: string, body: string) => cache.get(sharedResponseKey(role, body));

  beforeAll(async () => {
    api = await startTestApi();
    cache = api.app.get(SharedResponseCache);
    learners = [
      await LearnerSession.signUp(api, { country: 'IS' }),
      await LearnerSession.signUp(api, { country: 'FJ' }),
    ];
    await learners[0].answer(ROOT, true);
  });
  afterAll(() => api.close());

  it('keeps the global top as one response for every learner', async () => {
    const first = await post(GLOBAL_TOP, learners[0].token);
    expect(first.body.errors).toBeUndefined();
    expect(JSON.parse(cached('LEARNER', GLOBAL_TOP)!)).toEqual(first.body);
  });

  it('answers a hit before running the query, but only with a valid token of the same role', async () => {
    cache.set(sharedResponseKey('LEARNER', GLOBAL_TOP), SENTINEL, 60_000);
    expect((await post(GLOBAL_TOP, learners[1].token)).body).toEqual(JSON.parse(SENTINEL));

    const forged = `${learners[1].token.slice(0, -4)}AAAA`;
    for (const token of [undefined, forged, 'not-a-jwt']) {
      const res = await post(GLOBAL_TOP, token);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
    const coach = await LearnerSession.signUp(api, { role: 'COACH' });
    const asCoach = await post(GLOBAL_TOP, coach.token);
    expect(JSON.stringify(asCoach.body)).not.toContain('from_cache');
    // Another body (here: other whitespace) is another key.
    const other = await post(GLOBAL_TOP.replace('first: 10', 'first:  10'), learners[1].token);
    expect(JSON.stringify(other.body)).not.toContain('from_cache');
  });

  it.each([
    ['my rank', board('GLOBAL', 'entries { handle } me { points }')],
    ['learners around me', board('GLOBAL', 'around { handle }')],
    ['my country’s board', board('COUNTRY', 'entries { handle points }')],
  ])('never shares %s: the same body from two learners gets two answers', async (_, body) => {
    const [a, b] = await Promise.all(learners.map((l) => post(body, l.token)));
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(a.body).not.toEqual(b.body);
    expect(cached('LEARNER', body)).toBeUndefined();
  });

  it('shares nothing that failed, and no query with a root field that did not ask to be shared', async () => {
    const tooMany = board('GLOBAL', 'entries { handle }').replace('first: 10', 'first: 101');
    expect((await post(tooMany, learners[0].token)).body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(cached('LEARNER', tooMany)).toBeUndefined();
    const mixed = JSON.stringify({
      query: `{ leaderboard(scope: GLOBAL, period: ALL_TIME, first: 3) { entries { handle } } me { handle } }`,
    });
    expect((await post(mixed, learners[0].token)).body.errors).toBeUndefined();
    expect(cached('LEARNER', mixed)).toBeUndefined();
  });
});
