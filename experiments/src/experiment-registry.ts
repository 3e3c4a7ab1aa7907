import { correctFeedbackWording } from './definitions/correct-feedback-wording';
import { pointsPerCorrectAnswer } from './definitions/points-per-correct-answer';
import { proficiencyStreakLength } from './definitions/proficiency-streak-length';
import { stuckPromptPeerInvite } from './definitions/stuck-prompt-peer-invite';
import type { ExperimentDefinition } from './experiment-definition';
import { assertValidExperimentDefinitions } from './validate-experiment-definitions';

/**
 * Every experiment Peerlift knows. Adding one = adding a file under `definitions/` and a line here.
 * Validated when this module loads, so an invalid definition stops the api and worker at start-up
 * (and fails this project's tests) instead of reaching learners.
 */
export const EXPERIMENT_DEFINITIONS: readonly ExperimentDefinition[] = createExperimentRegistry([
  correctFeedbackWording,
  pointsPerCorrectAnswer,
  stuckPromptPeerInvite,
  proficiencyStreakLength,
]);

/** Validates `definitions` (throwing on any issue) and returns them frozen. */
export function createExperimentRegistry(
  definitions: readonly ExperimentDefinition[],
): readonly ExperimentDefinition[] {
  assertValidExperimentDefinitions(definitions);
  return Object.freeze([...definitions]);
}

/** The definition with `key`, or undefined. */
export function findExperimentDefinition(
  definitions: readonly ExperimentDefinition[],
  key: string,
): ExperimentDefinition | undefined {
  return definitions.find((definition) => definition.key === key);
}
