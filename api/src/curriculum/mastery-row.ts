import { initialMasteryState, type MasteryState } from '@peerlift/domain';

/** The mastery table's row as `pg` returns it (snake_case, timestamps as Date). */
export interface MasteryRow {
  skill_slug: string;
  attempts: number;
  correct: number;
  streak: number;
  best_streak: number;
  p_known: number;
  level: MasteryState['level'];
  recent_results: string;
  attempts_since_progress: number;
  proficient_at: Date | null;
  review_due_at: Date | null;
}

export const MASTERY_COLUMNS =
  'skill_slug, attempts, correct, streak, best_streak, p_known, level, recent_results, attempts_since_progress, proficient_at, review_due_at';

export function masteryStateFromRow(row: MasteryRow | undefined): MasteryState {
  if (!row) return initialMasteryState();
  return {
    attempts: row.attempts,
    correct: row.correct,
    streak: row.streak,
    bestStreak: row.best_streak,
    pKnown: row.p_known,
    level: row.level,
    recentResults: [...row.recent_results].map((c) => c === '1'),
    attemptsSinceProgress: row.attempts_since_progress,
    proficientAt: row.proficient_at?.toISOString() ?? null,
    reviewDueAt: row.review_due_at?.toISOString() ?? null,
  };
}

/** The mastery row's values after the key, by column name, in MASTERY_COLUMNS order. */
export function masteryRowObject(s: MasteryState): Record<string, unknown> {
  return {
    attempts: s.attempts,
    correct: s.correct,
    streak: s.streak,
    best_streak: s.bestStreak,
    p_known: s.pKnown,
    level: s.level,
    recent_results: s.recentResults.map((r) => (r ? '1' : '0')).join(''),
    attempts_since_progress: s.attemptsSinceProgress,
    proficient_at: s.proficientAt,
    review_due_at: s.reviewDueAt,
  };
}

/** Parameters $3..$12 of an upsert, in MASTERY_COLUMNS order after skill_slug. */
export function masteryRowValues(s: MasteryState): unknown[] {
  return Object.values(masteryRowObject(s));
}
