import { MASTERY_COLUMNS } from '../curriculum/mastery-row';
import type { PreparedSql } from '../database/sql';
import { freshCandidateJoinsSql, prerequisitesMetSql } from './exercise-statements';

/**
 * The two statements of answering, prepared once per connection, each taking a *batch* of answers
 * (AnswerStatements groups concurrent answers; a lone answer is a batch of one). No transaction round
 * trips: an answer is one plain read, the domain rules in memory, then one write statement — atomic on its
 * own, for every answer of its batch — that applies an answer only if the learner's progress version it read
 * is still current; otherwise it writes nothing for that answer and the service reads again (optimistic
 * concurrency). A batch never holds two answers of one learner. Shared with bench/submit-answer's raw-`pg`
 * ceiling, so both do the same work.
 */

const PROGRESS_COLUMNS = [
  'streak_current',
  'streak_longest',
  'last_practice_day',
  'freezes',
  'freezes_used',
  'days_away',
  'correct_today',
  'total_correct',
  'fast_correct_in_a_row',
];
/** Mastery columns after the key (the write takes them from a JSON object with these names). */
const MASTERY_VALUE_COLUMNS = MASTERY_COLUMNS.split(', ').filter((c) => c !== 'skill_slug');

/**
 * Reads what each answer needs, taking no lock: the exercise, the skill's mastery row, and for gamification
 * the progress row (daily streak and badge counters; null before the first answer) with its version (-1
 * when there is no row yet), the time zone, the country and the mastery aggregate of the *other* skills,
 * the badges held, the classrooms and whether the learner has a league seat this ISO week.
 * $1 exercise ids, $2 their user ids (uuid[] each, same order); one row per answer found, with its `ord`
 * (1-based position in the arrays). An exercise that is not the user's has no row.
 */
export const READ_ANSWERS: PreparedSql = {
  name: 'read-answers',
  text: `
  SELECT q.ord::int AS ord, e.id, e.skill_slug, e.expected, e.answered_at,
         LEAST(extract(epoch FROM now() - e.created_at) * 1000, 2147483647)::int AS elapsed_ms,
         m.user_id IS NOT NULL AS has_mastery,
         ${MASTERY_VALUE_COLUMNS.map((c) => `m.${c}`).join(', ')},
         CASE WHEN p.user_id IS NOT NULL THEN
           json_build_object(${PROGRESS_COLUMNS.map((c) => `'${c}', p.${c}`).join(', ')}) END AS progress,
         coalesce(p.version, -1) AS progress_version,
         u.time_zone, u.country,
         (SELECT json_build_object('best', coalesce(max(o.best_streak), 0),
                                   'proficient', count(*) FILTER (WHERE o.level IN ('PROFICIENT', 'MASTERED')),
                                   'mastered', count(*) FILTER (WHERE o.level = 'MASTERED'))
            FROM mastery o WHERE o.user_id = e.user_id AND o.skill_slug <> e.skill_slug) AS other_skills,
         ARRAY(SELECT badge_slug FROM user_badges WHERE user_id = e.user_id) AS held_badges,
         ARRAY(SELECT classroom_id FROM classroom_members WHERE user_id = e.user_id) AS classroom_ids,
         EXISTS (SELECT 1 FROM league_members
                 WHERE user_id = e.user_id
                   AND week_key = to_char(now() AT TIME ZONE 'UTC', 'IYYY-"W"IW')) AS seated_this_week
  FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS q(exercise_id, user_id, ord)
  JOIN exercises e ON e.id = q.exercise_id AND e.user_id = q.user_id
  JOIN users u ON u.id = e.user_id
  LEFT JOIN mastery m ON m.user_id = e.user_id AND m.skill_slug = e.skill_slug
  LEFT JOIN learner_progress p ON p.user_id = e.user_id`,
};

/**
 * Applies each answer of a batch if nothing moved since its read, else writes nothing for it (`applied`
 * false). $1 is a JSON array of answers (`AnswerWrite` in answer-batches.ts); $2 the points-per-minute cap,
 * $3 how many recent prompts a new exercise must differ from, $4 the mastery levels that unlock dependants.
 *
 * The guard comes first: a learner's progress row is updated only if its version is still the one read
 * (or created only if there was none, -1) — a concurrent answer of the same learner either committed a new
 * version already or holds the row, and Postgres re-checks the condition on the row's latest version after
 * waiting — then the exercise is marked answered only if it still is not, and every other write joins the
 * `answered` CTE, so each runs only for answers whose guards held. Then per answer: the ledger entries (a
 * source key pays once; correct-answer points clipped to the learner's 60-second budget —
 * `capToMinuteBudget`'s clamp, applied here because only this statement sees every earlier answer of the
 * learner as of the version it guards), the learner's total moved by what was inserted, the leaderboard
 * outbox row, the planned badges (UNIQUE: once per learner), mastery, the attempt with its result (points
 * and badges filled in here) and, when asked for (`candidates` not null), the next exercise: the first
 * candidate not among the skill's last few prompts, only while the skill is unlocked (NEXT_EXERCISE's rule),
 * after the answered exercise has left the one-open-exercise-per-skill index.
 *
 * One statement is one transaction: all of it commits or none (a reused idempotency key fails the
 * attempt's UNIQUE and so the whole batch, which the batcher then runs answer by answer).
 */
export const WRITE_ANSWERS: PreparedSql = {
  name: 'write-answers',
  text: `
  WITH batch AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS b(
      ord int, user_id uuid, skill text, exercise_id uuid, answer text, correct boolean, idem_key text,
      result jsonb, elapsed_ms int, awards jsonb, mastery jsonb, badges jsonb, progress jsonb,
      progress_version int, prerequisites jsonb, candidates jsonb)),
  progress_updated AS (
    UPDATE learner_progress p
    SET ${PROGRESS_COLUMNS.map((c) => `${c} = r.${c}`).join(', ')}, version = p.version + 1, updated_at = now()
    FROM batch b CROSS JOIN LATERAL jsonb_populate_record(NULL::learner_progress, b.progress) r
    WHERE p.user_id = b.user_id AND p.version = b.progress_version
    RETURNING p.user_id),
  progress_created AS (
    INSERT INTO learner_progress (user_id, ${PROGRESS_COLUMNS.join(', ')}, version, updated_at)
    SELECT b.user_id, ${PROGRESS_COLUMNS.map((c) => `r.${c}`).join(', ')}, 1, now()
    FROM batch b CROSS JOIN LATERAL jsonb_populate_record(NULL::learner_progress, b.progress) r
    WHERE b.progress_version = -1
    ON CONFLICT (user_id) DO NOTHING
    RETURNING user_id),
  answered AS (
    UPDATE exercises e SET answered_at = now()
    FROM batch b
    WHERE e.id = b.exercise_id AND e.user_id = b.user_id AND e.answered_at IS NULL
      AND b.user_id IN (SELECT user_id FROM progress_updated UNION ALL SELECT user_id FROM progress_created)
    RETURNING b.ord, b.user_id),
  budget AS (
    SELECT a.user_id, GREATEST(0, $2::int - coalesce(sum(l.amount), 0))::int AS left_this_minute
    FROM answered a
    LEFT JOIN point_ledger l ON l.user_id = a.user_id AND l.reason = 'CORRECT_ANSWER'
                            AND l.created_at > now() - interval '1 minute'
    GROUP BY a.user_id),
  ins AS (
    INSERT INTO point_ledger (user_id, reason, amount, source_key)
    SELECT t.user_id, t.reason, t.amount, t.source_key
    FROM (SELECT b.user_id, w.reason, w.source_key,
                 CASE WHEN w.reason = 'CORRECT_ANSWER' THEN LEAST(w.amount, bu.left_this_minute)
                      ELSE w.amount END AS amount
          FROM batch b JOIN budget bu ON bu.user_id = b.user_id
          CROSS JOIN LATERAL jsonb_to_recordset(b.awards) AS w(reason text, amount int, source_key text)) t
    WHERE t.amount > 0
    ON CONFLICT (user_id, source_key) DO NOTHING
    RETURNING user_id, amount),
  paid AS (SELECT user_id, sum(amount)::int AS awarded FROM ins GROUP BY user_id),
  -- Only a paying answer moves the total (a wrong answer writes no users row version).
  u AS (
    UPDATE users SET total_points = users.total_points + paid.awarded
    FROM paid WHERE users.id = paid.user_id
    RETURNING users.id AS user_id, users.total_points),
  outbox AS (INSERT INTO leaderboard_outbox (user_id) SELECT user_id FROM paid RETURNING 1),
  badge_ins AS (
    INSERT INTO user_badges (user_id, badge_slug, recipient_type, recipient_salt, recipient_hash)
    SELECT b.user_id, x.slug, x.recipient_type, x.salt, x.hash
    FROM batch b JOIN answered a ON a.ord = b.ord
    CROSS JOIN LATERAL jsonb_to_recordset(b.badges) AS x(slug text, recipient_type text, salt text, hash text)
    ON CONFLICT (user_id, badge_slug) DO NOTHING
    RETURNING user_id, badge_slug),
  earned AS (
    SELECT b.ord,
           jsonb_agg(jsonb_build_object('slug', x.e->>'slug', 'name', x.e->>'name', 'tier', x.e->>'tier')
                     ORDER BY x.n) AS badges
    FROM batch b CROSS JOIN LATERAL jsonb_array_elements(b.badges) WITH ORDINALITY AS x(e, n)
    JOIN badge_ins bi ON bi.user_id = b.user_id AND bi.badge_slug = x.e->>'slug'
    GROUP BY b.ord),
  mastery_row AS (
    INSERT INTO mastery (user_id, ${MASTERY_COLUMNS}, updated_at)
    SELECT b.user_id, b.skill, ${MASTERY_VALUE_COLUMNS.map((c) => `r.${c}`).join(', ')}, now()
    FROM batch b JOIN answered a ON a.ord = b.ord
    CROSS JOIN LATERAL jsonb_populate_record(NULL::mastery, b.mastery) r
    ON CONFLICT (user_id, skill_slug) DO UPDATE SET
      ${MASTERY_VALUE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
    RETURNING 1),
  totals AS (
    SELECT a.ord, coalesce(u.total_points, us.total_points) AS points, coalesce(p.awarded, 0) AS awarded
    FROM answered a
    LEFT JOIN u ON u.user_id = a.user_id
    LEFT JOIN paid p ON p.user_id = a.user_id
    LEFT JOIN users us ON us.id = a.user_id),
  attempt AS (
    INSERT INTO attempts (user_id, exercise_id, skill_slug, answer, correct, idempotency_key, result, elapsed_ms)
    SELECT b.user_id, b.exercise_id, b.skill, b.answer, b.correct, b.idem_key,
           b.result || jsonb_build_object('pointsAwarded', t.awarded, 'totalPoints', t.points,
                                          'badgesEarned', coalesce(e.badges, '[]'::jsonb)),
           b.elapsed_ms
    FROM batch b JOIN totals t ON t.ord = b.ord LEFT JOIN earned e ON e.ord = b.ord
    RETURNING 1),
  pick AS (
    SELECT b.user_id, b.skill, fresh.seed, fresh.prompt, fresh.expected
    FROM batch b JOIN answered a ON a.ord = b.ord
    ${freshCandidateJoinsSql({ user: 'b.user_id', skill: 'b.skill', recentCount: '$3', candidates: 'b.candidates' })}
    WHERE jsonb_typeof(b.candidates) = 'array'
      AND ${prerequisitesMetSql('b.user_id', 'jsonb_array_elements_text(b.prerequisites)', '$4')}),
  next_created AS (
    INSERT INTO exercises (user_id, skill_slug, seed, prompt, expected)
    SELECT user_id, skill, seed, prompt, expected FROM pick
    ON CONFLICT (user_id, skill_slug) WHERE answered_at IS NULL DO NOTHING
    RETURNING id, user_id, skill_slug, prompt)
  SELECT b.ord, a.ord IS NOT NULL AS applied,
         (SELECT json_build_object('id', n.id, 'skillSlug', n.skill_slug, 'prompt', n.prompt)
            FROM next_created n WHERE n.user_id = b.user_id) AS next_exercise,
         t.points AS total, coalesce(t.awarded, 0) AS awarded,
         -- This ISO week's points after the answer (the statement cannot see its own inserts: add them),
         -- for the boards' fast path; the all-time figure is the learner's total.
         CASE WHEN t.awarded > 0 THEN
           (SELECT coalesce(sum(amount), 0) FROM point_ledger
             WHERE user_id = b.user_id
               AND created_at >= date_trunc('week', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::int
           + t.awarded END AS week_total,
         coalesce(e.badges, '[]'::jsonb) AS badges_earned, now() AS paid_at
  FROM batch b
  LEFT JOIN answered a ON a.ord = b.ord
  LEFT JOIN totals t ON t.ord = b.ord
  LEFT JOIN earned e ON e.ord = b.ord
  ORDER BY b.ord`,
};
