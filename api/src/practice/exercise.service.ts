import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isSkillUnlocked, type SkillDefinition } from '@peerlift/domain';
import { levelLookup, requireSkill, SkillsService } from '../curriculum/skills.service';
import { InjectDataSource } from '../database/inject-data-source';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import type { RecordActivityInput } from './dto/submit-answer.input';
import type { ExerciseModel } from './models/exercise.model';

/** Recent prompts a new exercise must differ from: a 10-in-a-row streak never repeats a question. */
const DISTINCT_FROM_LAST = 10;
const MAX_SEED_TRIES = 25;

@Injectable()
export class ExerciseService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly skills: SkillsService,
  ) {}

  /** The learner's open exercise in this skill, or a new one; a reload shows the same question. */
  async next(userId: string, slug: string): Promise<ExerciseModel> {
    const skill = requireSkill(slug);
    const states = await this.skills.masteryByslug(userId);
    if (!isSkillUnlocked(skill.prerequisites, levelLookup(states))) {
      throw new PeerliftError(ErrorCode.SKILL_LOCKED, `"${skill.title}" unlocks when its prerequisites are proficient.`);
    }
    const open = await this.findOpen(userId, slug);
    if (open) return open;
    const recent = (await this.db.query(
      `SELECT prompt FROM exercises WHERE user_id = $1 AND skill_slug = $2 ORDER BY created_at DESC LIMIT $3`,
      [userId, slug, DISTINCT_FROM_LAST],
    )) as { prompt: string }[];
    const { seed, exercise } = freshExercise(skill, new Set(recent.map((r) => r.prompt)));
    const inserted = (await this.db.query(
      `INSERT INTO exercises (user_id, skill_slug, seed, prompt, expected) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, skill_slug) WHERE answered_at IS NULL DO NOTHING
       RETURNING id, skill_slug AS "skillSlug", prompt`,
      [userId, slug, seed, exercise.prompt, JSON.stringify(exercise.expected)],
    )) as ExerciseModel[];
    // A concurrent request created it first: return that one.
    return inserted[0] ?? (await this.findOpen(userId, slug))!;
  }

  async recordActivity(userId: string, input: RecordActivityInput): Promise<boolean> {
    requireSkill(input.skillSlug);
    const isVideo = input.kind !== 'LESSON_VIEWED';
    if (isVideo !== (input.positionSeconds !== undefined && input.positionSeconds !== null)) {
      throw new PeerliftError(ErrorCode.BAD_USER_INPUT, 'Video events carry positionSeconds; lesson views do not.');
    }
    await this.db.query(
      `INSERT INTO activity_events (user_id, skill_slug, kind, position_seconds) VALUES ($1, $2, $3, $4)`,
      [userId, input.skillSlug, input.kind, input.positionSeconds ?? null],
    );
    return true;
  }

  private async findOpen(userId: string, slug: string): Promise<ExerciseModel | undefined> {
    const rows = (await this.db.query(
      `SELECT id, skill_slug AS "skillSlug", prompt FROM exercises
       WHERE user_id = $1 AND skill_slug = $2 AND answered_at IS NULL`,
      [userId, slug],
    )) as ExerciseModel[];
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
