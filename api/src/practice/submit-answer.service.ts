import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  applyAttempt,
  capToMinuteBudget,
  CURRICULUM,
  formatExpectedAnswer,
  isAnswerCorrect,
  isSkillUnlocked,
  masteryStatus,
  POINTS_PER_MINUTE_CAP,
  type ExpectedAnswer,
  type MasteryState,
} from '@peerlift/domain';
import { ClassroomEventsService } from '../classrooms/classroom-events.service';
import { levelLookup, SkillsService } from '../curriculum/skills.service';
import { MASTERY_COLUMNS, masteryRowValues, masteryStateFromRow, type MasteryRow } from '../curriculum/mastery-row';
import type { MasteryLevelEnum, MasteryStatusEnum, SkillRefModel } from '../curriculum/models/skill.model';
import { InjectDataSource } from '../database/inject-data-source';
import { sqlRows, uniqueViolation } from '../database/sql';
import { ParametersService } from '../experiments/parameters.service';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import type { SubmitAnswerInput } from './dto/submit-answer.input';
import type { AnswerResultModel } from './models/exercise.model';
import { pointAwardsFor, type PointAward } from './point-awards';

interface LockedExercise {
  id: string;
  skill_slug: string;
  expected: ExpectedAnswer;
  answered_at: Date | null;
  elapsed_ms: number;
}

/**
 * Answers an exercise in one transaction: attempt, mastery, points ledger and the learner's total commit
 * together or not at all. The exercise row lock serialises concurrent submissions of one exercise, and
 * the first result is stored so a retry with the same idempotency key replays it (DESIGN.md invariant 1).
 */
@Injectable()
export class SubmitAnswerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly parameters: ParametersService,
    private readonly skills: SkillsService,
    private readonly classroomEvents: ClassroomEventsService,
  ) {}

  async submit(userId: string, input: SubmitAnswerInput): Promise<AnswerResultModel> {
    try {
      const result = await this.db.transaction((m) => this.submitInTransaction(m, userId, input));
      // After commit: coaches' grids refetch (a pushed hint only; the state is already in Postgres).
      void this.classroomEvents.masteryChanged(userId, result.skillSlug);
      return result.answer;
    } catch (e) {
      if (uniqueViolation(e) === 'attempts_user_id_idempotency_key_key') {
        throw new PeerliftError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used for another exercise.');
      }
      throw e;
    }
  }

  private async submitInTransaction(
    m: EntityManager,
    userId: string,
    input: SubmitAnswerInput,
  ): Promise<{ answer: AnswerResultModel; skillSlug: string }> {
    const [exercise] = await sqlRows<LockedExercise>(
      m,
      `SELECT id, skill_slug, expected, answered_at,
              LEAST(extract(epoch FROM now() - created_at) * 1000, 2147483647)::int AS elapsed_ms
       FROM exercises WHERE id = $1 AND user_id = $2 FOR UPDATE`,
      [input.exerciseId, userId],
    );
    if (!exercise) throw new PeerliftError(ErrorCode.NOT_FOUND, 'That exercise does not exist or is not yours.');
    if (exercise.answered_at) return { answer: await this.replay(m, userId, input), skillSlug: exercise.skill_slug };

    const correct = isAnswerCorrect(exercise.expected, input.answer);
    const params = this.parameters.forUser(userId);
    const [row] = await sqlRows<MasteryRow>(
      m,
      `SELECT ${MASTERY_COLUMNS} FROM mastery WHERE user_id = $1 AND skill_slug = $2 FOR UPDATE`,
      [userId, exercise.skill_slug],
    );
    const before = masteryStateFromRow(row);
    const outcome = applyAttempt(before, { correct, now: new Date(), streakToProficient: params.streakToProficient });
    const awards = pointAwardsFor({
      exerciseId: exercise.id,
      skillSlug: exercise.skill_slug,
      correct,
      before,
      outcome,
      values: params.pointValues,
    });
    const { awarded, total } = await this.payPoints(m, userId, awards);
    await this.saveMastery(m, userId, exercise.skill_slug, outcome.state);
    const unlockedSkills = outcome.becameProficient
      ? await this.newlyUnlocked(userId, exercise.skill_slug, outcome.state)
      : [];

    const result: AnswerResultModel = {
      correct,
      expectedAnswer: correct ? null : formatExpectedAnswer(exercise.expected),
      streak: outcome.state.streak,
      streakToProficient: params.streakToProficient,
      level: outcome.state.level as MasteryLevelEnum,
      status: masteryStatus(outcome.state) as MasteryStatusEnum,
      pointsAwarded: awarded,
      totalPoints: total,
      feedback: correct ? params.correctFeedback : params.wrongFeedback,
      unlockedSkills,
      wasReview: outcome.wasReview,
    };
    await sqlRows(
      m,
      `WITH attempt AS (
         INSERT INTO attempts (user_id, exercise_id, skill_slug, answer, correct, idempotency_key, result, elapsed_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING exercise_id)
       UPDATE exercises SET answered_at = now() WHERE id = (SELECT exercise_id FROM attempt)`,
      [userId, exercise.id, exercise.skill_slug, input.answer, correct, input.idempotencyKey, JSON.stringify(result), exercise.elapsed_ms],
    );
    return { answer: result, skillSlug: exercise.skill_slug };
  }

  /** The exercise is answered: the same key replays the stored result; any other key is refused. */
  private async replay(m: EntityManager, userId: string, input: SubmitAnswerInput): Promise<AnswerResultModel> {
    const [first] = await sqlRows<{ exercise_id: string; result: AnswerResultModel }>(
      m,
      `SELECT exercise_id, result FROM attempts WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, input.idempotencyKey],
    );
    if (first?.exercise_id === input.exerciseId) return first.result;
    throw new PeerliftError(ErrorCode.ALREADY_ANSWERED, 'This exercise was already answered. Ask for the next one.');
  }

  /**
   * Appends the awards to the ledger (a source key pays once per learner), within the per-minute cap, and
   * moves the learner's total by what was actually inserted — in one statement.
   */
  private async payPoints(m: EntityManager, userId: string, awards: PointAward[]) {
    let budgetUsed = 0;
    if (awards.length) {
      const [{ recent }] = await sqlRows<{ recent: number }>(
        m,
        `SELECT coalesce(sum(amount), 0)::int AS recent FROM point_ledger
         WHERE user_id = $1 AND created_at > now() - interval '1 minute'`,
        [userId],
      );
      budgetUsed = recent;
    }
    const capped = awards.map((a) => {
      const amount = capToMinuteBudget({ requested: a.amount, alreadyThisMinute: budgetUsed, cap: POINTS_PER_MINUTE_CAP });
      budgetUsed += amount;
      return { ...a, amount };
    });
    const [row] = await sqlRows<{ total: number; awarded: number }>(
      m,
      `WITH ins AS (
         INSERT INTO point_ledger (user_id, reason, amount, source_key)
         SELECT $1, t.reason, t.amount, t.source_key
         FROM unnest($2::text[], $3::int[], $4::text[]) AS t(reason, amount, source_key)
         WHERE t.amount > 0
         ON CONFLICT (user_id, source_key) DO NOTHING
         RETURNING amount)
       UPDATE users SET total_points = total_points + (SELECT coalesce(sum(amount), 0) FROM ins)
       WHERE id = $1
       RETURNING total_points AS total, (SELECT coalesce(sum(amount), 0) FROM ins)::int AS awarded`,
      [userId, capped.map((a) => a.reason), capped.map((a) => a.amount), capped.map((a) => a.sourceKey)],
    );
    if (!row) throw new PeerliftError(ErrorCode.UNAUTHENTICATED, 'This account no longer exists.');
    return row;
  }

  private async saveMastery(m: EntityManager, userId: string, slug: string, s: MasteryState): Promise<void> {
    await sqlRows(
      m,
      `INSERT INTO mastery (user_id, ${MASTERY_COLUMNS}, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (user_id, skill_slug) DO UPDATE SET
         attempts = EXCLUDED.attempts, correct = EXCLUDED.correct, streak = EXCLUDED.streak,
         best_streak = EXCLUDED.best_streak, p_known = EXCLUDED.p_known, level = EXCLUDED.level,
         recent_results = EXCLUDED.recent_results, attempts_since_progress = EXCLUDED.attempts_since_progress,
         proficient_at = EXCLUDED.proficient_at, review_due_at = EXCLUDED.review_due_at, updated_at = now()`,
      [userId, slug, ...masteryRowValues(s)],
    );
  }

  /** Skills that depend on `slug` and are unlocked now that it is proficient. */
  private async newlyUnlocked(userId: string, slug: string, state: MasteryState): Promise<SkillRefModel[]> {
    const states = await this.skills.masteryByslug(userId);
    states.set(slug, state);
    return CURRICULUM.filter(
      (s) => s.prerequisites.includes(slug) && isSkillUnlocked(s.prerequisites, levelLookup(states)),
    ).map((s) => ({ slug: s.slug, title: s.title }));
  }
}
