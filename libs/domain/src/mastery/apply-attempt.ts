/**
 * The mastery ladder: how one answer moves a learner's state in one skill.
 *
 * Levels, lowest first: NOT_STARTED → ATTEMPTED → FAMILIAR → PROFICIENT → MASTERED (Khan Academy's ladder,
 * FIELD-NOTES; DESIGN §4).
 *
 * 1. Every answer updates the counters: attempts, correct, streak (correct in a row; 0 after a wrong
 *    answer), best streak, the last 10 results and the BKT estimate P(known) (Corbett & Anderson 1995).
 * 2. Below PROFICIENT:
 *    - the first answer makes the skill ATTEMPTED;
 *    - FAMILIAR when ≥ 70 % of the recent answers (the last ≤ 10) are correct and there are ≥ 5 of them;
 *    - PROFICIENT as soon as the streak reaches `streakToProficient` (N; default 10, Khan's original
 *      rule; an experiment parameter), whatever the band. `proficientAt` = now and the first review
 *      falls due a day later (`REVIEW_DELAY_MS`).
 * 3. On a PROFICIENT or MASTERED skill, an answer before `reviewDueAt` only updates the counters: a wrong
 *    answer there does not lower the level.
 * 4. An answer at or after `reviewDueAt` is a review (`wasReview`):
 *    - correct: the skill becomes (or stays) MASTERED and the next review falls due when the skill's age
 *      since `proficientAt` has doubled (1, 2, 4, 8 … days);
 *    - wrong: it steps back one level. PROFICIENT → FAMILIAR (streak 0; N in a row are needed again);
 *      MASTERED → PROFICIENT (`proficientAt` = now, next review a day later).
 * 5. A level never drops except through a failed review.
 * 6. Progress for the stuck rule (mastery-status.ts) = a level up, a new best streak, or a step-back
 *    (a fresh start at the lower level); each resets `attemptsSinceProgress` to 0.
 */
import { type BktParams, DEFAULT_BKT_PARAMS, updateKnowledgeEstimate } from './bkt-update';
import {
  type MasteryLevel,
  isProficientOrBetter,
  masteryLevelRank,
  meetsFamiliarBand,
} from './mastery-level';
import { type MasteryState, RECENT_RESULTS_KEPT } from './mastery-state';
import { firstReviewDueAt, isReviewDue, nextReviewDueAt } from './review-schedule';

/** Khan Academy's original proficiency rule: this many correct answers in a row (answers). */
export const DEFAULT_STREAK_TO_PROFICIENT = 10;

/** What one answer did to a skill. */
export interface AttemptOutcome {
  /** The new state (the input state is never mutated). */
  state: MasteryState;
  /** The skill reached PROFICIENT with this answer. */
  becameProficient: boolean;
  /** The skill reached MASTERED with this answer (a passed review of a PROFICIENT skill). */
  becameMastered: boolean;
  /** A failed review lowered the level. */
  steppedBack: boolean;
  /** The answer was a review (PROFICIENT or better, at or after `reviewDueAt`). */
  wasReview: boolean;
}

/** One answer to apply. */
export interface MasteryAttempt {
  correct: boolean;
  /** When the answer was checked. */
  now: Date;
  /** Correct answers in a row for PROFICIENT (N ≥ 1; {@link DEFAULT_STREAK_TO_PROFICIENT} unless an experiment says otherwise). */
  streakToProficient: number;
  /** BKT parameters of the skill; default {@link DEFAULT_BKT_PARAMS}. */
  bkt?: BktParams;
}

const NO_EVENTS = { becameProficient: false, becameMastered: false, steppedBack: false, wasReview: false };

function assertValidAttempt(attempt: MasteryAttempt): void {
  if (Number.isNaN(attempt.now.getTime())) throw new RangeError('Attempt time is an invalid Date');
  const n = attempt.streakToProficient;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`streakToProficient must be an integer ≥ 1, got ${n}`);
}

/** Rule 1: counters, best streak, recent results and P(known). */
function countAnswer(state: MasteryState, correct: boolean, bkt: BktParams): MasteryState {
  const streak = correct ? state.streak + 1 : 0;
  const newBest = streak > state.bestStreak;
  return {
    ...state,
    attempts: state.attempts + 1,
    correct: state.correct + (correct ? 1 : 0),
    streak,
    bestStreak: Math.max(state.bestStreak, streak),
    pKnown: updateKnowledgeEstimate(state.pKnown, correct, bkt),
    recentResults: [...state.recentResults, correct].slice(-RECENT_RESULTS_KEPT),
    attemptsSinceProgress: newBest ? 0 : state.attemptsSinceProgress + 1,
  };
}

/** Rule 2: climbing below PROFICIENT. `counted` already includes the answer. */
function climb(before: MasteryLevel, counted: MasteryState, attempt: MasteryAttempt): AttemptOutcome {
  if (counted.streak >= attempt.streakToProficient) {
    const state: MasteryState = {
      ...counted,
      level: 'PROFICIENT',
      attemptsSinceProgress: 0,
      proficientAt: attempt.now.toISOString(),
      reviewDueAt: firstReviewDueAt(attempt.now),
    };
    return { ...NO_EVENTS, state, becameProficient: true };
  }
  const band: MasteryLevel = meetsFamiliarBand(counted.recentResults) ? 'FAMILIAR' : 'ATTEMPTED';
  if (masteryLevelRank(band) <= masteryLevelRank(before)) return { ...NO_EVENTS, state: counted };
  return { ...NO_EVENTS, state: { ...counted, level: band, attemptsSinceProgress: 0 } };
}

/** Rule 4, correct answer: MASTERED, next review when the skill's age has doubled. */
function passReview(before: MasteryLevel, counted: MasteryState, now: Date): AttemptOutcome {
  // A PROFICIENT state always has proficientAt; fall back to "just now" (a one-day interval) if it is missing.
  const proficientAt = counted.proficientAt ?? now.toISOString();
  const becameMastered = before === 'PROFICIENT';
  const state: MasteryState = {
    ...counted,
    level: 'MASTERED',
    attemptsSinceProgress: becameMastered ? 0 : counted.attemptsSinceProgress,
    proficientAt,
    reviewDueAt: nextReviewDueAt({ now, proficientAt }),
  };
  return { ...NO_EVENTS, state, becameMastered, wasReview: true };
}

/** Rule 4, wrong answer: one level down. */
function failReview(before: MasteryLevel, counted: MasteryState, now: Date): AttemptOutcome {
  const state: MasteryState =
    before === 'MASTERED'
      ? {
          ...counted,
          level: 'PROFICIENT',
          proficientAt: now.toISOString(),
          reviewDueAt: firstReviewDueAt(now),
        }
      : { ...counted, level: 'FAMILIAR', streak: 0, proficientAt: null, reviewDueAt: null };
  return { ...NO_EVENTS, state: { ...state, attemptsSinceProgress: 0 }, steppedBack: true, wasReview: true };
}

/**
 * Applies one answer to a learner's state in a skill, following the rules in this file's header.
 * Pure: the input state is not mutated and time comes from `attempt.now`.
 *
 * @param state the state before the answer.
 * @param attempt the answer, its time, N for proficiency and the skill's BKT parameters.
 * @returns the new state and what happened (proficient, mastered, stepped back, review).
 * @throws RangeError for an invalid Date, N < 1 or invalid BKT parameters.
 */
export function applyAttempt(state: MasteryState, attempt: MasteryAttempt): AttemptOutcome {
  assertValidAttempt(attempt);
  const counted = countAnswer(state, attempt.correct, attempt.bkt ?? DEFAULT_BKT_PARAMS);
  if (!isProficientOrBetter(state.level)) return climb(state.level, counted, attempt);
  if (!isReviewDue(state.reviewDueAt, attempt.now)) return { ...NO_EVENTS, state: counted };
  return attempt.correct
    ? passReview(state.level, counted, attempt.now)
    : failReview(state.level, counted, attempt.now);
}
