import { type BktParams, DEFAULT_BKT_PARAMS, assertValidBktParams } from './bkt-update';
import type { MasteryLevel } from './mastery-level';

/** How many recent answers {@link MasteryState.recentResults} keeps (answers). */
export const RECENT_RESULTS_KEPT = 10;

/**
 * One learner's progress in one skill, as plain JSON-friendly data (timestamps are ISO-8601 strings).
 * Only `applyAttempt` (apply-attempt.ts) moves it forward; the rules are written there.
 */
export interface MasteryState {
  /** Answers given in this skill (count). */
  attempts: number;
  /** Correct answers in this skill (count). */
  correct: number;
  /** Current run of correct answers in a row (count); 0 after a wrong answer. */
  streak: number;
  /**
   * Longest run of correct answers in a row ever reached in this skill (count). A new best counts as
   * progress for the stuck rule, and it is the "longest streak" of Khan's post-proficiency points.
   */
  bestStreak: number;
  /** Bayesian Knowledge Tracing estimate of P(known), in [0, 1]. */
  pKnown: number;
  level: MasteryLevel;
  /** The last answers, newest last, at most {@link RECENT_RESULTS_KEPT} (true = correct). */
  recentResults: boolean[];
  /** Answers since the last progress (a level up, a new best streak, or a step-back) (count). */
  attemptsSinceProgress: number;
  /** When the skill last (re)entered PROFICIENT (ISO timestamp); anchors the review schedule. */
  proficientAt: string | null;
  /** When the next review is due (ISO timestamp); null below PROFICIENT. */
  reviewDueAt: string | null;
}

/**
 * The state of a skill never practised: no answers, `pKnown` = the BKT prior.
 *
 * @param params BKT parameters of the skill; defaults to {@link DEFAULT_BKT_PARAMS}.
 * @throws RangeError if the parameters are invalid.
 */
export function initialMasteryState(params: BktParams = DEFAULT_BKT_PARAMS): MasteryState {
  assertValidBktParams(params);
  return {
    attempts: 0,
    correct: 0,
    streak: 0,
    bestStreak: 0,
    pKnown: params.prior,
    level: 'NOT_STARTED',
    recentResults: [],
    attemptsSinceProgress: 0,
    proficientAt: null,
    reviewDueAt: null,
  };
}
