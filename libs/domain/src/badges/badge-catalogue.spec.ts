import { BADGE_TIERS, type LearnerBadgeStats, badgeTierRank } from './badge';
import { BADGES, findBadge } from './badge-catalogue';

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

// slug, stats that just earn it, stats that just miss it
const CASES: [string, Partial<LearnerBadgeStats>, Partial<LearnerBadgeStats>][] = [
  ['first-steps', { totalCorrect: 1 }, { totalCorrect: 0 }],
  ['warming-up', { totalCorrect: 50 }, { totalCorrect: 49 }],
  ['steady-practice', { totalCorrect: 500 }, { totalCorrect: 499 }],
  ['problem-crusher', { totalCorrect: 5000 }, { totalCorrect: 4999 }],
  ['big-day', { correctToday: 50 }, { correctToday: 49, totalCorrect: 5000 }],
  ['in-the-zone', { bestStreakInAnySkill: 20 }, { bestStreakInAnySkill: 19 }],
  ['unstoppable', { bestStreakInAnySkill: 50 }, { bestStreakInAnySkill: 49 }],
  ['quick-thinker', { fastCorrectInARow: 10 }, { fastCorrectInARow: 9, bestStreakInAnySkill: 50 }],
  ['proficient-3', { proficientSkills: 3 }, { proficientSkills: 2 }],
  ['proficient-7', { proficientSkills: 7 }, { proficientSkills: 6 }],
  ['proficient-15', { proficientSkills: 15 }, { proficientSkills: 14 }],
  ['proficient-25', { proficientSkills: 25 }, { proficientSkills: 24 }],
  ['proficient-50', { proficientSkills: 50 }, { proficientSkills: 49 }],
  ['mastered-1', { masteredSkills: 1 }, { masteredSkills: 0, proficientSkills: 50 }],
  ['mastered-10', { masteredSkills: 10 }, { masteredSkills: 9 }],
  ['mastered-30', { masteredSkills: 30 }, { masteredSkills: 29 }],
  ['streak-3', { dailyStreak: 3 }, { dailyStreak: 2 }],
  ['streak-7', { dailyStreak: 7 }, { dailyStreak: 6 }],
  ['streak-30', { dailyStreak: 30 }, { dailyStreak: 29 }],
  ['streak-100', { dailyStreak: 100 }, { dailyStreak: 99 }],
  ['streak-365', { dailyStreak: 365 }, { dailyStreak: 364 }],
  [
    'welcome-back',
    { daysSinceLastPractice: 7, correctToday: 1 },
    { daysSinceLastPractice: 6, correctToday: 50 },
  ],
  [
    'strong-return',
    { daysSinceLastPractice: 8, correctToday: 20 },
    { daysSinceLastPractice: 8, correctToday: 19 },
  ],
  [
    'long-road-back',
    { daysSinceLastPractice: 30, correctToday: 20 },
    { daysSinceLastPractice: 29, correctToday: 20 },
  ],
  ['first-session', { tutoringSessionsCompleted: 1 }, { tutoringSessionsCompleted: 0, helpfulRatings: 50 }],
  ['regular-tutor', { tutoringSessionsCompleted: 10 }, { tutoringSessionsCompleted: 9 }],
  ['veteran-tutor', { tutoringSessionsCompleted: 50 }, { tutoringSessionsCompleted: 49 }],
  ['helpful-5', { helpfulRatings: 5 }, { helpfulRatings: 4 }],
  ['helpful-50', { helpfulRatings: 50 }, { helpfulRatings: 49 }],
  [
    'tutor-impact-1',
    { tuteesReachedProficiency: 1 },
    { tuteesReachedProficiency: 0, tutoringSessionsCompleted: 50 },
  ],
  ['tutor-impact-10', { tuteesReachedProficiency: 10 }, { tuteesReachedProficiency: 9 }],
  ['tutor-impact-50', { tuteesReachedProficiency: 50 }, { tuteesReachedProficiency: 49 }],
];

describe('badge catalogue', () => {
  it('holds at least 24 badges', () => {
    expect(BADGES.length).toBeGreaterThanOrEqual(24);
  });

  it('gives every badge a unique, URL-safe slug', () => {
    const slugs = BADGES.map((b) => b.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has an earning and a non-earning case for every badge', () => {
    expect(CASES.map(([slug]) => slug).sort()).toEqual(BADGES.map((b) => b.slug).sort());
  });

  it.each(CASES)('%s is earned by its earning case and not by its near miss', (slug, earning, missing) => {
    const badge = findBadge(slug)!;
    expect(badge.earned(stats(earning))).toBe(true);
    expect(badge.earned(stats(missing))).toBe(false);
    expect(badge.earned(NOTHING)).toBe(false);
  });

  it.each(CASES)('%s reports progress that completes exactly when it is earned', (slug, earning, missing) => {
    const badge = findBadge(slug)!;
    const done = badge.progress(stats(earning));
    const notYet = badge.progress(stats(missing));
    expect(done.current).toBe(done.target);
    expect(notYet.current).toBeLessThan(notYet.target);
  });

  it('clamps progress to the target', () => {
    expect(findBadge('first-steps')!.progress(stats({ totalCorrect: 900 }))).toEqual({
      current: 1,
      target: 1,
    });
  });

  it('orders tiers by rarity, meteorite first and black hole last', () => {
    expect(BADGE_TIERS).toEqual(['METEORITE', 'MOON', 'EARTH', 'SUN', 'BLACK_HOLE']);
    expect(BADGE_TIERS.map(badgeTierRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('never gives a higher target in one series a lower tier', () => {
    const series = new Map<string, (typeof BADGES)[number][]>();
    for (const badge of BADGES) series.set(badge.series, [...(series.get(badge.series) ?? []), badge]);
    for (const members of series.values()) {
      const ranked = members.map((b) => ({
        target: b.progress(NOTHING).target,
        rank: badgeTierRank(b.tier),
      }));
      for (let i = 1; i < ranked.length; i++) {
        expect(ranked[i].target).toBeGreaterThan(ranked[i - 1].target);
        expect(ranked[i].rank).toBeGreaterThanOrEqual(ranked[i - 1].rank);
      }
    }
  });

  it('uses every tier and every category', () => {
    expect(new Set(BADGES.map((b) => b.tier)).size).toBe(BADGE_TIERS.length);
    expect(new Set(BADGES.map((b) => b.category))).toEqual(
      new Set(['PRACTICE', 'MASTERY', 'STREAK', 'TUTORING', 'COMEBACK']),
    );
  });

  it('checks tutoring badges in the worker and every other badge in the answer transaction', () => {
    for (const badge of BADGES)
      expect(badge.check).toBe(badge.category === 'TUTORING' ? 'AGGREGATE' : 'ANSWER');
  });

  it.each([
    ['first day ever', null, false],
    ['practised yesterday', 1, false],
    ['six days away', 6, false],
    ['exactly seven days away', 7, true],
    ['two months away', 60, true],
  ])('welcome-back after %s: %s', (_case, daysSinceLastPractice, expected) => {
    expect(findBadge('welcome-back')!.earned(stats({ daysSinceLastPractice, correctToday: 3 }))).toBe(
      expected,
    );
  });

  it('finds nothing for an unknown slug', () => {
    expect(findBadge('no-such-badge')).toBeUndefined();
  });
});
