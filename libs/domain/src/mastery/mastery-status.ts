/**
 * Dashboard status (Khan Academy's coach grid: green proficient, blue working, red stuck; FIELD-NOTES).
 *
 * - NOT_STARTED: no answers yet.
 * - PROFICIENT (green): the level is PROFICIENT or MASTERED.
 * - STUCK (red): not proficient, and either
 *     (a) at least 3 of the last 5 answers were wrong (fewer than 5 answers count as they are, so the
 *         first 3 answers all wrong is already stuck), or
 *     (b) at least 15 answers since the last progress (a level up, a new best streak or a step-back;
 *         see apply-attempt.ts).
 *   (a) catches a learner who is failing now; (b) one who keeps answering without getting closer to
 *   N in a row. Our thresholds, chosen so a learner at Khan's FAMILIAR accuracy (≥ 70 %) is rarely red.
 * - WORKING (blue): everything else.
 */
import { type MasteryStatus, isProficientOrBetter } from './mastery-level';
import type { MasteryState } from './mastery-state';

/** Thresholds of the stuck rule. */
export interface StuckRule {
  /** How many of the latest answers rule (a) looks at (answers). */
  window: number;
  /** Wrong answers within that window that make a learner stuck (answers). */
  wrongInWindow: number;
  /** Answers since the last progress that make a learner stuck (answers). */
  attemptsWithoutProgress: number;
}

/** ≥ 3 wrong of the last 5, or ≥ 15 answers without progress. */
export const DEFAULT_STUCK_RULE: StuckRule = Object.freeze({
  window: 5,
  wrongInWindow: 3,
  attemptsWithoutProgress: 15,
});

/**
 * Whether the learner is stuck in this skill (rule in this file's header). Proficient skills are never stuck.
 *
 * @param state the learner's state in the skill.
 * @param rule thresholds; defaults to {@link DEFAULT_STUCK_RULE}.
 */
export function isStuck(state: MasteryState, rule: StuckRule = DEFAULT_STUCK_RULE): boolean {
  if (state.attempts === 0 || isProficientOrBetter(state.level)) return false;
  const wrong = state.recentResults.slice(-rule.window).filter((correct) => !correct).length;
  return wrong >= rule.wrongInWindow || state.attemptsSinceProgress >= rule.attemptsWithoutProgress;
}

/**
 * The dashboard status of a learner in a skill: NOT_STARTED, PROFICIENT (also for MASTERED), STUCK or
 * WORKING, by the rules in this file's header.
 *
 * @param state the learner's state in the skill.
 * @param rule stuck thresholds; defaults to {@link DEFAULT_STUCK_RULE}.
 */
export function masteryStatus(state: MasteryState, rule: StuckRule = DEFAULT_STUCK_RULE): MasteryStatus {
  if (isProficientOrBetter(state.level)) return 'PROFICIENT';
  if (state.level === 'NOT_STARTED' || state.attempts === 0) return 'NOT_STARTED';
  return isStuck(state, rule) ? 'STUCK' : 'WORKING';
}
