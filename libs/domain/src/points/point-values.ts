/**
 * How many points each event pays. Experiments may replace any value (DESIGN §4: "Point values come from
 * experiment parameters"); {@link DEFAULT_POINT_VALUES} is the control arm.
 *
 * The answer values are Khan Academy's old energy points (FIELD-NOTES, "Khan Academy"): 15 per correct answer
 * until proficient, then 19 − streak but never below 5, and a flat 5 after 150 problems in one exercise.
 * The bonus and badge values are ours: a proficiency pays as much again as the ten answers that earned it
 * (10 × 15 = 150), a mastery double that; a tutoring session pays like a proficiency because helping
 * others is the behaviour the network runs on; badges grow with rarity.
 */

/** Badge tiers, most common first (Khan Academy's families). */
export type PointsBadgeTier = 'METEORITE' | 'MOON' | 'EARTH' | 'SUN' | 'BLACK_HOLE';

/** Point amounts (points, whole numbers ≥ 0) and the one count threshold. */
export interface PointValues {
  /** Per correct answer while the skill is below PROFICIENT. */
  correctAnswer: number;
  /** Bonus once when a skill reaches PROFICIENT. */
  proficiency: number;
  /** Bonus once when a skill reaches MASTERED. */
  mastery: number;
  /** Lowest per-answer amount on a PROFICIENT or MASTERED skill. */
  floorAfterProficient: number;
  /** Flat per-answer amount once a learner has answered more than `manyAnswersThreshold` problems in the skill. */
  flatAfterManyAnswers: number;
  /** Answers in one skill after which every further correct answer pays `flatAfterManyAnswers` (answers). */
  manyAnswersThreshold: number;
  /** Paid to the tutor for a completed tutoring session. */
  tutoringSession: number;
  /** Extra for the tutor when the tutee reaches PROFICIENT soon after the session. */
  tutorImpactBonus: number;
  /** Paid at each daily-streak milestone (3, 7, 14, 30, … days). */
  streakMilestone: number;
  /** Paid once per badge, by tier. */
  badge: Record<PointsBadgeTier, number>;
}

/**
 * Control values:
 *
 * | event                               | points |
 * |-------------------------------------|-------:|
 * | correct answer, below PROFICIENT    |     15 |
 * | correct answer, PROFICIENT or better| 19 − streak, ≥ 5 |
 * | correct answer 151+ in a skill     |      5 |
 * | wrong answer                        |      0 |
 * | proficiency bonus                   |    150 |
 * | mastery bonus                       |    300 |
 * | tutoring session (tutor)            |    100 |
 * | tutee proficient soon after         |    100 |
 * | daily-streak milestone              |     50 |
 * | badge: meteorite/moon/earth/sun/black hole | 50/100/250/500/1000 |
 */
export const DEFAULT_POINT_VALUES: PointValues = Object.freeze({
  correctAnswer: 15,
  proficiency: 150,
  mastery: 300,
  floorAfterProficient: 5,
  flatAfterManyAnswers: 5,
  manyAnswersThreshold: 150,
  tutoringSession: 100,
  tutorImpactBonus: 100,
  streakMilestone: 50,
  badge: Object.freeze({ METEORITE: 50, MOON: 100, EARTH: 250, SUN: 500, BLACK_HOLE: 1000 }),
});
