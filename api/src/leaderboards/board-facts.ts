import type { DataSource, EntityManager } from 'typeorm';
import { preparedRows, type PreparedSql } from '../database/sql';
import { retainedWeeks } from './board-keys';
import type { LearnerBoardFacts } from './board-placements';

interface FactsRow {
  user_id: string;
  country: string;
  classroom_ids: string[];
  all_points: number;
  all_reached: Date | null;
  w0_points: number;
  w0_reached: Date | null;
  w1_points: number;
  w1_reached: Date | null;
}

/** Prepared: the api runs it after every paying answer. */
const BOARD_FACTS: PreparedSql = {
  name: 'board-facts',
  text: `SELECT u.id AS user_id, u.country,
     ARRAY(SELECT cm.classroom_id::text FROM classroom_members cm WHERE cm.user_id = u.id ORDER BY 1) AS classroom_ids,
     l.*
   FROM users u
   CROSS JOIN LATERAL (
     SELECT coalesce(sum(amount), 0)::int AS all_points, max(created_at) AS all_reached,
       coalesce(sum(amount) FILTER (WHERE created_at >= $2 AND created_at < $3), 0)::int AS w0_points,
       max(created_at) FILTER (WHERE created_at >= $2 AND created_at < $3) AS w0_reached,
       coalesce(sum(amount) FILTER (WHERE created_at >= $4 AND created_at < $5), 0)::int AS w1_points,
       max(created_at) FILTER (WHERE created_at >= $4 AND created_at < $5) AS w1_reached
     FROM point_ledger pl WHERE pl.user_id = u.id) l
   WHERE u.id = ANY($1::uuid[])`,
};

/**
 * One round trip: each learner's country, classrooms, and ledger sums (all time and the two retained
 * weeks) with the time each total was reached. Learners who no longer exist are simply absent. The
 * (user_id, created_at) INCLUDE (amount) index keeps it index-only.
 */
export async function loadBoardFacts(
  db: DataSource | EntityManager,
  userIds: readonly string[],
  now: Date,
): Promise<LearnerBoardFacts[]> {
  if (userIds.length === 0) return [];
  const [current, previous] = retainedWeeks(now);
  const rows = await preparedRows<FactsRow>(db, BOARD_FACTS, [
    userIds,
    current.start,
    current.end,
    previous.start,
    previous.end,
  ]);
  return rows.map((r) => ({
    userId: r.user_id,
    country: r.country,
    classroomIds: r.classroom_ids,
    allTime: { points: r.all_points, reachedAt: r.all_reached },
    weeks: [
      { weekKey: current.weekKey, points: r.w0_points, reachedAt: r.w0_reached },
      { weekKey: previous.weekKey, points: r.w1_points, reachedAt: r.w1_reached },
    ],
  }));
}
