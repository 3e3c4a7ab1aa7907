import { CURRICULUM, localDay } from '@peerlift/domain';
import { errorCode } from '@peerlift/testing';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import { setProgress, utcDay } from './arrange';
import { answerForRewards, ME_STREAK } from './gamification-support';

const ROOT = CURRICULUM.find((s) => s.prerequisites.length === 0)!.slug;

interface Streak {
  current: number;
  longest: number;
  freezes: number;
  freezesUsed: number;
  lastPracticeDay: string | null;
  practisedToday: boolean;
}

describe('daily streaks', () => {
  let api: TestApi;
  const streakOf = async (learner: LearnerSession) =>
    (await learner.gql<{ me: { dailyStreak: Streak } }>(ME_STREAK)).data!.me.dailyStreak;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('starts at 1 with any answer and counts the day in the learner’s own time zone', async () => {
    // UTC+14: for ten hours of every UTC day it is already tomorrow in Kiritimati.
    const learner = await LearnerSession.signUp(api, { timeZone: 'Pacific/Kiritimati' });
    expect(await streakOf(learner)).toEqual({
      current: 0,
      longest: 0,
      freezes: 0,
      freezesUsed: 0,
      lastPracticeDay: null,
      practisedToday: false,
    });
    await answerForRewards(learner, ROOT, false);
    await answerForRewards(learner, ROOT, true);
    expect(await streakOf(learner)).toEqual({
      current: 1,
      longest: 1,
      freezes: 0,
      freezesUsed: 0,
      lastPracticeDay: localDay(new Date(), 'Pacific/Kiritimati'),
      practisedToday: true,
    });
  });

  it('spends a freeze on a missed day automatically and earns one at seven days', async () => {
    const learner = await LearnerSession.signUp(api, { timeZone: 'UTC' });
    await setProgress(api, learner.userId, {
      streak_current: 6,
      streak_longest: 6,
      freezes: 1,
      last_practice_day: utcDay(2),
    });
    expect((await streakOf(learner)).current).toBe(6); // yesterday is covered by the freeze held
    const answer = await answerForRewards(learner, ROOT, true);
    expect(await streakOf(learner)).toMatchObject({
      current: 7,
      longest: 7,
      freezes: 1,
      freezesUsed: 1,
      practisedToday: true,
    });
    expect(answer.badgesEarned.map((b) => b.slug)).toContain('streak-7');
    const milestone = await api.sql.query(
      `SELECT amount FROM point_ledger WHERE user_id = $1 AND source_key = 'streak-milestone:7'`,
      [learner.userId],
    );
    expect(milestone.rows).toEqual([{ amount: 50 }]);
  });

  it('shows a broken streak as 0 and restarts it at 1, keeping the longest', async () => {
    const learner = await LearnerSession.signUp(api, { timeZone: 'UTC' });
    await setProgress(api, learner.userId, {
      streak_current: 12,
      streak_longest: 12,
      freezes: 0,
      last_practice_day: utcDay(3),
    });
    expect(await streakOf(learner)).toMatchObject({ current: 0, longest: 12, practisedToday: false });
    await answerForRewards(learner, ROOT, true);
    expect(await streakOf(learner)).toMatchObject({ current: 1, longest: 12, freezes: 0, freezesUsed: 0 });
  });

  it('pays each streak milestone once per learner, even after the streak is rebuilt', async () => {
    const learner = await LearnerSession.signUp(api, { timeZone: 'UTC' });
    await setProgress(api, learner.userId, {
      streak_current: 2,
      streak_longest: 2,
      last_practice_day: utcDay(1),
    });
    await answerForRewards(learner, ROOT, true);
    await setProgress(api, learner.userId, {
      streak_current: 2,
      streak_longest: 3,
      last_practice_day: utcDay(1),
    });
    await api.sql.query(`UPDATE learner_progress SET correct_today = 0 WHERE user_id = $1`, [learner.userId]);
    await answerForRewards(learner, ROOT, true);
    const paid = await api.sql.query(
      `SELECT count(*)::int AS n FROM point_ledger WHERE user_id = $1 AND reason = 'STREAK'`,
      [learner.userId],
    );
    expect(paid.rows[0].n).toBe(1);
  });

  it('is private: my streak is on `me` only, and needs a token', async () => {
    expect(errorCode(await api.gql(ME_STREAK))).toBe('UNAUTHENTICATED');
  });
});
