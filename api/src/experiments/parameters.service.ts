import { Injectable } from '@nestjs/common';
import { DEFAULT_POINT_VALUES, DEFAULT_STREAK_TO_PROFICIENT, type PointValues } from '@peerlift/domain';

/** The numbers and words of the learning loop that experiments may vary, resolved for one learner. */
export interface LearnerParameters {
  streakToProficient: number;
  pointValues: PointValues;
  correctFeedback: string;
  wrongFeedback: string;
}

export const DEFAULT_LEARNER_PARAMETERS: LearnerParameters = Object.freeze({
  streakToProficient: DEFAULT_STREAK_TO_PROFICIENT,
  pointValues: DEFAULT_POINT_VALUES,
  correctFeedback: 'Correct — nice work!',
  wrongFeedback: 'Not quite. Look at the answer, then try the next one.',
});

/**
 * Code reads parameters, never experiment keys. Until experiments are running this returns the defaults;
 * the experiments feature evaluates the GrowthBook payload here.
 */
@Injectable()
export class ParametersService {
  forUser(_userId: string): LearnerParameters {
    return DEFAULT_LEARNER_PARAMETERS;
  }
}
