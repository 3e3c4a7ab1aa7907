/**
 * The badge catalogue: every badge Peerlift awards, as declarative rows.
 *
 * Sources and choices:
 * - Tiers copy Khan Academy's families (meteorite → black hole), rarity increasing; the proficient-skill
 *   milestones 3/7/15/25/50 are the start of Khan's 3/7/15/25/50/100/200/500 series. The larger milestones
 *   wait until the knowledge map has that many skills: a badge nobody can earn is noise.
 * - No badge is a threshold on points. Point values are experiment parameters, so a points badge would be
 *   easier in one arm than another and would leak the treatment into badge metrics.
 * - Practice, mastery, streak and comeback badges read only what the submitAnswer transaction already has
 *   (check `ANSWER`); tutoring badges need session and rating aggregates (check `AGGREGATE`, the worker).
 *
 * Slugs are public (Open Badges BadgeClass URLs) and must never change once released.
 */
import {
  type Badge,
  type BadgeTier,
  type LearnerBadgeStats,
  type ThresholdBadgeDefinition,
  thresholdBadge,
} from './badge';

/** One row of a series: slug, name, description, tier, target. */
type SeriesRow = readonly [slug: string, name: string, description: string, tier: BadgeTier, target: number];
type SeriesBase = Omit<ThresholdBadgeDefinition, 'slug' | 'name' | 'description' | 'tier' | 'target'>;

function badgeSeries(base: SeriesBase, rows: readonly SeriesRow[]): Badge[] {
  return rows.map(([slug, name, description, tier, target]) =>
    thresholdBadge({ ...base, slug, name, description, tier, target }),
  );
}

/** A comeback counts only on a day that follows at least `minDaysAway` days without practice. */
function correctTodayAfterAbsence(minDaysAway: number): (stats: LearnerBadgeStats) => number {
  return (stats) =>
    stats.daysSinceLastPractice !== null && stats.daysSinceLastPractice >= minDaysAway
      ? stats.correctToday
      : 0;
}

/** Days away that make a return a comeback (the brief: "returned after ≥ 7 days away"). */
export const COMEBACK_MIN_DAYS_AWAY = 7;
/** Days away for the rarer long comeback. */
export const LONG_COMEBACK_MIN_DAYS_AWAY = 30;

const practice = badgeSeries(
  { category: 'PRACTICE', check: 'ANSWER', series: 'total-correct', measure: (s) => s.totalCorrect },
  [
    ['first-steps', 'First Steps', 'Answer your first exercise correctly.', 'METEORITE', 1],
    ['warming-up', 'Warming Up', 'Answer 50 exercises correctly.', 'METEORITE', 50],
    ['steady-practice', 'Steady Practice', 'Answer 500 exercises correctly.', 'MOON', 500],
    ['problem-crusher', 'Problem Crusher', 'Answer 5,000 exercises correctly.', 'EARTH', 5000],
  ],
);

const bigDay = badgeSeries(
  { category: 'PRACTICE', check: 'ANSWER', series: 'correct-today', measure: (s) => s.correctToday },
  [['big-day', 'Big Day', 'Answer 50 exercises correctly in one day.', 'MOON', 50]],
);

const inARow = badgeSeries(
  {
    category: 'PRACTICE',
    check: 'ANSWER',
    series: 'best-streak-in-skill',
    measure: (s) => s.bestStreakInAnySkill,
  },
  [
    ['in-the-zone', 'In the Zone', 'Answer 20 in a row correctly in one skill.', 'MOON', 20],
    ['unstoppable', 'Unstoppable', 'Answer 50 in a row correctly in one skill.', 'EARTH', 50],
  ],
);

const fast = badgeSeries(
  { category: 'PRACTICE', check: 'ANSWER', series: 'fast-correct', measure: (s) => s.fastCorrectInARow },
  [['quick-thinker', 'Quick Thinker', 'Answer 10 in a row correctly, each in under 15 seconds.', 'MOON', 10]],
);

const proficient = badgeSeries(
  { category: 'MASTERY', check: 'ANSWER', series: 'proficient-skills', measure: (s) => s.proficientSkills },
  [
    ['proficient-3', 'Getting Proficient', 'Become proficient in 3 skills.', 'METEORITE', 3],
    ['proficient-7', 'Skill Builder', 'Become proficient in 7 skills.', 'MOON', 7],
    ['proficient-15', 'Skill Collector', 'Become proficient in 15 skills.', 'EARTH', 15],
    ['proficient-25', 'Math Explorer', 'Become proficient in 25 skills.', 'EARTH', 25],
    ['proficient-50', 'Math Voyager', 'Become proficient in 50 skills.', 'SUN', 50],
  ],
);

const mastered = badgeSeries(
  { category: 'MASTERY', check: 'ANSWER', series: 'mastered-skills', measure: (s) => s.masteredSkills },
  [
    [
      'mastered-1',
      'Made It Stick',
      'Master a skill by passing its mixed review a day or more later.',
      'MOON',
      1,
    ],
    ['mastered-10', 'Deep Roots', 'Master 10 skills.', 'SUN', 10],
    ['mastered-30', 'Black Hole Mind', 'Master 30 skills.', 'BLACK_HOLE', 30],
  ],
);

const streak = badgeSeries(
  { category: 'STREAK', check: 'ANSWER', series: 'daily-streak', measure: (s) => s.dailyStreak },
  [
    ['streak-3', 'Three-Day Streak', 'Practise three days in a row.', 'METEORITE', 3],
    ['streak-7', 'Week Streak', 'Practise seven days in a row.', 'MOON', 7],
    ['streak-30', 'Month Streak', 'Practise thirty days in a row.', 'EARTH', 30],
    ['streak-100', 'Hundred-Day Streak', 'Practise one hundred days in a row.', 'SUN', 100],
    ['streak-365', 'Year Streak', 'Practise every day for a year.', 'BLACK_HOLE', 365],
  ],
);

const comeback = [
  ...badgeSeries(
    {
      category: 'COMEBACK',
      check: 'ANSWER',
      series: 'comeback',
      measure: correctTodayAfterAbsence(COMEBACK_MIN_DAYS_AWAY),
    },
    [
      [
        'welcome-back',
        'Welcome Back',
        'Come back after a week or more away and answer one correctly.',
        'METEORITE',
        1,
      ],
      [
        'strong-return',
        'Strong Return',
        'Come back after a week or more away and answer 20 correctly that day.',
        'MOON',
        20,
      ],
    ],
  ),
  ...badgeSeries(
    {
      category: 'COMEBACK',
      check: 'ANSWER',
      series: 'long-comeback',
      measure: correctTodayAfterAbsence(LONG_COMEBACK_MIN_DAYS_AWAY),
    },
    [
      [
        'long-road-back',
        'Long Road Back',
        'Come back after a month or more away and answer 20 correctly that day.',
        'EARTH',
        20,
      ],
    ],
  ),
];

const sessions = badgeSeries(
  {
    category: 'TUTORING',
    check: 'AGGREGATE',
    series: 'sessions-completed',
    measure: (s) => s.tutoringSessionsCompleted,
  },
  [
    ['first-session', 'First Session', 'Complete your first tutoring session as a tutor.', 'METEORITE', 1],
    ['regular-tutor', 'Regular Tutor', 'Complete 10 tutoring sessions.', 'MOON', 10],
    ['veteran-tutor', 'Veteran Tutor', 'Complete 50 tutoring sessions.', 'EARTH', 50],
  ],
);

const helpful = badgeSeries(
  { category: 'TUTORING', check: 'AGGREGATE', series: 'helpful-ratings', measure: (s) => s.helpfulRatings },
  [
    ['helpful-5', 'Helping Hand', 'Receive 5 "helpful" ratings from learners you tutored.', 'MOON', 5],
    ['helpful-50', 'Trusted Helper', 'Receive 50 "helpful" ratings.', 'SUN', 50],
  ],
);

const impact = badgeSeries(
  {
    category: 'TUTORING',
    check: 'AGGREGATE',
    series: 'tutor-impact',
    measure: (s) => s.tuteesReachedProficiency,
  },
  [
    [
      'tutor-impact-1',
      'Lightbulb Moment',
      'A learner you tutored became proficient soon after your session.',
      'MOON',
      1,
    ],
    [
      'tutor-impact-10',
      'Multiplier',
      '10 learners you tutored became proficient soon after your sessions.',
      'SUN',
      10,
    ],
    [
      'tutor-impact-50',
      'Event Horizon',
      '50 learners you tutored became proficient soon after your sessions.',
      'BLACK_HOLE',
      50,
    ],
  ],
);

/** Every badge, in catalogue order (grouped by series, rarity increasing within a series). */
export const BADGES: readonly Badge[] = [
  ...practice,
  ...bigDay,
  ...inARow,
  ...fast,
  ...proficient,
  ...mastered,
  ...streak,
  ...comeback,
  ...sessions,
  ...helpful,
  ...impact,
];

const bySlug = new Map(BADGES.map((badge) => [badge.slug, badge]));

/** The badge with this slug, or `undefined` for an unknown slug. */
export function findBadge(slug: string): Badge | undefined {
  return bySlug.get(slug);
}
