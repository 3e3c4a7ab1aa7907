import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  applyAttempt,
  CURRICULUM,
  formatExpectedAnswer,
  isoWeekKey,
  isAnswerCorrect,
  isSkillUnlocked,
  masteryStatus,
  type MasteryState,
} from '@peerlift/domain';
import { ClassroomEventsService } from '../classrooms/classroom-events.service';
import { levelLookup, requireSkill, SkillsService } from '../curriculum/skills.service';
import { masteryStateFromRow } from '../curriculum/mastery-row';
import type { MasteryLevelEnum, MasteryStatusEnum, SkillRefModel } from '../curriculum/models/skill.model';
import { InjectDataSource } from '../database/inject-data-source';
import type { LearnerBoardFacts } from '../leaderboards/board-placements';
import { uniqueViolation } from '../database/sql';
import { ParametersService } from '../experiments/parameters.service';
import { GamificationService } from '../gamification/gamification.service';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { EMPTY_PROGRESS } from '../streaks/learner-progress';
import type { SubmitAnswerInput } from './dto/submit-answer.input';
import type { AnswerResultModel, ExerciseModel } from './models/exercise.model';
import { exerciseCandidates } from './exercise.service';
import { AnswerBatches, type ExerciseForAnswer } from './answer-batches';
import { pointAwardsFor } from './point-awards';

/**
 * Reads and guarded writes per answer before giving up. A learner's answers only race one another (two
 * tabs, a double-click with new keys), so more than a couple of rounds means something is badly wrong.
 */
const MAX_ANSWER_ATTEMPTS = 8;

/**
 * Answers an exercise: attempt, mastery, daily streak, badges, points ledger, the learner's total and the
 * leaderboard outbox are written by one statement, so they commit together or not at all — after one plain
 * read, with no BEGIN/COMMIT round trips (see answer-statements.ts). The write applies only against the
 * progress version it read; when another answer of the learner got there first it writes nothing and the
 * answer is read and planned again. The first result is stored so a retry with the same idempotency key
 * replays it (DESIGN.md invariant 1). After the write the boards are updated at once; if that fails or the
 * process dies first, the outbox row gets them there.
 */
@Injectable()
export class SubmitAnswerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly statements: AnswerBatches,
    private readonly parameters: ParametersService,
    private readonly skills: SkillsService,
    private readonly classroomEvents: ClassroomEventsService,
    private readonly gamification: GamificationService,
  ) {}

  async submit(
    userId: string,
    input: SubmitAnswerInput,
    options: { withNext: boolean } = { withNext: false },
  ): Promise<AnswerResultModel> {
    try {
      for (let attempt = 1; ; attempt++) {
        const result = await this.answerOnce(userId, input, options.withNext);
        if (result) {
          // Only an answer that paid moved a board (and wrote an outbox row).
          if (result.boardFacts) await this.gamification.afterCommit(userId, result.boardFacts);
          // Coaches' grids refetch (a pushed hint only; the state is already in Postgres).
          void this.classroomEvents.masteryChanged(userId, result.skillSlug, result.classroomIds);
          return { ...result.answer, skillSlug: result.skillSlug, createdNext: result.createdNext };
        }
        if (attempt >= MAX_ANSWER_ATTEMPTS) {
          throw new PeerliftError(
            ErrorCode.TRY_AGAIN,
            'Too many answers at once from this account; please send this one again.',
          );
        }
      }
    } catch (e) {
      if (uniqueViolation(e) === 'attempts_user_id_idempotency_key_key') {
        throw new PeerliftError(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          'This idempotency key was already used for another exercise.',
        );
      }
      throw e;
    }
  }

  /** One read, plan and guarded write; null when the guard refused the write (read again). */
  private async answerOnce(
    userId: string,
    input: SubmitAnswerInput,
    withNext: boolean,
  ): Promise<{
    answer: AnswerResultModel;
    skillSlug: string;
    classroomIds: string[];
    boardFacts: LearnerBoardFacts | null;
    createdNext?: ExerciseModel | null;
  } | null> {
    const exercise = await this.statements.read(input.exerciseId, userId);
    if (!exercise)
      throw new PeerliftError(ErrorCode.NOT_FOUND, 'That exercise does not exist or is not yours.');
    const skillSlug = exercise.skill_slug;
    // A replay changes nothing, so no classroom needs telling.
    if (exercise.answered_at)
      return {
        answer: await this.replay(userId, input),
        skillSlug,
        classroomIds: [],
        boardFacts: null,
      };
    const plan = await this.plan(userId, exercise, input);
    const skill = requireSkill(skillSlug);
    const written = await this.statements.write({
      userId,
      skillSlug,
      exerciseId: exercise.id,
      answer: input.answer,
      correct: plan.result.correct,
      idempotencyKey: input.idempotencyKey,
      result: plan.result,
      elapsedMs: exercise.elapsed_ms,
      awards: plan.awards,
      mastery: plan.mastery,
      badges: plan.rewards.badges,
      progress: plan.rewards.progress,
      progressVersion: exercise.progress_version,
      next: withNext ? { prerequisites: skill.prerequisites, candidates: exerciseCandidates(skill) } : null,
    });
    if (!written.applied) return null;
    if (written.total == null)
      throw new PeerliftError(ErrorCode.UNAUTHENTICATED, 'This account no longer exists.');
    // The week's first points take a league seat: its own short transaction (an advisory lock makes "read
    // the cohort sizes, take a seat" atomic). Should the process die just before, the next paying answer
    // seats the learner (the seat is idempotent).
    if (written.awarded > 0 && !exercise.seated_this_week) {
      await this.db.transaction((m) =>
        this.gamification.afterAnswerWrite(m, userId, {
          awarded: written.awarded,
          paidAt: written.paid_at,
          seatedThisWeek: exercise.seated_this_week,
        }),
      );
    }
    const paid = {
      pointsAwarded: written.awarded,
      totalPoints: written.total,
      badgesEarned: written.badges_earned,
    };
    // What the boards need, as this transaction leaves them: the fast path then needs no ledger read.
    const boardFacts: LearnerBoardFacts | null =
      written.week_total !== null // null when the answer paid nothing
        ? {
            userId,
            country: exercise.country,
            classroomIds: exercise.classroom_ids,
            allTime: { points: written.total, reachedAt: written.paid_at },
            weeks: [
              {
                weekKey: isoWeekKey(written.paid_at),
                points: written.week_total,
                reachedAt: written.paid_at,
              },
            ],
          }
        : null;
    return {
      answer: { ...plan.result, ...paid },
      skillSlug,
      classroomIds: exercise.classroom_ids,
      boardFacts,
      createdNext: written.next_exercise,
    };
  }

  /**
   * Everything the answer changes, decided in memory from what the read statement returned: mastery, the
   * answer's points and bonuses, the day's streak and badges, and the result (whose points and badges the
   * write statement fills in, because only it knows what the ledger and the badge table actually took).
   */
  private async plan(userId: string, exercise: ExerciseForAnswer, input: SubmitAnswerInput) {
    const skillSlug = exercise.skill_slug;
    const correct = isAnswerCorrect(exercise.expected, input.answer);
    const params = await this.parameters.forUser(userId);
    const now = new Date();
    const before = masteryStateFromRow(
      exercise.has_mastery ? { ...exercise, skill_slug: skillSlug } : undefined,
    );
    const outcome = applyAttempt(before, { correct, now, streakToProficient: params.streakToProficient });
    const values = params.pointValues;
    const rewards = this.gamification.planAnswer({
      userId,
      correct,
      elapsedMs: exercise.elapsed_ms,
      now,
      timeZone: exercise.time_zone,
      progress: exercise.progress ?? EMPTY_PROGRESS,
      otherSkills: exercise.other_skills,
      skillAfter: outcome.state,
      heldBadges: exercise.held_badges,
      values,
    });
    const answerAwards = pointAwardsFor({
      exerciseId: exercise.id,
      skillSlug,
      correct,
      before,
      outcome,
      values,
    });
    const result: Omit<AnswerResultModel, 'pointsAwarded' | 'totalPoints' | 'badgesEarned'> = {
      correct,
      expectedAnswer: correct ? null : formatExpectedAnswer(exercise.expected),
      streak: outcome.state.streak,
      streakToProficient: params.streakToProficient,
      level: outcome.state.level as MasteryLevelEnum,
      status: masteryStatus(outcome.state) as MasteryStatusEnum,
      feedback: correct ? params.correctFeedback : params.wrongFeedback,
      unlockedSkills: outcome.becameProficient
        ? await this.newlyUnlocked(userId, skillSlug, outcome.state)
        : [],
      wasReview: outcome.wasReview,
    };
    return { mastery: outcome.state, awards: [...answerAwards, ...rewards.awards], rewards, result };
  }

  /** The exercise is answered: the same key replays the stored result; any other key is refused. */
  private async replay(userId: string, input: SubmitAnswerInput): Promise<AnswerResultModel> {
    const [first] = await this.db.query<{ exercise_id: string; result: AnswerResultModel }[]>(
      `SELECT exercise_id, result FROM attempts WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, input.idempotencyKey],
    );
    // Results stored before badges existed carry no badgesEarned: they earned none.
    if (first?.exercise_id === input.exerciseId)
      return { ...first.result, badgesEarned: first.result.badgesEarned ?? [] };
    throw new PeerliftError(
      ErrorCode.ALREADY_ANSWERED,
      'This exercise was already answered. Ask for the next one.',
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
