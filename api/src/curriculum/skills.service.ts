import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CURRICULUM,
  findSkill,
  isSkillUnlocked,
  masteryStatus,
  type MasteryLevel,
  type MasteryState,
  type SkillDefinition,
} from '@peerlift/domain';
import { InjectDataSource } from '../database/inject-data-source';
import { ParametersService } from '../experiments/parameters.service';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { MASTERY_COLUMNS, masteryStateFromRow, type MasteryRow } from './mastery-row';
import type { MasteryLevelEnum, MasteryStatusEnum, SkillModel } from './models/skill.model';

const TITLES = new Map(CURRICULUM.map((s) => [s.slug, s.title]));

@Injectable()
export class SkillsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly parameters: ParametersService,
  ) {}

  async listForUser(userId: string): Promise<SkillModel[]> {
    const states = await this.masteryByslug(userId);
    const streakToProficient = (await this.parameters.forUser(userId)).streakToProficient;
    return CURRICULUM.map((skill) => toModel(skill, states, streakToProficient));
  }

  async getForUser(userId: string, slug: string): Promise<SkillModel> {
    const skill = requireSkill(slug);
    const states = await this.masteryByslug(userId);
    return toModel(skill, states, (await this.parameters.forUser(userId)).streakToProficient);
  }

  async masteryByslug(userId: string): Promise<Map<string, MasteryState>> {
    const rows = await this.db.query<MasteryRow[]>(
      `SELECT ${MASTERY_COLUMNS} FROM mastery WHERE user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.skill_slug, masteryStateFromRow(r)]));
  }
}

export function requireSkill(slug: string): SkillDefinition {
  const skill = findSkill(slug);
  if (!skill) throw new PeerliftError(ErrorCode.NOT_FOUND, `There is no skill "${slug.slice(0, 64)}".`);
  return skill;
}

export function levelLookup(states: Map<string, MasteryState>): (slug: string) => MasteryLevel {
  return (slug) => states.get(slug)?.level ?? 'NOT_STARTED';
}

function toModel(
  skill: SkillDefinition,
  states: Map<string, MasteryState>,
  streakToProficient: number,
): SkillModel {
  const state = states.get(skill.slug) ?? masteryStateFromRow(undefined);
  return {
    slug: skill.slug,
    title: skill.title,
    description: skill.description,
    prerequisites: skill.prerequisites.map((slug) => ({ slug, title: TITLES.get(slug) ?? slug })),
    unlocked: isSkillUnlocked(skill.prerequisites, levelLookup(states)),
    level: state.level as MasteryLevelEnum,
    status: masteryStatus(state) as MasteryStatusEnum,
    streak: state.streak,
    streakToProficient,
    attempts: state.attempts,
    correct: state.correct,
    pKnown: state.pKnown,
    reviewDueAt: state.reviewDueAt ? new Date(state.reviewDueAt) : null,
    lesson: { text: skill.lesson.text, videoUrl: skill.lesson.videoUrl ?? null },
  };
}
