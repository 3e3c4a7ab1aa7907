import { type MasteryLevel, isProficientOrBetter } from './mastery-level';

/**
 * Whether a skill is open to a learner: every prerequisite is PROFICIENT or MASTERED (DESIGN §4,
 * "A skill unlocks when all its prerequisites are PROFICIENT"). A skill without prerequisites is always
 * unlocked. A later failed review that drops a prerequisite below PROFICIENT locks the skill again; callers
 * that must not re-lock started work should check their own history.
 *
 * @param prerequisites slugs of the skill's direct prerequisites.
 * @param levelOf the learner's level in a skill (NOT_STARTED for skills never practised).
 */
export function isSkillUnlocked(
  prerequisites: readonly string[],
  levelOf: (slug: string) => MasteryLevel,
): boolean {
  return prerequisites.every((slug) => isProficientOrBetter(levelOf(slug)));
}
