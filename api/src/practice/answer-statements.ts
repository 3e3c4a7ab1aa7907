import { MASTERY_COLUMNS } from '../curriculum/mastery-row';
import type { PreparedSql } from '../database/sql';
import { pickCandidateCtes, prerequisitesMetSql } from './exercise-statements';

const PROGRESS_COLUMNS = `streak_current, streak_longest, last_practice_day, freezes, freezes_used, days_away,
  correct_today, total_correct, fast_correct_in_a_row`;

/**
 * The two statements of an answer, prepared once per connection, and no transaction round trips: on a
 * small machine each Postgres round trip costs a socket write that outweighs most statements (BEGIN and
 * COMMIT cost as much as the work), so an answer is one plain read, the domain rules in memory, then one
 * write statement — atomic on its own — that applies only if the learner's progress version it read is
 * still current; otherwise it writes nothing and the service reads again (optimistic concurrency). Shared
 * with bench/submit-answer's raw-`pg` ceiling, so both do the same work.
 */

const PROGRESS_COLUMN_LIST = PROGRESS_COLUMNS.split(',').map((c) => c.trim());

/**
 * Reads what the answer needs, taking no lock: the exercise, the skill's mastery row, and for gamification
 * the progress row (daily streak and badge counters; null before the first answer) with its version (-1
 * when there is no row yet), the time zone, the country and the mastery aggregate of the *other* skills,
 * the badges held, the classrooms and whether the learner has a league seat this ISO week.
 * $1 exercise id, $2 user id.
 */
export const READ_FOR_ANSWER: PreparedSql = {
  name: 'read-for-answer',
  text: `
  SELECT e.id, e.skill_slug, e.expected, e.answered_at,
         LEAST(extract(epoch FROM now() - e.created_at) * 1000, 2147483647)::int AS elapsed_ms,
         m.user_id IS NOT NULL AS has_mastery,
         ${MASTERY_COLUMNS.split(', ')
           .filter((c) => c !== 'skill_slug')
           .map((c) => `m.${c}`)
           .join(', ')},
         CASE WHEN p.user_id IS NOT NULL THEN
           json_build_object(${PROGRESS_COLUMN_LIST.map((c) => `'${c}', p.${c}`).join(', ')}) END AS progress,
         coalesce(p.version, -1) AS progress_version,
         u.time_zone, u.country,
         (SELECT json_build_object('best', coalesce(max(o.best_streak), 0),
                                   'proficient', count(*) FILTER (WHERE o.level IN ('PROFICIENT', 'MASTERED')),
                                   'mastered', count(*) FILTER (WHERE o.level = 'MASTERED'))
            FROM mastery o WHERE o.user_id = $2 AND o.skill_slug <> e.skill_slug) AS other_skills,
         ARRAY(SELECT badge_slug FROM user_badges WHERE user_id = $2) AS held_badges,
         ARRAY(SELECT classroom_id FROM classroom_members WHERE user_id = $2) AS classroom_ids,
         EXISTS (SELECT 1 FROM league_members
                 WHERE user_id = $2 AND week_key = to_char(now() AT TIME ZONE 'UTC', 'IYYY-"W"IW')) AS seated_this_week
  FROM exercises e
  JOIN users u ON u.id = e.user_id
  LEFT JOIN mastery m ON m.user_id = e.user_id AND m.skill_slug = e.skill_slug
  LEFT JOIN learner_progress p ON p.user_id = e.user_id
  WHERE e.id = $1 AND e.user_id = $2`,
};

/**
 * Applies the answer if nothing moved since the read, else writes nothing (`applied` false). The guard comes
 * first: the progress row is upserted only if its version is still the one read ($25; -1 = no row yet) —
 * a concurrent answer of the same learner either committed a new version already or holds the row, and
 * Postgres re-checks the condition on the row's latest version after waiting — then the exercise is marked
 * answered only if it still is not, and every other write reads the `answered` CTE, so each runs only once
 * both guards held. Then: the ledger entries (a source key pays once; correct-answer points clipped to the
 * learner's 60-second budget — `capToMinuteBudget`'s clamp, applied here because only this statement sees
 * every earlier answer of the learner as of the version it guards), the learner's total moved by what was
 * inserted, the leaderboard outbox row, the planned badges (UNIQUE: once per learner), mastery, and the
 * attempt with its result (points and badges filled in here). One statement is one transaction: all of it
 * commits or none (a reused idempotency key fails the attempt's UNIQUE and so the whole statement).
 * $1 user, $2–$4 ledger reasons/amounts/source keys, $5 skill, $6–$15 mastery values (masteryRowValues order),
 * $16 exercise, $17 answer, $18 correct, $19 idempotency key, $20 result JSON, $21 elapsed ms,
 * $22 points-per-minute cap, $23 badges JSON [{slug, name, tier, recipient_type, salt, hash}],
 * $24 progress row JSON (the row after the answer), $25 the progress version read.
 * When the client asked for the next exercise ($29 not null), the same statement creates it, as NEXT_EXERCISE
 * would right after (same rule: the first candidate not among the skill's last few prompts, only while the
 * skill is unlocked): one round trip and one commit per question instead of two. The insert reads `answered`,
 * so the answered exercise has left the one-open-exercise-per-skill index first.
 * $26 the skill's prerequisites, $27 how many recent prompts to avoid, $28 unlocking levels, $29 candidates
 * JSON [{seed, prompt, expected}] or null.
 */
export const WRITE_ANSWER: PreparedSql = {
  name: 'write-answer',
  text: `
  WITH progress_row AS (
    INSERT INTO learner_progress AS p (user_id, ${PROGRESS_COLUMNS}, version, updated_at)
    SELECT $1, ${PROGRESS_COLUMN_LIST.map((c) => `r.${c}`).join(', ')}, 1, now()
    FROM jsonb_populate_record(NULL::learner_progress, $24::jsonb) r
    ON CONFLICT (user_id) DO UPDATE SET
      ${PROGRESS_COLUMN_LIST.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
      version = p.version + 1, updated_at = now()
    WHERE p.version = $25::int
    RETURNING 1),
  answered AS (
    UPDATE exercises SET answered_at = now()
    WHERE id = $16 AND user_id = $1 AND answered_at IS NULL AND EXISTS (SELECT 1 FROM progress_row)
    RETURNING id),
  budget AS (
    SELECT GREATEST(0, $22::int - coalesce(sum(amount), 0))::int AS left_this_minute FROM point_ledger
    WHERE user_id = $1 AND reason = 'CORRECT_ANSWER' AND created_at > now() - interval '1 minute'),
  ins AS (
    INSERT INTO point_ledger (user_id, reason, amount, source_key)
    SELECT $1, t.reason, t.amount, t.source_key
    FROM (SELECT t.reason, t.source_key,
                 CASE WHEN t.reason = 'CORRECT_ANSWER' THEN LEAST(t.amount, (SELECT left_this_minute FROM budget))
                      ELSE t.amount END AS amount
          FROM unnest($2::text[], $3::int[], $4::text[]) AS t(reason, amount, source_key)) t
    WHERE t.amount > 0 AND EXISTS (SELECT 1 FROM answered)
    ON CONFLICT (user_id, source_key) DO NOTHING
    RETURNING amount),
  paid AS (SELECT coalesce(sum(amount), 0)::int AS awarded FROM ins),
  -- Only a paying answer moves the total (a wrong answer writes no users row version).
  u AS (
    UPDATE users SET total_points = total_points + (SELECT awarded FROM paid)
    WHERE id = $1 AND (SELECT awarded FROM paid) > 0
    RETURNING total_points),
  total AS (
    SELECT coalesce((SELECT total_points FROM u), (SELECT total_points FROM users WHERE id = $1)) AS points),
  outbox AS (INSERT INTO leaderboard_outbox (user_id) SELECT $1 WHERE EXISTS (SELECT 1 FROM ins) RETURNING 1),
  badge_ins AS (
    INSERT INTO user_badges (user_id, badge_slug, recipient_type, recipient_salt, recipient_hash)
    SELECT $1, b.slug, b.recipient_type, b.salt, b.hash
    FROM jsonb_to_recordset($23::jsonb) AS b(slug text, recipient_type text, salt text, hash text)
    WHERE EXISTS (SELECT 1 FROM answered)
    ON CONFLICT (user_id, badge_slug) DO NOTHING
    RETURNING badge_slug),
  earned AS (
    SELECT coalesce(jsonb_agg(jsonb_build_object('slug', x.b->>'slug', 'name', x.b->>'name', 'tier', x.b->>'tier')
                              ORDER BY x.ord), '[]'::jsonb) AS badges
    FROM jsonb_array_elements($23::jsonb) WITH ORDINALITY AS x(b, ord)
    WHERE x.b->>'slug' IN (SELECT badge_slug FROM badge_ins)),
  mastery_row AS (
    INSERT INTO mastery (user_id, ${MASTERY_COLUMNS}, updated_at)
    SELECT $1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now() WHERE EXISTS (SELECT 1 FROM answered)
    ON CONFLICT (user_id, skill_slug) DO UPDATE SET
      attempts = EXCLUDED.attempts, correct = EXCLUDED.correct, streak = EXCLUDED.streak,
      best_streak = EXCLUDED.best_streak, p_known = EXCLUDED.p_known, level = EXCLUDED.level,
      recent_results = EXCLUDED.recent_results, attempts_since_progress = EXCLUDED.attempts_since_progress,
      proficient_at = EXCLUDED.proficient_at, review_due_at = EXCLUDED.review_due_at, updated_at = now()
    RETURNING 1),
  attempt AS (
    INSERT INTO attempts (user_id, exercise_id, skill_slug, answer, correct, idempotency_key, result, elapsed_ms)
    SELECT $1, $16, $5, $17, $18, $19,
           $20::jsonb || jsonb_build_object('pointsAwarded', (SELECT awarded FROM paid),
                                            'totalPoints', (SELECT points FROM total),
                                            'badgesEarned', (SELECT badges FROM earned)),
           $21
    WHERE EXISTS (SELECT 1 FROM answered)
    RETURNING 1),
  ${pickCandidateCtes('$1', '$5', '$27', '$29')},
  next_created AS (
    INSERT INTO exercises (user_id, skill_slug, seed, prompt, expected)
    SELECT $1, $5, pick.seed, pick.prompt, pick.expected FROM pick
    WHERE EXISTS (SELECT 1 FROM answered)
      AND ${prerequisitesMetSql('$1', '$26', '$28')}
    ON CONFLICT (user_id, skill_slug) WHERE answered_at IS NULL DO NOTHING
    RETURNING id, skill_slug, prompt)
  SELECT EXISTS (SELECT 1 FROM answered) AS applied,
         (SELECT json_build_object('id', id, 'skillSlug', skill_slug, 'prompt', prompt) FROM next_created)
           AS next_exercise,
         (SELECT points FROM total) AS total, (SELECT awarded FROM paid) AS awarded,
         -- This ISO week's points after the answer (the statement cannot see its own inserts: add them),
         -- for the boards' fast path; the all-time figure is the learner's total.
         CASE WHEN (SELECT awarded FROM paid) > 0 THEN
           (SELECT coalesce(sum(amount), 0) FROM point_ledger
             WHERE user_id = $1 AND created_at >= date_trunc('week', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::int
           + (SELECT awarded FROM paid) END AS week_total,
         (SELECT badges FROM earned) AS badges_earned, now() AS paid_at`,
};
