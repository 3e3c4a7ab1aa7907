/**
 * What one answer does to a learner's progress row: the daily streak (libs/domain `recordPracticeDay`,
 * freezes spent automatically) and the counters the answer-time badges read. Pure: the service loads the
 * row, calls this and writes the result back against the version it read.
 *
 * Counting rules (docs/gamification.md, "Streaks"):
 * - any answered exercise, right or wrong, makes the day a practice day (practice, not success, is what a
 *   streak rewards);
 * - `correctToday` restarts at 0 on a new local day; `daysAway` is fixed when the day starts — the gap since
 *   the previous practice day, which is what comeback badges read all day long;
 * - `fastCorrectInARow` counts correct answers given within FAST_ANSWER_SECONDS of the exercise being served
 *   (server time, so a client cannot claim speed); a wrong or slow answer resets it.
 */
import {
  FAST_ANSWER_SECONDS,
  localDay,
  localDaysBetween,
  recordPracticeDay,
  currentStreakAsOf,
  type DailyStreak,
  type PracticeDayOutcome,
} from '@peerlift/domain';

/** The learner_progress row as `pg` returns it. */
export interface ProgressRow {
  streak_current: number;
  streak_longest: number;
  last_practice_day: string | null;
  freezes: number;
  freezes_used: number;
  days_away: number | null;
  correct_today: number;
  total_correct: number;
  fast_correct_in_a_row: number;
}

export const EMPTY_PROGRESS: Readonly<ProgressRow> = Object.freeze({
  streak_current: 0,
  streak_longest: 0,
  last_practice_day: null,
  freezes: 0,
  freezes_used: 0,
  days_away: null,
  correct_today: 0,
  total_correct: 0,
  fast_correct_in_a_row: 0,
});

export interface AnswerForProgress {
  correct: boolean;
  /** Milliseconds from serving the exercise to this answer (server clock). */
  elapsedMs: number;
  now: Date;
  timeZone: string;
}

export interface ProgressUpdate {
  row: ProgressRow;
  day: PracticeDayOutcome;
}

export function streakOfRow(row: ProgressRow): DailyStreak {
  return {
    current: row.streak_current,
    longest: row.streak_longest,
    lastPracticeDay: row.last_practice_day,
    freezes: row.freezes,
    freezesUsed: row.freezes_used,
  };
}

/** The row after one answer, and what the day did (freezes spent or earned, milestone reached). */
export function applyAnswerToProgress(before: ProgressRow, answer: AnswerForProgress): ProgressUpdate {
  const day = recordPracticeDay(streakOfRow(before), { now: answer.now, timeZone: answer.timeZone });
  const today = day.streak.lastPracticeDay!;
  const newDay = today !== before.last_practice_day;
  const fast = answer.correct && answer.elapsedMs < FAST_ANSWER_SECONDS * 1000;
  const row: ProgressRow = {
    streak_current: day.streak.current,
    streak_longest: day.streak.longest,
    last_practice_day: today,
    freezes: day.streak.freezes,
    freezes_used: day.streak.freezesUsed,
    days_away: newDay
      ? before.last_practice_day === null
        ? null
        : localDaysBetween(before.last_practice_day, today)
      : before.days_away,
    correct_today: (newDay ? 0 : before.correct_today) + (answer.correct ? 1 : 0),
    total_correct: before.total_correct + (answer.correct ? 1 : 0),
    fast_correct_in_a_row: fast ? before.fast_correct_in_a_row + 1 : 0,
  };
  return { row, day };
}

/** The progress as seen at `now` without practising: a broken streak shows 0, yesterday's counts reset. */
export interface ProgressView {
  streak: DailyStreak;
  practisedToday: boolean;
  correctToday: number;
  /** Days between the previous practice day and today (or the last practice day), null if never. */
  daysSinceLastPractice: number | null;
}

export function progressAsOf(row: ProgressRow, opts: { now: Date; timeZone: string }): ProgressView {
  const streak = currentStreakAsOf(streakOfRow(row), opts);
  const today = localDay(opts.now, opts.timeZone);
  const last = row.last_practice_day;
  const practisedToday = last === today;
  return {
    streak,
    practisedToday,
    correctToday: practisedToday ? row.correct_today : 0,
    daysSinceLastPractice: practisedToday
      ? row.days_away
      : last === null
        ? null
        : localDaysBetween(last, today),
  };
}
