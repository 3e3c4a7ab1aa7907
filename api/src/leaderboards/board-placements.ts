/**
 * Where one learner belongs on the leaderboards and with what score, from facts read out of Postgres:
 * every board's score is recomputed from the ledger, never incremented, so writing it twice (a retried
 * outbox row, the api's fast path and the worker both) counts nothing twice.
 */
import { encodeLeaderboardScore, LEADERBOARD_MAX_POINTS } from '@peerlift/domain';
import { boardKeyParts, type BoardPeriod, type BoardScope } from './board-keys';

/** A learner's ledger sums for all time and per retained week, with when each total was reached. */
export interface LearnerBoardFacts {
  userId: string;
  country: string;
  classroomIds: string[];
  allTime: { points: number; reachedAt: Date | null };
  weeks: { weekKey: string; points: number; reachedAt: Date | null }[];
}

export interface Placement {
  keyParts: string[];
  score: number;
  /** Set for week boards, so the writer can give the key its expiry. */
  weekKey: string | null;
}

/** Scores above LEADERBOARD_MAX_POINTS (≈ 280k correct answers) are held at the maximum rather than failing. */
function score(points: number, reachedAt: Date): number {
  return encodeLeaderboardScore(Math.min(points, LEADERBOARD_MAX_POINTS), reachedAt);
}

export function scopesOf(facts: Pick<LearnerBoardFacts, 'country' | 'classroomIds'>): BoardScope[] {
  return [
    { kind: 'GLOBAL' },
    { kind: 'COUNTRY', country: facts.country },
    ...facts.classroomIds.map((classroomId): BoardScope => ({ kind: 'CLASSROOM', classroomId })),
  ];
}

/** Every board the learner is on: each scope × (all time, each retained week with points > 0). */
export function placementsOf(facts: LearnerBoardFacts): Placement[] {
  const periods: { period: BoardPeriod; points: number; reachedAt: Date | null }[] = [
    { period: { kind: 'ALL_TIME' }, ...facts.allTime },
    ...facts.weeks.map((w) => ({
      period: { kind: 'WEEK' as const, weekKey: w.weekKey },
      points: w.points,
      reachedAt: w.reachedAt,
    })),
  ];
  const out: Placement[] = [];
  for (const scope of scopesOf(facts)) {
    for (const { period, points, reachedAt } of periods) {
      if (points <= 0 || !reachedAt) continue;
      out.push({
        keyParts: boardKeyParts(scope, period),
        score: score(points, reachedAt),
        weekKey: period.kind === 'WEEK' ? period.weekKey : null,
      });
    }
  }
  return out;
}

/** Key parts of every retained board of a scope (for removals). */
export function boardsOfScope(scope: BoardScope, weekKeys: readonly string[]): string[][] {
  return [
    boardKeyParts(scope, { kind: 'ALL_TIME' }),
    ...weekKeys.map((weekKey) => boardKeyParts(scope, { kind: 'WEEK', weekKey })),
  ];
}
