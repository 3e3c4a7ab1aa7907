import { type LearnerBadgeStats } from './badge';
import { BADGES } from './badge-catalogue';
import { badgeProgress, badgesNewlyEarned } from './badges-newly-earned';

const NOTHING: LearnerBadgeStats = {
  totalCorrect: 0,
  correctToday: 0,
  bestStreakInAnySkill: 0,
  fastCorrectInARow: 0,
  proficientSkills: 0,
  masteredSkills: 0,
  dailyStreak: 0,
  daysSinceLastPractice: null,
  tutoringSessionsCompleted: 0,
  helpfulRatings: 0,
  tuteesReachedProficiency: 0,
};
const stats = (overrides: Partial<LearnerBadgeStats>): LearnerBadgeStats => ({ ...NOTHING, ...overrides });
const slugs = (badges: { slug: string }[]) => badges.map((b) => b.slug);

describe('badgesNewlyEarned', () => {
  it.each<[string, Partial<LearnerBadgeStats>, string[], 'ANSWER' | 'AGGREGATE', string[]]>([
    [
      'a first correct answer',
      { totalCorrect: 1, correctToday: 1, dailyStreak: 1 },
      [],
      'ANSWER',
      ['first-steps'],
    ],
    [
      'the same answer retried after the award',
      { totalCorrect: 1, correctToday: 1 },
      ['first-steps'],
      'ANSWER',
      [],
    ],
    [
      'a return after a week away, with older badges held',
      { totalCorrect: 60, correctToday: 1, daysSinceLastPractice: 9, dailyStreak: 1 },
      ['first-steps', 'warming-up'],
      'ANSWER',
      ['welcome-back'],
    ],
    [
      'several thresholds crossed at once',
      { proficientSkills: 7 },
      [],
      'ANSWER',
      ['proficient-3', 'proficient-7'],
    ],
    ['tutoring stats at answer time', { tutoringSessionsCompleted: 10, helpfulRatings: 5 }, [], 'ANSWER', []],
    [
      'tutoring stats in the worker',
      { tutoringSessionsCompleted: 10, helpfulRatings: 5, totalCorrect: 1 },
      ['first-session'],
      'AGGREGATE',
      ['regular-tutor', 'helpful-5'],
    ],
  ])('%s', (_case, overrides, held, check, expected) => {
    expect(slugs(badgesNewlyEarned(stats(overrides), new Set(held), check))).toEqual(expected);
  });

  it('returns nothing once every badge is held', () => {
    const everything = stats({
      totalCorrect: 1e6,
      correctToday: 1e3,
      bestStreakInAnySkill: 1e3,
      fastCorrectInARow: 1e3,
      proficientSkills: 1e3,
      masteredSkills: 1e3,
      dailyStreak: 1e3,
      daysSinceLastPractice: 100,
      tutoringSessionsCompleted: 1e3,
      helpfulRatings: 1e3,
      tuteesReachedProficiency: 1e3,
    });
    const all = new Set(slugs([...BADGES]));
    expect(
      badgesNewlyEarned(everything, new Set(), 'ANSWER').length +
        badgesNewlyEarned(everything, new Set(), 'AGGREGATE').length,
    ).toBe(BADGES.length);
    expect(badgesNewlyEarned(everything, all, 'ANSWER')).toEqual([]);
    expect(badgesNewlyEarned(everything, all, 'AGGREGATE')).toEqual([]);
  });
});

describe('badgeProgress', () => {
  it('lists every badge once, in catalogue order', () => {
    expect(badgeProgress(NOTHING, new Set()).map((p) => p.slug)).toEqual(slugs([...BADGES]));
  });

  it.each([
    ['not started', 'streak-7', { dailyStreak: 0 }, [], { earned: false, current: 0, target: 7 }],
    ['part way', 'streak-7', { dailyStreak: 4 }, [], { earned: false, current: 4, target: 7 }],
    [
      'met but not yet awarded',
      'regular-tutor',
      { tutoringSessionsCompleted: 12 },
      [],
      { earned: false, current: 10, target: 10 },
    ],
    [
      'awarded, then the streak broke',
      'streak-7',
      { dailyStreak: 1 },
      ['streak-7'],
      { earned: true, current: 7, target: 7 },
    ],
  ])('%s', (_case, slug, overrides, held, expected) => {
    const entry = badgeProgress(stats(overrides), new Set(held)).find((p) => p.slug === slug);
    expect(entry).toEqual({ slug, ...expected });
  });
});
