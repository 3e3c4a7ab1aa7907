/**
 * Mastery levels and the practice bands below proficiency.
 *
 * The ladder follows Khan Academy's mastery levels (FIELD-NOTES, "Khan Academy"): Attempted (< 70 %),
 * Familiar (70–99 %), Proficient, Mastered (only through a later review).
 */

/** Levels in ladder order, lowest first. The index is the level's rank. */
export const MASTERY_LEVELS = ['NOT_STARTED', 'ATTEMPTED', 'FAMILIAR', 'PROFICIENT', 'MASTERED'] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

/**
 * Dashboard status of one learner in one skill. UI colours: green = PROFICIENT (also shown for MASTERED),
 * blue = WORKING, red = STUCK.
 */
export type MasteryStatus = 'NOT_STARTED' | 'WORKING' | 'STUCK' | 'PROFICIENT';

/** Position of a level on the ladder (NOT_STARTED = 0 … MASTERED = 4). */
export function masteryLevelRank(level: MasteryLevel): number {
  return MASTERY_LEVELS.indexOf(level);
}

/** True for PROFICIENT and MASTERED: the levels that unlock dependent skills and make a tutor eligible. */
export function isProficientOrBetter(level: MasteryLevel): boolean {
  return level === 'PROFICIENT' || level === 'MASTERED';
}

/** Thresholds of the FAMILIAR band. */
export interface FamiliarRule {
  /** Fewest recent answers before accuracy is judged at all (answers). */
  minAttempts: number;
  /** Accuracy over the recent answers needed for FAMILIAR (fraction, 0–1). */
  minAccuracy: number;
}

/**
 * FAMILIAR = at least 70 % correct over the recent answers (the last ≤ 10, see `RECENT_RESULTS_KEPT`),
 * judged only once there are at least 5 of them, so two lucky answers do not count. 70 % is Khan
 * Academy's Attempted/Familiar boundary; the minimum of 5 is ours.
 */
export const DEFAULT_FAMILIAR_RULE: FamiliarRule = Object.freeze({ minAttempts: 5, minAccuracy: 0.7 });

/**
 * Whether recent answers reach the FAMILIAR band.
 *
 * @param recentResults recent answers, newest last (true = correct).
 * @param rule thresholds; defaults to {@link DEFAULT_FAMILIAR_RULE}.
 */
export function meetsFamiliarBand(
  recentResults: readonly boolean[],
  rule: FamiliarRule = DEFAULT_FAMILIAR_RULE,
): boolean {
  if (recentResults.length === 0 || recentResults.length < rule.minAttempts) return false;
  const correct = recentResults.filter(Boolean).length;
  return correct / recentResults.length >= rule.minAccuracy;
}
