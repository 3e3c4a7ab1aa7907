import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isSkillUnlocked, type MasteryLevel, type SkillDefinition } from '@peerlift/domain';
import { requireSkill } from '../curriculum/skills.service';
import { InjectDataSource } from '../database/inject-data-source';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { ActivityKindEnum, type RecordActivityInput } from './dto/submit-answer.input';
import { INSERT_EXERCISE_SQL, NEXT_EXERCISE_CONTEXT_SQL } from './exercise-statements';
import type { ExerciseModel } from './models/exercise.model';

/** Recent prompts a new exercise must differ from: a 10-in-a-row streak never repeats a question. */
const DISTINCT_FROM_LAST = 10;
const MAX_SEED_TRIES = 25;

@Injectable()
export class ExerciseService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The learner's open exercise in this skill, or a new one; a reload shows the same question.
   * One round trip reads everything the decision needs (prerequisite levels, the open exercise, recent
   * prompts) and a second inserts: on this kind of machine each statement's socket write is costly.
   */
  async next(userId: string, slug: string): Promise<ExerciseModel> {
    const skill = requireSkill(slug);
    const [ctx] = await this.db.query<
      { levels: Record<string, MasteryLevel>; open: ExerciseModel | null; recent: string[] }[]
    >(NEXT_EXERCISE_CONTEXT_SQL, [userId, slug, skill.prerequisites, DISTINCT_FROM_LAST]);
    if (!isSkillUnlocked(skill.prerequisites, (s) => ctx.levels[s] ?? 'NOT_STARTED')) {
      throw new PeerliftError(
        ErrorCode.SKILL_LOCKED,
        `"${skill.title}" unlocks when its prerequisites are proficient.`,
      );
    }
    if (ctx.open) return ctx.open;
    const { seed, exercise } = freshExercise(skill, new Set(ctx.recent));
    const inserted = await this.db.query<ExerciseModel[]>(INSERT_EXERCISE_SQL, [
      userId,
      slug,
      seed,
      exercise.prompt,
      JSON.stringify(exercise.expected),
    ]);
    // A concurrent request created it first: return that one.
    return inserted[0] ?? (await this.findOpen(userId, slug))!;
  }

  async recordActivity(userId: string, input: RecordActivityInput): Promise<boolean> {
    requireSkill(input.skillSlug);
    const isVideo = input.kind !== ActivityKindEnum.LESSON_VIEWED;
    if (isVideo !== (input.positionSeconds !== undefined && input.positionSeconds !== null)) {
      throw new PeerliftError(
        ErrorCode.BAD_USER_INPUT,
        'Video events carry positionSeconds; lesson views do not.',
      );
    }
    await this.db.query(
      `INSERT INTO activity_events (user_id, skill_slug, kind, position_seconds) VALUES ($1, $2, $3, $4)`,
      [userId, input.skillSlug, input.kind, input.positionSeconds ?? null],
    );
    return true;
  }

  private async findOpen(userId: string, slug: string): Promise<ExerciseModel | undefined> {
    const rows = await this.db.query<ExerciseModel[]>(
      `SELECT id, skill_slug AS "skillSlug", prompt FROM exercises
       WHERE user_id = $1 AND skill_slug = $2 AND answered_at IS NULL`,
      [userId, slug],
    );
    return rows[0];
  }
}

/** Draws seeds until the prompt differs from the recent ones (small skills may run out: then accept a repeat). */
function freshExercise(skill: SkillDefinition, recentPrompts: ReadonlySet<string>) {
  let seed = randomInt(0, 2 ** 31 - 1);
  let exercise = skill.generate(seed);
  for (let i = 1; i < MAX_SEED_TRIES && recentPrompts.has(exercise.prompt); i++) {
    seed = randomInt(0, 2 ** 31 - 1);
    exercise = skill.generate(seed);
  }
  return { seed, exercise };
}
