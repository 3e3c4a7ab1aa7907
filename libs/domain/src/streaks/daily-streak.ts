/**
 * Daily practice streak in the learner's own time zone, with earned freezes (DESIGN §4, "Streaks").
 *
 * Rules:
 * 1. A day counts when the learner practises at least once during that calendar day in their time zone
 *    (`localDay`), so a streak follows the learner's midnight, DST included.
 * 2. Practising on the day after `lastPracticeDay` adds 1; practising again the same day changes nothing.
 * 3. Freezes: one is earned each time the streak reaches a multiple of 7 days (7, 14, 21, …), and at most 2
 *    are held (Duolingo's limit, FIELD-NOTES); none is earned while 2 are held.
 * 4. Missed days are covered by freezes automatically, one freeze per missed day, when the learner next
 *    practises. A frozen day keeps the streak alive but does not add to it. If the missed days outnumber
 *    the freezes held, the streak breaks and restarts at 1 — and no freeze is used: a freeze is spent only
 *    when it saves the streak.
 * 5. A practice day earlier than `lastPracticeDay` (the learner moved west across the date line, or a
 *    clock was wrong) changes nothing.
 * 6. Milestones at 3, 7, 14, 30, 50, 100 and 365 days, then every further 365 days.
 *
 * All functions are pure: time and zone are parameters and the input streak is never mutated.
 */
import { localDaysBetween, localDay } from './local-day';

/** A learner's daily streak, as plain JSON-friendly data. */
export interface DailyStreak {
  /** Consecutive practice days, frozen days not counted (days); 0 when broken or never started. */
  current: number;
  /** Longest `current` ever reached (days). */
  longest: number;
  /** Last day practised, 'YYYY-MM-DD' in the learner's zone at the time; null if never. */
  lastPracticeDay: string | null;
  /** Freezes held, 0–{@link MAX_FREEZES_HELD}. */
  freezes: number;
  /** Freezes spent so far (count). */
  freezesUsed: number;
}

/** Freezes a learner can hold at once. */
export const MAX_FREEZES_HELD = 2;
/** A freeze is earned each time the streak reaches a multiple of this many days. */
export const FREEZE_EARNED_EVERY_DAYS = 7;
/** Streak lengths that are celebrated (and may pay `PointValues.streakMilestone`) (days). */
export const STREAK_MILESTONES: readonly number[] = Object.freeze([3, 7, 14, 30, 50, 100, 365]);
const YEARLY_MILESTONE_DAYS = 365;

/** What {@link recordPracticeDay} did. */
export interface PracticeDayOutcome {
  streak: DailyStreak;
  /** Freezes spent to cover missed days (count). */
  freezesConsumed: number;
  /** A freeze was added to those held. */
  freezeEarned: boolean;
  /** The milestone reached today (days), or null. */
  milestoneReached: number | null;
}

/** A streak never started. */
export function initialDailyStreak(): DailyStreak {
  return { current: 0, longest: 0, lastPracticeDay: null, freezes: 0, freezesUsed: 0 };
}

/** The milestone a streak of `days` reaches, or null (rule 6). */
export function streakMilestone(days: number): number | null {
  const yearly = days > 0 && days % YEARLY_MILESTONE_DAYS === 0;
  return STREAK_MILESTONES.includes(days) || yearly ? days : null;
}

/**
 * Records that the learner practised at `now`, by the rules in this file's header.
 *
 * @param streak the streak before.
 * @param opts.now the instant of practice.
 * @param opts.timeZone the learner's IANA zone.
 * @returns the new streak, freezes spent, whether a freeze was earned and the milestone reached today.
 * @throws RangeError for an unknown zone, an invalid Date or a malformed `lastPracticeDay`.
 */
export function recordPracticeDay(
  streak: DailyStreak,
  opts: { now: Date; timeZone: string },
): PracticeDayOutcome {
  const today = localDay(opts.now, opts.timeZone);
  const unchanged = {
    streak: { ...streak },
    freezesConsumed: 0,
    freezeEarned: false,
    milestoneReached: null,
  };
  const gap = streak.lastPracticeDay === null ? null : localDaysBetween(streak.lastPracticeDay, today);
  if (gap !== null && gap <= 0) return unchanged;

  const missed = gap === null ? 0 : gap - 1;
  const saved = streak.current > 0 && missed <= streak.freezes;
  const freezesConsumed = saved ? missed : 0;
  const current = saved ? streak.current + 1 : 1;
  const freezesLeft = streak.freezes - freezesConsumed;
  const freezeEarned = current % FREEZE_EARNED_EVERY_DAYS === 0 && freezesLeft < MAX_FREEZES_HELD;
  return {
    streak: {
      current,
      longest: Math.max(streak.longest, current),
      lastPracticeDay: today,
      freezes: freezesLeft + (freezeEarned ? 1 : 0),
      freezesUsed: streak.freezesUsed + freezesConsumed,
    },
    freezesConsumed,
    freezeEarned,
    milestoneReached: streakMilestone(current),
  };
}

/**
 * The streak as the learner should see it at `now`: `current` drops to 0 once more days have been missed
 * than the freezes held can cover (today itself is not missed until it is over). Freezes are not deducted
 * here — {@link recordPracticeDay} spends them when the learner next practises — so the result is safe to
 * store and later pass to `recordPracticeDay`.
 *
 * @param streak the stored streak.
 * @param opts.now the instant of viewing.
 * @param opts.timeZone the learner's IANA zone.
 * @returns a new streak object; the input is not mutated.
 * @throws RangeError for an unknown zone, an invalid Date or a malformed `lastPracticeDay`.
 */
export function currentStreakAsOf(streak: DailyStreak, opts: { now: Date; timeZone: string }): DailyStreak {
  if (streak.lastPracticeDay === null) return { ...streak };
  const missed = localDaysBetween(streak.lastPracticeDay, localDay(opts.now, opts.timeZone)) - 1;
  return missed > streak.freezes ? { ...streak, current: 0 } : { ...streak };
}
