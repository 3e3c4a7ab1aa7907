import { ADDITION_SUBTRACTION_SKILLS } from './addition-subtraction-skills';
import { ALGEBRA_SKILLS } from './algebra-skills';
import { DECIMAL_SKILLS } from './decimal-skills';
import { FRACTION_BASICS_SKILLS } from './fraction-basics-skills';
import { FRACTION_OPERATION_SKILLS } from './fraction-operation-skills';
import { INTEGER_OPERATION_SKILLS } from './integer-operation-skills';
import { MULTIPLICATION_DIVISION_SKILLS } from './multiplication-division-skills';
import { PERCENT_RATIO_SKILLS } from './percent-ratio-skills';
import type { SkillDefinition } from './skill-definition';

/**
 * The knowledge map: every skill in teaching order — each skill comes after all of its prerequisites, and
 * the first one (`add-within-10`) is the only root. Frozen; the order is stable and meant for display.
 */
export const CURRICULUM: readonly SkillDefinition[] = Object.freeze([
  ...ADDITION_SUBTRACTION_SKILLS,
  ...MULTIPLICATION_DIVISION_SKILLS,
  ...INTEGER_OPERATION_SKILLS,
  ...FRACTION_BASICS_SKILLS,
  ...FRACTION_OPERATION_SKILLS,
  ...DECIMAL_SKILLS,
  ...PERCENT_RATIO_SKILLS,
  ...ALGEBRA_SKILLS,
]);

const SKILLS_BY_SLUG: ReadonlyMap<string, SkillDefinition> = new Map(
  CURRICULUM.map((skill) => [skill.slug, skill]),
);

/** The skill with this slug, or `undefined` when there is none (slugs are case-sensitive). */
export function findSkill(slug: string): SkillDefinition | undefined {
  return SKILLS_BY_SLUG.get(slug);
}
