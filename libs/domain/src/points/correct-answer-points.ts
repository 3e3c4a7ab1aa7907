/**
 * Points for one correct answer, with Khan Academy's diminishing returns after proficiency (FIELD-NOTES,
 * "Khan Academy": "15 per correct answer until proficient, then 19 − longest streak, never below 5; a flat 5
 * after 150 problems in one exercise"). Wrong answers earn 0 and never reach this function.
 *
 * Rules, first match wins (amounts from {@link PointValues}):
 * 1. `answersInSkill > manyAnswersThreshold` (from the 151st answer in the skill on) → `flatAfterManyAnswers`
 *    (5), at any level.
 * 2. below PROFICIENT → `correctAnswer` (15).
 * 3. PROFICIENT or MASTERED → 19 − streak, at least `floorAfterProficient` (5) and at most `correctAnswer`.
 *    The streak is the current streak including this answer, or the longest streak when given (Khan's rule).
 *    The upper bound is ours: without it a proficient learner who misses on purpose resets the streak and
 *    earns 19 − 1 = 18, more than before proficiency. Passing `longestStreak` (MasteryState.bestStreak)
 *    removes the rest of that incentive.
 * Bonuses (proficiency, mastery) are separate ledger entries, not part of this amount.
 */
import { type MasteryLevel, isProficientOrBetter } from '../mastery/mastery-level';
import type { PointValues } from './point-values';

/** Khan Academy's post-proficiency base: a correct answer pays 19 − streak (points). */
export const AFTER_PROFICIENT_BASE = 19;

/** Inputs of {@link pointsForCorrectAnswer}. */
export interface CorrectAnswerPointsInput {
  /** The skill's level before this answer was applied. */
  levelBefore: MasteryLevel;
  /** Correct answers in a row including this one (MasteryState.streak after the answer) (answers). */
  streakAfter: number;
  /** Answers in the skill including this one (MasteryState.attempts after the answer) (answers). */
  answersInSkill: number;
  /** Point values in force for this learner (experiment arm). */
  values: PointValues;
  /** Optional longest streak in the skill (MasteryState.bestStreak after the answer), as Khan used it. */
  longestStreak?: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

/**
 * Points for one correct answer, by the rules in this file's header.
 *
 * @returns points (whole number ≥ 0).
 * @throws RangeError if a count is negative or fractional.
 */
export function pointsForCorrectAnswer(opts: CorrectAnswerPointsInput): number {
  const { levelBefore, streakAfter, answersInSkill, values, longestStreak } = opts;
  assertCount('streakAfter', streakAfter);
  assertCount('answersInSkill', answersInSkill);
  if (longestStreak !== undefined) assertCount('longestStreak', longestStreak);
  if (answersInSkill > values.manyAnswersThreshold) return values.flatAfterManyAnswers;
  if (!isProficientOrBetter(levelBefore)) return values.correctAnswer;
  const streak = Math.max(streakAfter, longestStreak ?? 0);
  const diminished = Math.max(values.floorAfterProficient, AFTER_PROFICIENT_BASE - streak);
  return Math.min(values.correctAnswer, diminished);
}
