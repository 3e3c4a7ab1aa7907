/**
 * The shape of a badge and of the learner statistics every badge predicate reads.
 *
 * Tiers follow Khan Academy's badge families (meteorite → moon → earth → sun → black hole), from common to
 * rarest (see /work/shared/FIELD-NOTES.md). A badge is plain data plus two pure functions of a
 * {@link LearnerBadgeStats} snapshot, so the api (answer transaction) and the worker (aggregates) share one
 * catalogue and one rule per badge.
 */

/** Badge tiers from most common to rarest. The index is the rarity rank. */
export const BADGE_TIERS = ['METEORITE', 'MOON', 'EARTH', 'SUN', 'BLACK_HOLE'] as const;
export type BadgeTier = (typeof BADGE_TIERS)[number];

export const BADGE_CATEGORIES = ['PRACTICE', 'MASTERY', 'STREAK', 'TUTORING', 'COMEBACK'] as const;
export type BadgeCategory = (typeof BADGE_CATEGORIES)[number];

/**
 * Where a badge is checked.
 * - `ANSWER`: cheap, from the stats snapshot already loaded inside the submitAnswer transaction.
 * - `AGGREGATE`: needs data outside that transaction (tutoring sessions, ratings); checked by a worker job.
 */
export type BadgeCheck = 'ANSWER' | 'AGGREGATE';

/**
 * Everything the catalogue's predicates read, as plain numbers. Counts are whole numbers ≥ 0.
 * The api builds it inside the answer transaction (after the answer is applied); the worker builds the
 * tutoring part from Postgres. Fields a caller does not load must be given as 0, never guessed.
 */
export interface LearnerBadgeStats {
  /** Correct answers ever, across all skills (count). */
  totalCorrect: number;
  /** Correct answers on the learner's current local calendar day (count). */
  correctToday: number;
  /** Longest run of consecutive correct answers within one skill, ever (count). */
  bestStreakInAnySkill: number;
  /** Current run of consecutive correct answers, each answered in under {@link FAST_ANSWER_SECONDS} s (count). */
  fastCorrectInARow: number;
  /** Skills at PROFICIENT or MASTERED (count). */
  proficientSkills: number;
  /** Skills at MASTERED (count). */
  masteredSkills: number;
  /** Daily practice streak in the learner's own time zone, including today (days). */
  dailyStreak: number;
  /**
   * Whole local calendar days between the learner's previous practice day and today (days): 1 when they
   * also practised yesterday, 7 after a week away, `null` on their very first day. It is fixed for the whole
   * of today — it describes the gap *before* today's practice, not the time since the last answer.
   */
  daysSinceLastPractice: number | null;
  /** Tutoring sessions completed as the tutor (count). */
  tutoringSessionsCompleted: number;
  /** Sessions a tutee rated as helpful (count). */
  helpfulRatings: number;
  /** Distinct tutees who reached PROFICIENT in a skill soon after a session with this tutor (count). */
  tuteesReachedProficiency: number;
}

/** An answer counts as "fast" for {@link LearnerBadgeStats.fastCorrectInARow} under this many seconds. */
export const FAST_ANSWER_SECONDS = 15;

/** Progress towards one badge. `current` is clamped to `target`, both whole numbers. */
export interface BadgeProgressValue {
  current: number;
  target: number;
}

export interface Badge {
  /** Stable, URL-safe id; used in Open Badges URLs, so never renamed once released. */
  slug: string;
  name: string;
  description: string;
  tier: BadgeTier;
  category: BadgeCategory;
  check: BadgeCheck;
  /** Badges measuring the same quantity share a series; within one, a higher target is never a lower tier. */
  series: string;
  progress: (stats: LearnerBadgeStats) => BadgeProgressValue;
  earned: (stats: LearnerBadgeStats) => boolean;
}

/** Rarity rank of a tier: 0 for METEORITE … 4 for BLACK_HOLE. */
export function badgeTierRank(tier: BadgeTier): number {
  return BADGE_TIERS.indexOf(tier);
}

/** The data that defines a threshold badge: earned once `measure(stats) ≥ target`. */
export interface ThresholdBadgeDefinition {
  slug: string;
  name: string;
  description: string;
  tier: BadgeTier;
  category: BadgeCategory;
  check: BadgeCheck;
  series: string;
  target: number;
  /** The quantity compared with `target`; a whole number ≥ 0. */
  measure: (stats: LearnerBadgeStats) => number;
}

/**
 * Turns a threshold definition into a {@link Badge}: `earned` is `measure ≥ target`, and `progress` reports
 * the measure clamped to the target, so a progress bar never overflows.
 */
export function thresholdBadge(definition: ThresholdBadgeDefinition): Badge {
  const { measure, target, ...data } = definition;
  return {
    ...data,
    progress: (stats) => ({ current: Math.min(Math.max(measure(stats), 0), target), target }),
    earned: (stats) => measure(stats) >= target,
  };
}
