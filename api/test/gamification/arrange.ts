import type { TestApi } from '../support/test-api';

/**
 * Arranging state the way other features would leave it (tests only): ledger entries with their outbox
 * row, progress rows as if earlier days happened, tutoring sessions as the tutoring feature records them.
 */
export async function grantPoints(
  api: TestApi,
  userId: string,
  amount: number,
  opts: { key: string; reason?: string; at?: string },
): Promise<void> {
  await api.sql.query(
    `WITH l AS (INSERT INTO point_ledger (user_id, reason, amount, source_key, created_at)
                VALUES ($1, $4, $2, $3, ${opts.at ?? 'now()'}) RETURNING amount),
     o AS (INSERT INTO leaderboard_outbox (user_id) VALUES ($1))
     UPDATE users SET total_points = total_points + (SELECT amount FROM l) WHERE id = $1`,
    [userId, amount, opts.key, opts.reason ?? 'TUTORING'],
  );
}

export async function setProgress(
  api: TestApi,
  userId: string,
  row: Record<string, number | string | null>,
): Promise<void> {
  const columns = Object.keys(row);
  await api.sql.query(
    `INSERT INTO learner_progress (user_id, ${columns.join(', ')}) VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})
     ON CONFLICT (user_id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
    [userId, ...Object.values(row)],
  );
}

/** 'YYYY-MM-DD' of the UTC day `daysAgo` days before today. */
export function utcDay(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** Marks skills PROFICIENT for a learner (so the skills that depend on them unlock). */
export async function makeProficient(api: TestApi, userId: string, slugs: string[]): Promise<void> {
  for (const slug of slugs) {
    await api.sql.query(
      `INSERT INTO mastery (user_id, skill_slug, attempts, correct, streak, best_streak, p_known, level, recent_results,
                            attempts_since_progress, proficient_at, review_due_at)
       VALUES ($1, $2, 10, 10, 10, 10, 0.99, 'PROFICIENT', '1111111111', 0, now(), now() + interval '1 day')`,
      [userId, slug],
    );
  }
}

/** A completed tutoring session (tutor helped learner in a skill), optionally rated helpful by the learner. */
export async function completedSession(
  api: TestApi,
  tutorId: string,
  learnerId: string,
  opts: { skillSlug: string; helpful?: boolean },
): Promise<string> {
  const { rows } = await api.sql.query<{ id: string }>(
    `WITH r AS (
       INSERT INTO help_requests (learner_id, skill_slug, state, expires_at, matched_at, closed_at)
       VALUES ($2, $3, 'CLOSED', now() + interval '30 minutes', now(), now()) RETURNING id),
     o AS (
       INSERT INTO tutoring_offers (id, request_id, tutor_id, state, fence, expires_at, responded_at)
       SELECT gen_random_uuid(), id, $1, 'ACCEPTED', 1, now() + interval '15 seconds', now() FROM r RETURNING id, request_id)
     INSERT INTO tutoring_sessions (id, request_id, offer_id, tutor_id, learner_id, skill_slug, state, involves_minor,
                                    started_at, ended_at, completed)
     SELECT gen_random_uuid(), o.request_id, o.id, $1, $2, $3, 'ENDED', true, now() - interval '20 minutes', now(), true FROM o
     RETURNING id`,
    [tutorId, learnerId, opts.skillSlug],
  );
  const sessionId = rows[0].id;
  if (opts.helpful !== undefined) {
    await api.sql.query(
      `INSERT INTO session_ratings (session_id, rater_id, stars, helpful) VALUES ($1, $2, 5, $3)`,
      [sessionId, learnerId, opts.helpful],
    );
  }
  return sessionId;
}
