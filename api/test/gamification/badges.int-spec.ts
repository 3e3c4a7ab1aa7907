import type { INestApplicationContext } from '@nestjs/common';
import { CURRICULUM } from '@peerlift/domain';
import { GAMIFICATION_JOB, QUEUE } from '@peerlift/contracts';
import { AggregateBadgesService } from '../../src/gamification/aggregate-badges.service';
import { BullConnection } from '../../src/queues/bullmq-connection';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import { completedSession, setProgress, utcDay } from './arrange';
import { answerForRewards, eventually, MY_BADGES, startWorker } from './gamification-support';

const ROOT = CURRICULUM.find((s) => s.prerequisites.length === 0)!.slug;

interface MyBadges {
  recipientIdentity: string;
  earned: { slug: string; name: string; tier: string; awardedAt: string; assertionUrl: string }[];
  progress: { slug: string; name: string; current: number; target: number }[];
}

describe('badges', () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  const ledger = async (userId: string) =>
    (
      await api.sql.query<{ reason: string; amount: number; source_key: string }>(
        `SELECT reason, amount, source_key FROM point_ledger WHERE user_id = $1 ORDER BY id`,
        [userId],
      )
    ).rows;
  const myBadges = async (learner: LearnerSession) =>
    (await learner.gql<{ myBadges: MyBadges }>(MY_BADGES)).data!.myBadges;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('awards First Steps with the first right answer, once, and pays it in the ledger', async () => {
    const learner = await LearnerSession.signUp(api);
    expect((await answerForRewards(learner, ROOT, false)).badgesEarned).toEqual([]);
    const first = await answerForRewards(learner, ROOT, true);
    expect(first.badgesEarned).toEqual([{ slug: 'first-steps', name: 'First Steps', tier: 'METEORITE' }]);
    expect(first.pointsAwarded).toBe(15 + 50);
    expect((await answerForRewards(learner, ROOT, true)).badgesEarned).toEqual([]);
    expect(await ledger(learner.userId)).toEqual([
      { reason: 'CORRECT_ANSWER', amount: 15, source_key: expect.stringMatching(/^answer:/) },
      { reason: 'BADGE', amount: 50, source_key: 'badge:first-steps' },
      { reason: 'CORRECT_ANSWER', amount: 15, source_key: expect.stringMatching(/^answer:/) },
    ]);
  });

  it('lists what I hold with assertion URLs, and my progress on the rest', async () => {
    const learner = await LearnerSession.signUp(api);
    await answerForRewards(learner, ROOT, true);
    await answerForRewards(learner, ROOT, true);
    const mine = await myBadges(learner);
    expect(mine.earned).toEqual([
      {
        slug: 'first-steps',
        name: 'First Steps',
        tier: 'METEORITE',
        awardedAt: expect.any(String),
        assertionUrl: expect.stringMatching(/\/badges\/assertions\/[0-9a-f-]{36}$/),
      },
    ]);
    expect(mine.progress.find((p) => p.slug === 'first-steps')).toBeUndefined();
    expect(mine.progress.find((p) => p.slug === 'warming-up')).toEqual({
      slug: 'warming-up',
      name: 'Warming Up',
      current: 2,
      target: 50,
    });
    expect(mine.progress.find((p) => p.slug === 'streak-3')).toMatchObject({ current: 1, target: 3 });
    expect(mine.recipientIdentity).toMatch(new RegExp(`/badges/recipients/${learner.userId}$`));
  });

  it('awards streak and comeback badges from the day counted in the answer transaction', async () => {
    const streaker = await LearnerSession.signUp(api, { timeZone: 'UTC' });
    await setProgress(api, streaker.userId, {
      streak_current: 2,
      streak_longest: 2,
      last_practice_day: utcDay(1),
      days_away: 1,
    });
    const third = await answerForRewards(streaker, ROOT, false); // a practice day counts, right or wrong
    expect(third.badgesEarned.map((b) => b.slug)).toEqual(['streak-3']);
    expect(third.pointsAwarded).toBe(50 + 50); // the 3-day streak milestone and the meteorite badge
    expect((await ledger(streaker.userId)).map((l) => l.source_key).sort()).toEqual([
      'badge:streak-3',
      'streak-milestone:3',
    ]);

    const returner = await LearnerSession.signUp(api, { timeZone: 'UTC' });
    await setProgress(api, returner.userId, {
      streak_current: 4,
      streak_longest: 4,
      last_practice_day: utcDay(9),
    });
    expect((await answerForRewards(returner, ROOT, true)).badgesEarned.map((b) => b.slug)).toEqual([
      'first-steps',
      'welcome-back',
    ]);
  });

  it('awards tutoring badges from the worker, once however often the check runs', async () => {
    const [tutor, tutee] = [await LearnerSession.signUp(api), await LearnerSession.signUp(api)];
    await completedSession(api, tutor.userId, tutee.userId, { skillSlug: ROOT, helpful: true });
    const service = api.app.get(AggregateBadgesService);
    const runs = await Promise.all(Array.from({ length: 5 }, () => service.check(tutor.userId)));
    expect(runs.flat()).toEqual(['first-session']);
    expect(await service.check(tutor.userId)).toEqual([]);
    expect((await myBadges(tutor)).earned.map((b) => b.slug)).toEqual(['first-session']);
    expect((await ledger(tutor.userId)).filter((l) => l.reason === 'BADGE')).toEqual([
      { reason: 'BADGE', amount: 50, source_key: 'badge:first-session' },
    ]);
    expect((await myBadges(tutee)).earned).toEqual([]);
  });

  it('runs the aggregate check as a worker job, and the sweep finds recent tutors by itself', async () => {
    const [tutor, tutee, other] = [
      await LearnerSession.signUp(api),
      await LearnerSession.signUp(api),
      await LearnerSession.signUp(api),
    ];
    for (let i = 0; i < 5; i++)
      await completedSession(api, tutor.userId, tutee.userId, { skillSlug: ROOT, helpful: true });
    await completedSession(api, other.userId, tutee.userId, { skillSlug: ROOT });
    worker = await startWorker(api);
    await worker
      .get(BullConnection)
      .queue(QUEUE.gamification)
      .add(
        GAMIFICATION_JOB.checkAggregateBadges,
        { userId: tutor.userId },
        { jobId: `check-${tutor.userId}` },
      );
    const held = async (who: LearnerSession) => (await myBadges(who)).earned.map((b) => b.slug).sort();
    await eventually(async () => (await held(tutor)).length === 2, 15_000, 'the job to award badges');
    expect(await held(tutor)).toEqual(['first-session', 'helpful-5']);
    await worker.get(AggregateBadgesService).sweep(15);
    expect(await held(other)).toEqual(['first-session']);
    await worker.close();
    worker = undefined;
  }, 60_000);

  it('allows one award per learner and badge in the database itself', async () => {
    const learner = await LearnerSession.signUp(api);
    await answerForRewards(learner, ROOT, true);
    const insert = api.sql.query(
      `INSERT INTO user_badges (user_id, badge_slug, recipient_type, recipient_salt, recipient_hash)
       VALUES ($1, 'first-steps', 'url', repeat('a', 32), 'sha256$' || repeat('0', 64))`,
      [learner.userId],
    );
    await expect(insert).rejects.toThrow(/user_badges_user_id_badge_slug_key/);
  });
});
