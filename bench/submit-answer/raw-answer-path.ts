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
import { NEXT_EXERCISE } from '@peerlift/api/practice/exercise-statements';
import { exerciseDraw } from '@peerlift/api/practice/exercise.service';
import { EMPTY_PROGRESS, type ProgressRow } from '@peerlift/api/streaks/learner-progress';

/**
 * The ceiling: the database work of one answer (which also creates the next exercise) straight through `pg` — the very
 * statements the api runs (imported from it, prepared the same way), with the domain rules in between — but no HTTP, GraphQL,
 * validation, auth or Nest. api / raw is the framework's overhead.
 */
export async function rawAnswer(
  pool: pg.Pool,
  learner: { id: string; exerciseId?: string },
  answerRight: boolean,
): Promise<void> {
  const skill = CURRICULUM[0];
  const userId = learner.id;
  if (!learner.exerciseId) {
    // The first question (as the api's nextExercise query); later ones come back with each answer.
    const ctx = await pool.query<{ open: { id: string } | null; created: { id: string } | null }>({
      ...NEXT_EXERCISE,
      values: [userId, skill.slug, ...exerciseDraw(skill)],
    });
    learner.exerciseId = (ctx.rows[0].open ?? ctx.rows[0].created)!.id;
  }
  const exerciseId = learner.exerciseId;
  // As the api: a plain read, then the guarded write, read again if another answer got there first.
  for (;;) {
    const { rows } = await pool.query<
      MasteryRow & {
        expected: ExpectedAnswer;
        has_mastery: boolean;
        elapsed_ms: number;
        progress: ProgressRow | null;
        progress_version: number;
      }
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
    const written = await pool.query<{ applied: boolean; next_exercise: { id: string } | null }>({
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
        // Gamification params of WRITE_ANSWER: the points-per-minute cap, badges earned, the progress row
        // (written back as read: the streak rules are not the database's work) and the version read.
        POINTS_PER_MINUTE_CAP,
        '[]',
        JSON.stringify(row.progress ?? EMPTY_PROGRESS),
        row.progress_version,
        ...exerciseDraw(skill),
      ],
    });
    if (written.rows[0].applied) {
      learner.exerciseId = written.rows[0].next_exercise?.id;
      return;
    }
  }
}
