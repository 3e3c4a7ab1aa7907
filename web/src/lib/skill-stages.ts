// Groups the knowledge map into stages for display. The contract carries no topic field, so a
// skill's stage is its depth in the prerequisite graph: stage 1 needs nothing, stage n needs
// something from stage n−1. Teaching order is kept within each stage.
import type { SkillSummary } from './graphql/skills';
import { isProficient } from './mastery-display';

export interface SkillStage {
  number: number;
  skills: SkillSummary[];
  proficientCount: number;
}

/** Longest prerequisite chain below each skill (0 = no prerequisites). Unknown slugs and cycles are ignored. */
export function prerequisiteDepths(skills: readonly SkillSummary[]): Map<string, number> {
  const bySlug = new Map(skills.map((skill) => [skill.slug, skill]));
  const depths = new Map<string, number>();
  const visiting = new Set<string>();

  const depthOf = (slug: string): number => {
    const known = depths.get(slug);
    if (known !== undefined) return known;
    const skill = bySlug.get(slug);
    if (!skill || visiting.has(slug)) return -1;
    visiting.add(slug);
    const below = skill.prerequisites.map((p) => depthOf(p.slug));
    visiting.delete(slug);
    const depth = 1 + Math.max(-1, ...below);
    depths.set(slug, depth);
    return depth;
  };

  for (const skill of skills) depthOf(skill.slug);
  return depths;
}

export function groupIntoStages(skills: readonly SkillSummary[]): SkillStage[] {
  const depths = prerequisiteDepths(skills);
  const stages = new Map<number, SkillSummary[]>();
  for (const skill of skills) {
    const depth = depths.get(skill.slug) ?? 0;
    stages.set(depth, [...(stages.get(depth) ?? []), skill]);
  }
  return [...stages.entries()]
    .sort(([a], [b]) => a - b)
    .map(([depth, members], index) => ({
      number: index + 1,
      skills: members,
      proficientCount: members.filter(isProficient).length,
    }));
}

/** The skill to suggest first: one already under way, else the first open one in teaching order. */
export function suggestedSkill(skills: readonly SkillSummary[]): SkillSummary | undefined {
  const open = skills.filter((skill) => skill.unlocked && !isProficient(skill));
  return open.find((skill) => skill.status === 'WORKING' || skill.status === 'STUCK') ?? open[0];
}

export interface MapSummary {
  total: number;
  proficient: number;
}

export function summarise(skills: readonly SkillSummary[]): MapSummary {
  return { total: skills.length, proficient: skills.filter(isProficient).length };
}

/** Titles of a skill's prerequisites that are not proficient yet (what "needs:" lists on a locked card). */
export function unmetPrerequisites(skill: SkillSummary, bySlug: ReadonlyMap<string, SkillSummary>): string[] {
  return skill.prerequisites
    .filter((ref) => {
      const prerequisite = bySlug.get(ref.slug);
      return !prerequisite || !isProficient(prerequisite);
    })
    .map((ref) => ref.title);
}
