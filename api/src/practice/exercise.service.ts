import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  isSkillUnlocked,
  type ExpectedAnswer,
  type MasteryLevel,
  type SkillDefinition,
} from '@peerlift/domain';
import { requireSkill } from '../curriculum/skills.service';
import { InjectDataSource } from '../database/inject-data-source';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { ActivityKindEnum, type RecordActivityInput } from './dto/submit-answer.input';
import { NEXT_EXERCISE, UNLOCKING_LEVELS } from './exercise-statements';
import { preparedRows } from '../database/sql';
import type { ExerciseModel } from './models/exercise.model';

/** Recent prompts a new exercise must differ from: a 10-in-a-row streak never repeats a question. */
export const DISTINCT_FROM_LAST = 10;
const MAX_SEED_TRIES = 25;

@Injectable()
export class ExerciseService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The learner's open exercise in this skill, or a new one; a reload shows the same question. One statement
   * reads the prerequisite levels, the open exercise and the recent prompts, and creates the exercise from
   * candidates drawn here (the generators are domain code), so the common case is a single round trip.
   */
  async next(userId: string, slug: string): Promise<ExerciseModel> {
    const skill = requireSkill(slug);
    const [ctx] = await preparedRows<{
      levels: Record<string, MasteryLevel>;
      open: ExerciseModel | null;
      created: ExerciseModel | null;
    }>(this.db, NEXT_EXERCISE, [userId, slug, ...exerciseDraw(skill)]);
    if (!isSkillUnlocked(skill.prerequisites, (s) => ctx.levels[s] ?? 'NOT_STARTED')) {
      throw new PeerliftError(
        ErrorCode.SKILL_LOCKED,
        `"${skill.title}" unlocks when its prerequisites are proficient.`,
      );
    }
    // Neither open nor created: a concurrent request created it first; return that one.
    return ctx.open ?? ctx.created ?? (await this.findOpen(userId, slug))!;
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

/**
 * What NEXT_EXERCISE needs after the user and skill ($3–$6): the prerequisites, how many recent prompts to
 * avoid, the unlocking levels and the candidates as JSON.
 */
export function exerciseDraw(skill: SkillDefinition): [readonly string[], number, readonly string[], string] {
  return [
    skill.prerequisites,
    DISTINCT_FROM_LAST,
    UNLOCKING_LEVELS,
    JSON.stringify(exerciseCandidates(skill)),
  ];
}

/**
 * Up to DISTINCT_FROM_LAST + 1 exercises with distinct prompts — enough that one differs from the recent
 * ones — drawn from at most MAX_SEED_TRIES seeds (a small skill may have fewer prompts: then it repeats).
 */
export function exerciseCandidates(
  skill: SkillDefinition,
): { seed: number; prompt: string; expected: ExpectedAnswer }[] {
  const byPrompt = new Map<string, { seed: number; prompt: string; expected: ExpectedAnswer }>();
  for (let i = 0; i < MAX_SEED_TRIES && byPrompt.size <= DISTINCT_FROM_LAST; i++) {
    const seed = randomInt(0, 2 ** 31 - 1);
    const { prompt, expected } = skill.generate(seed);
    if (!byPrompt.has(prompt)) byPrompt.set(prompt, { seed, prompt, expected });
  }
  return [...byPrompt.values()];
}
