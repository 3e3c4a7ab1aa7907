import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  applyAttempt,
  CURRICULUM,
  DEFAULT_POINT_VALUES,
  POINTS_PER_MINUTE_CAP,
  isAnswerCorrect,
  pointsForCorrectAnswer,
  type ExpectedAnswer,
} from '@peerlift/domain';
import { masteryRowValues, masteryStateFromRow, type MasteryRow } from '@peerlift/api/curriculum/mastery-row';
import { READ_FOR_ANSWER, WRITE_ANSWER } from '@peerlift/api/practice/answer-statements';
import { NEXT_EXERCISE, UNLOCKING_LEVELS } from '@peerlift/api/practice/exercise-statements';
import { exerciseCandidates } from '@peerlift/api/practice/exercise.service';

/**
 * The ceiling: the database work of one "next exercise + submit answer" straight through `pg` — the very
 * statements the api runs (imported from it, prepared the same way), with the domain rules in between — but no HTTP, GraphQL,
 * validation, auth or Nest. api / raw is the framework's overhead.
 */
export async function rawAnswer(pool: pg.Pool, userId: string, answerRight: boolean): Promise<void> {
  const skill = CURRICULUM[0];
  const ctx = await pool.query<{ open: { id: string } | null; created: { id: string } | null }>({
    ...NEXT_EXERCISE,
    values: [
      userId,
      skill.slug,
      skill.prerequisites,
      10,
      UNLOCKING_LEVELS,
      JSON.stringify(exerciseCandidates(skill)),
    ],
  });
  const exerciseId = (ctx.rows[0].open ?? ctx.rows[0].created)!.id;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<
      MasteryRow & { expected: ExpectedAnswer; has_mastery: boolean; elapsed_ms: number }
    >({ ...READ_FOR_ANSWER, values: [exerciseId, userId] });
    const row = rows[0];
    const correct =
      answerRight && isAnswerCorrect(row.expected, String((row.expected as { value?: number }).value ?? ''));
    const before = masteryStateFromRow(row.has_mastery ? row : undefined);
    const outcome = applyAttempt(before, { correct, now: new Date(), streakToProficient: 10 });
    const points = correct
      ? pointsForCorrectAnswer({
          levelBefore: before.level,
          streakAfter: outcome.state.streak,
          answersInSkill: outcome.state.attempts,
          values: DEFAULT_POINT_VALUES,
        })
      : 0;
    await client.query({
      ...WRITE_ANSWER,
      values: [
        userId,
        ['CORRECT_ANSWER'],
        [points],
        [`answer:${exerciseId}`],
        skill.slug,
        ...masteryRowValues(outcome.state),
        exerciseId,
        'x',
        correct,
        randomUUID(),
        '{}',
        row.elapsed_ms,
        // Gamification params of WRITE_ANSWER: the points-per-minute cap, badges earned, progress row.
        POINTS_PER_MINUTE_CAP,
        '[]',
        null,
      ],
    });
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
