import type { EntityManager } from 'typeorm';
import { isoWeekStartOfKey, type LeagueStanding } from '@peerlift/domain';
import { sqlRows } from '../database/sql';

const WEEK_MS = 7 * 86_400_000;

export interface CohortStanding extends LeagueStanding {
  handle: string;
}

/**
 * Every member of a cohort with the points they earned in the cohort's ISO week, straight from the ledger
 * (the record), and when they reached that total; a member whose points were all removed keeps their
 * joining time. Members whose accounts were deleted are gone (cascade).
 */
export async function cohortStandings(
  m: EntityManager,
  cohortKey: string,
  weekKey: string,
): Promise<CohortStanding[]> {
  const start = isoWeekStartOfKey(weekKey);
  const end = new Date(start.getTime() + WEEK_MS);
  const rows = await sqlRows<{ user_id: string; handle: string; points: number; reached: Date }>(
    m,
    `SELECT lm.user_id, u.handle, coalesce(sum(pl.amount), 0)::int AS points, coalesce(max(pl.created_at), lm.joined_at) AS reached
     FROM league_members lm
     JOIN users u ON u.id = lm.user_id
     LEFT JOIN point_ledger pl ON pl.user_id = lm.user_id AND pl.created_at >= $2 AND pl.created_at < $3
     WHERE lm.cohort_key = $1
     GROUP BY lm.user_id, u.handle, lm.joined_at`,
    [cohortKey, start, end],
  );
  return rows.map((r) => ({ userId: r.user_id, handle: r.handle, points: r.points, reachedAt: r.reached }));
}
