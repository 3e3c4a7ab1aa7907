import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  applyAttempt,
  CURRICULUM,
  DEFAULT_POINT_VALUES,
  initialMasteryState,
  isAnswerCorrect,
  pointsForCorrectAnswer,
  type ExpectedAnswer,
  type MasteryState,
} from '@peerlift/domain';

/**
 * The ceiling: the database work of one "next exercise + submit answer" done straight through `pg`, with no
 * HTTP, GraphQL, validation or Nest in between. The statements mirror ExerciseService.next and
 * SubmitAnswerService (same locks, same round trips), so api / raw is the framework's overhead.
 */
export async function rawAnswer(pool: pg.Pool, userId: string, correctly: boolean): Promise<void> {
  const skill = CURRICULUM[0];
  await pool.query(`SELECT skill_slug, level FROM mastery WHERE user_id = $1`, [userId]);
  await pool.query(
    `SELECT id FROM exercises WHERE user_id = $1 AND skill_slug = $2 AND answered_at IS NULL`,
    [userId, skill.slug],
  );
  await pool.query(
    `SELECT prompt FROM exercises WHERE user_id = $1 AND skill_slug = $2 ORDER BY created_at DESC LIMIT 10`,
    [userId, skill.slug],
  );
  const ex = skill.generate(Math.floor(performance.now() * 1000) % 2 ** 31);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO exercises (user_id, skill_slug, seed, prompt, expected) VALUES ($1, $2, 1, $3, $4)
     ON CONFLICT (user_id, skill_slug) WHERE answered_at IS NULL DO NOTHING RETURNING id`,
    [userId, skill.slug, ex.prompt, JSON.stringify(ex.expected)],
  );
  const exerciseId =
    rows[0]?.id ??
    (await pool.query(`SELECT id FROM exercises WHERE user_id = $1 AND answered_at IS NULL`, [userId]))
      .rows[0].id;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query<{ expected: ExpectedAnswer; skill_slug: string }>(
      `SELECT id, skill_slug, expected, answered_at FROM exercises WHERE id = $1 AND user_id = $2 FOR UPDATE`,
      [exerciseId, userId],
    );
    const expected = locked.rows[0].expected;
    const correct =
      correctly &&
      isAnswerCorrect(expected, correctly ? String((expected as { value?: number }).value ?? '') : 'x');
    const m = await client.query(`SELECT * FROM mastery WHERE user_id = $1 AND skill_slug = $2 FOR UPDATE`, [
      userId,
      skill.slug,
    ]);
    const before: MasteryState = m.rows[0]
      ? { ...initialMasteryState(), attempts: m.rows[0].attempts, streak: m.rows[0].streak }
      : initialMasteryState();
    const outcome = applyAttempt(before, { correct, now: new Date(), streakToProficient: 10 });
    await client.query(
      `SELECT coalesce(sum(amount), 0)::int FROM point_ledger WHERE user_id = $1 AND created_at > now() - interval '1 minute'`,
      [userId],
    );
    const points = correct
      ? pointsForCorrectAnswer({
          levelBefore: before.level,
          streakAfter: outcome.state.streak,
          answersInSkill: outcome.state.attempts,
          values: DEFAULT_POINT_VALUES,
        })
      : 0;
    await client.query(
      `WITH ins AS (INSERT INTO point_ledger (user_id, reason, amount, source_key)
         SELECT $1, 'CORRECT_ANSWER', $2, $3 WHERE $2 > 0 ON CONFLICT DO NOTHING RETURNING amount)
       UPDATE users SET total_points = total_points + (SELECT coalesce(sum(amount), 0) FROM ins) WHERE id = $1 RETURNING total_points`,
      [userId, points, `answer:${exerciseId}`],
    );
    const s = outcome.state;
    await client.query(
      `INSERT INTO mastery (user_id, skill_slug, attempts, correct, streak, best_streak, p_known, level, recent_results, attempts_since_progress, proficient_at, review_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (user_id, skill_slug) DO UPDATE SET attempts = EXCLUDED.attempts, correct = EXCLUDED.correct, streak = EXCLUDED.streak,
         best_streak = EXCLUDED.best_streak, p_known = EXCLUDED.p_known, level = EXCLUDED.level, recent_results = EXCLUDED.recent_results,
         attempts_since_progress = EXCLUDED.attempts_since_progress, proficient_at = EXCLUDED.proficient_at, review_due_at = EXCLUDED.review_due_at, updated_at = now()`,
      [
        userId,
        skill.slug,
        s.attempts,
        s.correct,
        s.streak,
        s.bestStreak,
        s.pKnown,
        s.level,
        s.recentResults.map((r) => (r ? '1' : '0')).join(''),
        s.attemptsSinceProgress,
        s.proficientAt,
        s.reviewDueAt,
      ],
    );
    await client.query(
      `WITH a AS (INSERT INTO attempts (user_id, exercise_id, skill_slug, answer, correct, idempotency_key, result, elapsed_ms)
         VALUES ($1, $2, $3, 'x', $4, $5, '{}', 1) RETURNING exercise_id)
       UPDATE exercises SET answered_at = now() WHERE id = (SELECT exercise_id FROM a)`,
      [userId, exerciseId, skill.slug, correct, randomUUID()],
    );
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
