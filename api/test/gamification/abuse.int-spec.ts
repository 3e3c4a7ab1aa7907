import { randomUUID } from 'node:crypto';
import { CURRICULUM, POINTS_PER_MINUTE_CAP } from '@peerlift/domain';
import { errorCode } from '@peerlift/testing';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import { grantPoints, makeProficient } from './arrange';
import { answerForRewards, SUBMIT_WITH_BADGES } from './gamification-support';

const ROOT = CURRICULUM.find((s) => s.prerequisites.length === 0)!.slug;
/** Skills that unlock once these three are proficient: with them, five skills can be answered at once. */
const PROFICIENT = ['add-within-10', 'subtract-within-10', 'add-within-20'];

/** Nothing a client sends awards points; answer points are capped per learner per minute. */
describe('gamification abuse limits', () => {
  let api: TestApi;
  const answerPointsLastMinute = async (userId: string) =>
    (
      await api.sql.query(
        `SELECT coalesce(sum(amount), 0)::int AS sum FROM point_ledger
         WHERE user_id = $1 AND reason = 'CORRECT_ANSWER' AND created_at > now() - interval '1 minute'`,
        [userId],
      )
    ).rows[0].sum as number;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it(`caps answer points at ${POINTS_PER_MINUTE_CAP} a minute but never clips a badge`, async () => {
    const learner = await LearnerSession.signUp(api);
    await grantPoints(api, learner.userId, POINTS_PER_MINUTE_CAP - 10, {
      key: 'arranged:fast-minute',
      reason: 'CORRECT_ANSWER',
    });
    const clipped = await answerForRewards(learner, ROOT, true);
    expect(clipped.pointsAwarded).toBe(10 + 50); // 10 left of the budget, and First Steps in full
    expect(clipped.badgesEarned.map((b) => b.slug)).toEqual(['first-steps']);
    expect((await answerForRewards(learner, ROOT, true)).pointsAwarded).toBe(0);
    expect(await answerPointsLastMinute(learner.userId)).toBe(POINTS_PER_MINUTE_CAP);
  });

  it('keeps the cap exact when one learner answers five skills at once', async () => {
    const learner = await LearnerSession.signUp(api);
    await makeProficient(api, learner.userId, PROFICIENT);
    const slugs = [...PROFICIENT, 'subtract-within-20', 'add-two-digit'];
    const exercises = await Promise.all(slugs.map(async (s) => learner.nextExercise(s)));
    await grantPoints(api, learner.userId, POINTS_PER_MINUTE_CAP - 12, {
      key: 'arranged:fast-minute',
      reason: 'CORRECT_ANSWER',
    });
    const results = await Promise.all(
      exercises.map(async (ex) =>
        learner.gql(SUBMIT_WITH_BADGES, {
          input: {
            exerciseId: ex.id,
            answer: await learner.expectedAnswer(ex.id),
            idempotencyKey: randomUUID(),
          },
        }),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(await answerPointsLastMinute(learner.userId)).toBe(POINTS_PER_MINUTE_CAP);
  });

  it('refuses any points, badge or score field a client tries to send, and changes nothing', async () => {
    const learner = await LearnerSession.signUp(api);
    const ex = await learner.nextExercise(ROOT);
    const answer = await learner.expectedAnswer(ex.id);
    for (const extra of [{ points: 1000 }, { pointsAwarded: 1000 }, { badges: ['streak-365'] }]) {
      const res = await learner.gql(SUBMIT_WITH_BADGES, {
        input: { exerciseId: ex.id, answer, idempotencyKey: randomUUID(), ...extra },
      });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
    const res = await learner.gql(`mutation { awardBadge(slug: "streak-365") }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    const ledger = await api.sql.query(`SELECT count(*)::int AS n FROM point_ledger WHERE user_id = $1`, [
      learner.userId,
    ]);
    const badges = await api.sql.query(`SELECT count(*)::int AS n FROM user_badges WHERE user_id = $1`, [
      learner.userId,
    ]);
    expect([ledger.rows[0].n, badges.rows[0].n]).toEqual([0, 0]);
  });
});
