import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  applyAttempt,
  CURRICULUM,
  DEFAULT_POINT_VALUES,
  isAnswerCorrect,
  pointsForCorrectAnswer,
} from '@peerlift/domain';
import { masteryStateFromRow } from '@peerlift/api/curriculum/mastery-row';
import type { PreparedSql } from '@peerlift/api/database/sql';
import { AnswerBatches } from '@peerlift/api/practice/answer-batches';
import { NEXT_EXERCISE } from '@peerlift/api/practice/exercise-statements';
import { exerciseCandidates, exerciseDraw } from '@peerlift/api/practice/exercise.service';
import { EMPTY_PROGRESS } from '@peerlift/api/streaks/learner-progress';

/** The api's answer statements over a raw `pg` pool, batched the same way (one per pool). */
export function rawAnswerStatements(pool: pg.Pool): AnswerBatches {
  const run = async <T>(statement: PreparedSql, params: unknown[]) =>
    (await pool.query({ name: statement.name, text: statement.text, values: params })).rows as T[];
  return new AnswerBatches(run);
}

/**
 * The ceiling: the database work of one answer (which also creates the next exercise) straight through `pg` —
 * the very statements the api runs (imported from it, prepared and batched across concurrent answers the
 * same way), with the domain rules in between — but no HTTP, GraphQL, validation, auth or Nest. api / raw is
 * the framework's overhead.
 */
export async function rawAnswer(
  pool: pg.Pool,
  statements: AnswerBatches,
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
    const row = (await statements.read(exerciseId, userId))!;
    const correct =
      answerRight && isAnswerCorrect(row.expected, String((row.expected as { value?: number }).value ?? ''));
    const before = masteryStateFromRow(row.has_mastery ? { ...row, skill_slug: skill.slug } : undefined);
    const outcome = applyAttempt(before, { correct, now: new Date(), streakToProficient: 10 });
    const points = correct
      ? pointsForCorrectAnswer({
          levelBefore: before.level,
          streakAfter: outcome.state.streak,
          answersInSkill: outcome.state.attempts,
          values: DEFAULT_POINT_VALUES,
        })
      : 0;
    const written = await statements.write({
      userId,
      skillSlug: skill.slug,
      exerciseId,
      answer: 'x',
      correct,
      idempotencyKey: randomUUID(),
      result: {},
      elapsedMs: row.elapsed_ms,
      awards: [{ reason: 'CORRECT_ANSWER', amount: points, sourceKey: `answer:${exerciseId}` }],
      mastery: outcome.state,
      // Gamification: no badges; the progress row written back as read (the streak rules are not the
      // database's work) against the version read.
      badges: [],
      progress: row.progress ?? EMPTY_PROGRESS,
      progressVersion: row.progress_version,
      next: { prerequisites: skill.prerequisites, candidates: exerciseCandidates(skill) },
    });
    if (written.applied) {
      learner.exerciseId = written.next_exercise?.id;
      return;
    }
  }
}
