import { operation } from './client';

export type MasteryLevel = 'NOT_STARTED' | 'ATTEMPTED' | 'FAMILIAR' | 'PROFICIENT' | 'MASTERED';
export type MasteryStatus = 'NOT_STARTED' | 'WORKING' | 'STUCK' | 'PROFICIENT';

export interface SkillRef {
  slug: string;
  title: string;
}

export interface Lesson {
  text: string;
  videoUrl: string | null;
}

/** The per-learner progress fields that both the map and an answer result carry. */
export interface SkillProgress {
  level: MasteryLevel;
  status: MasteryStatus;
  streak: number;
  streakToProficient: number;
}

/** One card on the knowledge map. */
export interface SkillSummary extends SkillProgress {
  slug: string;
  title: string;
  prerequisites: SkillRef[];
  unlocked: boolean;
  attempts: number;
}

/** A skill with its lesson, for the practice page. */
export interface Skill extends SkillSummary {
  description: string;
  lesson: Lesson;
}

const SUMMARY_FIELDS = `
  slug title unlocked level status streak streakToProficient attempts
  prerequisites { slug title }
`;

/** The whole map, in teaching order. */
export const SKILLS = operation<{ skills: SkillSummary[] }>(`
  query Skills {
    skills { ${SUMMARY_FIELDS} }
  }
`);

export const SKILL = operation<{ skill: Skill | null }, { slug: string }>(`
  query Skill($slug: String!) {
    skill(slug: $slug) {
      ${SUMMARY_FIELDS}
      description
      lesson { text videoUrl }
    }
  }
`);
