// The knowledge map's types, named for the app. Operations and types are generated (generated.ts).
import type { SkillQuery, SkillsQuery } from './generated';

export { SKILL, SKILLS } from './generated';
export type { MasteryLevel, MasteryStatus } from './generated';

export interface SkillRef {
  slug: string;
  title: string;
}

/** One card on the knowledge map. */
export type SkillSummary = SkillsQuery['skills'][number];

/** A skill with its lesson, for the practice page. */
export type Skill = SkillQuery['skill'];

export type Lesson = Skill['lesson'];

/** The per-learner progress fields that both the map and an answer result carry. */
export type SkillProgress = Pick<SkillSummary, 'level' | 'status' | 'streak' | 'streakToProficient'>;
