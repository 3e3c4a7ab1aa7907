import { MASTERY_COLUMNS } from '../curriculum/mastery-row';
import type { PreparedSql } from '../database/sql';

const PROGRESS_COLUMNS = `streak_current, streak_longest, last_practice_day, freezes, freezes_used, days_away,
  correct_today, total_correct, fast_correct_in_a_row`;

/**
 * The two statements of an answer transaction (plus BEGIN/COMMIT), prepared once per connection. Each Postgres round trip costs a
 * socket write that dominated the api's CPU profile, so reads are folded into one statement and writes into
 * one data-modifying CTE. Shared with bench/submit-answer's raw-`pg` ceiling, so both do the same work.
 */

/**
 * Locks the exercise and the learner's progress row, and reads what the answer needs: the skill's mastery
 * row (not locked: a learner has at most one open exercise per skill, so the exercise lock already
 * serialises every write to it), and for gamification the progress row (daily streak and badge counters),
 * the time zone, the country and the mastery aggregate of the *other* skills, the badges held and whether the learner has a
 * league seat this ISO week. The progress upsert locks that row (it is created on the first answer), which
 * serialises one learner's answers across skills. $1 exercise id, $2 user id.
 */
export const READ_FOR_ANSWER: PreparedSql = {
  name: 'read-for-answer',
  text: `
  WITH progress AS (
    INSERT INTO learner_progress (user_id) SELECT id FROM users WHERE id = $2
    ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id
    RETURNING ${PROGRESS_COLUMNS})
  SELECT e.id, e.skill_slug, e.expected, e.answered_at,
         LEAST(extract(epoch FROM now() - e.created_at) * 1000, 2147483647)::int AS elapsed_ms,
         m.user_id IS NOT NULL AS has_mastery,
         ${MASTERY_COLUMNS.split(', ')
           .filter((c) => c !== 'skill_slug')
           .map((c) => `m.${c}`)
           .join(', ')},
         (SELECT row_to_json(progress) FROM progress) AS progress,
         (SELECT time_zone FROM users WHERE id = $2) AS time_zone,
         (SELECT country FROM users WHERE id = $2) AS country,
         (SELECT json_build_object('best', coalesce(max(o.best_streak), 0),
                                   'proficient', count(*) FILTER (WHERE o.level IN ('PROFICIENT', 'MASTERED')),
                                   'mastered', count(*) FILTER (WHERE o.level = 'MASTERED'))
            FROM mastery o WHERE o.user_id = $2 AND o.skill_slug <> e.skill_slug) AS other_skills,
         ARRAY(SELECT badge_slug FROM user_badges WHERE user_id = $2) AS held_badges,
         ARRAY(SELECT classroom_id FROM classroom_members WHERE user_id = $2) AS classroom_ids,
         EXISTS (SELECT 1 FROM league_members
                 WHERE user_id = $2 AND week_key = to_char(now() AT TIME ZONE 'UTC', 'IYYY-"W"IW')) AS seated_this_week
  FROM exercises e
  LEFT JOIN mastery m ON m.user_id = e.user_id AND m.skill_slug = e.skill_slug
  WHERE e.id = $1 AND e.user_id = $2
  FOR UPDATE OF e`,
};

/**
 * Appends the ledger entries (a source key pays once; correct-answer points clipped to the learner's
 * 60-second budget — `capToMinuteBudget`'s clamp, applied here because only this statement, running under
 * the progress row lock, sees every earlier answer of the learner), moves the learner's total by what was
 * inserted, writes the leaderboard outbox row, awards the planned badges (UNIQUE: once per learner),
 * updates the progress row, upserts mastery, stores the attempt with its result (points and badges filled in
 * here) and marks the exercise answered.
 * $1 user, $2–$4 ledger reasons/amounts/source keys, $5 skill, $6–$15 mastery values (masteryRowValues order),
 * $16 exercise, $17 answer, $18 correct, $19 idempotency key, $20 result JSON, $21 elapsed ms,
 * $22 points-per-minute cap, $23 badges JSON [{slug, name, tier, recipient_type, salt, hash}],
 * $24 progress row JSON (null leaves it unchanged).
 */
export const WRITE_ANSWER: PreparedSql = {
  name: 'write-answer',
  text: `
  WITH budget AS (
    SELECT GREATEST(0, $22::int - coalesce(sum(amount), 0))::int AS left_this_minute FROM point_ledger
    WHERE user_id = $1 AND reason = 'CORRECT_ANSWER' AND created_at > now() - interval '1 minute'),
  ins AS (
    INSERT INTO point_ledger (user_id, reason, amount, source_key)
    SELECT $1, t.reason, t.amount, t.source_key
    FROM (SELECT t.reason, t.source_key,
                 CASE WHEN t.reason = 'CORRECT_ANSWER' THEN LEAST(t.amount, (SELECT left_this_minute FROM budget))
                      ELSE t.amount END AS amount
          FROM unnest($2::text[], $3::int[], $4::text[]) AS t(reason, amount, source_key)) t
    WHERE t.amount > 0
    ON CONFLICT (user_id, source_key) DO NOTHING
    RETURNING amount),
  paid AS (SELECT coalesce(sum(amount), 0)::int AS awarded FROM ins),
  u AS (
    UPDATE users SET total_points = total_points + (SELECT awarded FROM paid) WHERE id = $1
    RETURNING total_points),
  outbox AS (INSERT INTO leaderboard_outbox (user_id) SELECT $1 WHERE EXISTS (SELECT 1 FROM ins) RETURNING 1),
  badge_ins AS (
    INSERT INTO user_badges (user_id, badge_slug, recipient_type, recipient_salt, recipient_hash)
    SELECT $1, b.slug, b.recipient_type, b.salt, b.hash
    FROM jsonb_to_recordset($23::jsonb) AS b(slug text, recipient_type text, salt text, hash text)
    ON CONFLICT (user_id, badge_slug) DO NOTHING
    RETURNING badge_slug),
  earned AS (
    SELECT coalesce(jsonb_agg(jsonb_build_object('slug', x.b->>'slug', 'name', x.b->>'name', 'tier', x.b->>'tier')
                              ORDER BY x.ord), '[]'::jsonb) AS badges
    FROM jsonb_array_elements($23::jsonb) WITH ORDINALITY AS x(b, ord)
    WHERE x.b->>'slug' IN (SELECT badge_slug FROM badge_ins)),
  progress_row AS (
    UPDATE learner_progress p SET
      streak_current = r.streak_current, streak_longest = r.streak_longest, last_practice_day = r.last_practice_day,
      freezes = r.freezes, freezes_used = r.freezes_used, days_away = r.days_away, correct_today = r.correct_today,
      total_correct = r.total_correct, fast_correct_in_a_row = r.fast_correct_in_a_row, updated_at = now()
    FROM jsonb_populate_record(NULL::learner_progress, $24::jsonb) r
    WHERE p.user_id = $1 AND $24::jsonb IS NOT NULL
    RETURNING 1),
  mastery_row AS (
    INSERT INTO mastery (user_id, ${MASTERY_COLUMNS}, updated_at)
    VALUES ($1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now())
    ON CONFLICT (user_id, skill_slug) DO UPDATE SET
      attempts = EXCLUDED.attempts, correct = EXCLUDED.correct, streak = EXCLUDED.streak,
      best_streak = EXCLUDED.best_streak, p_known = EXCLUDED.p_known, level = EXCLUDED.level,
      recent_results = EXCLUDED.recent_results, attempts_since_progress = EXCLUDED.attempts_since_progress,
      proficient_at = EXCLUDED.proficient_at, review_due_at = EXCLUDED.review_due_at, updated_at = now()
    RETURNING 1),
  attempt AS (
    INSERT INTO attempts (user_id, exercise_id, skill_slug, answer, correct, idempotency_key, result, elapsed_ms)
    VALUES ($1, $16, $5, $17, $18, $19,
            $20::jsonb || jsonb_build_object('pointsAwarded', (SELECT awarded FROM paid),
                                             'totalPoints', (SELECT total_points FROM u),
                                             'badgesEarned', (SELECT badges FROM earned)),
            $21)
    RETURNING exercise_id),
  answered AS (UPDATE exercises SET answered_at = now() WHERE id = (SELECT exercise_id FROM attempt) RETURNING 1)
  SELECT (SELECT total_points FROM u) AS total, (SELECT awarded FROM paid) AS awarded,
         -- This ISO week's points after the answer (the statement cannot see its own inserts: add them),
         -- for the boards' fast path; the all-time figure is the learner's total.
         CASE WHEN (SELECT awarded FROM paid) > 0 THEN
           (SELECT coalesce(sum(amount), 0) FROM point_ledger
             WHERE user_id = $1 AND created_at >= date_trunc('week', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::int
           + (SELECT awarded FROM paid) END AS week_total,
         (SELECT badges FROM earned) AS badges_earned, now() AS paid_at,
         (SELECT count(*) FROM mastery_row)::int + (SELECT count(*) FROM answered)::int
           + (SELECT count(*) FROM progress_row)::int + (SELECT count(*) FROM outbox)::int AS writes`,
};
