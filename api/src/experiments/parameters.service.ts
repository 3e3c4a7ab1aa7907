import { Injectable } from '@nestjs/common';
import type { Attributes, TrackingCallback, UserScopedGrowthBook } from '@growthbook/growthbook';
import { DataSource } from 'typeorm';
import {
  DEFAULT_POINT_VALUES,
  leagueArmKey,
  type PointExperimentArm,
  type PointValues,
} from '@peerlift/domain';
import {
  PARAMETER_KEYS,
  PARAMETERS,
  parameterSeparatesLeagueCohorts,
  parameterValueProblem,
  type ParameterKey,
} from '@peerlift/experiments';
import { InjectDataSource } from '../database/inject-data-source';
import { ExposureRecorder } from './exposure-recorder.service';
import { FeaturesPayloadService } from './features-payload.service';

/** The numbers and words of the learning loop that experiments may vary, resolved for one learner. */
export interface LearnerParameters {
  readonly streakToProficient: number;
  readonly pointValues: PointValues;
  readonly correctFeedback: string;
  readonly wrongFeedback: string;
}

/** Not an experiment parameter (yet): the same for everyone. */
const WRONG_FEEDBACK = 'Not quite. Look at the answer, then try the next one.';

export const DEFAULT_LEARNER_PARAMETERS: LearnerParameters = Object.freeze({
  streakToProficient: PARAMETERS['mastery.streakToProficient'].defaultValue,
  pointValues: DEFAULT_POINT_VALUES,
  correctFeedback: PARAMETERS['copy.correctFeedback'].defaultValue,
  wrongFeedback: WRONG_FEEDBACK,
});

/**
 * Code reads parameters, never experiment keys (DESIGN.md §4). Each parameter is a GrowthBook feature
 * evaluated here, server-side, with the official SDK, for everything that matters to fairness (points,
 * the proficiency rule) and for the wording the api returns.
 *
 * Exposure is logged when a value is *read*: `forUser` returns lazy getters over one scoped SDK instance,
 * so listing skills (which reads only the streak rule) never exposes a learner to a points or wording
 * experiment. Attributes are `id` and, when an active experiment needs it, `classroomId` — the classroom
 * the learner joined first, so a learner in several classes is hashed by one of them consistently.
 */
@Injectable()
export class ParametersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly payload: FeaturesPayloadService,
    private readonly exposures: ExposureRecorder,
  ) {}

  async forUser(userId: string): Promise<LearnerParameters> {
    const scoped = this.scoped(await this.attributesFor(userId), this.trackingFor(userId));
    const read = <P extends ParameterKey>(parameter: P) => parameterValue(scoped, parameter);
    return {
      get streakToProficient() {
        return read('mastery.streakToProficient') as number;
      },
      get pointValues() {
        return { ...DEFAULT_POINT_VALUES, correctAnswer: read('points.correctAnswer') as number };
      },
      get correctFeedback() {
        return read('copy.correctFeedback') as string;
      },
      wrongFeedback: WRONG_FEEDBACK,
    };
  }

  /**
   * The league arm of a learner: `leagueArmKey` over their variations in every running experiment on a
   * parameter that changes how fast points accrue (`points.correctAnswer`); 'none' when in none. Evaluated
   * without logging an exposure: placing someone in a league is not showing them a variation.
   */
  async pointsArmKey(userId: string): Promise<string> {
    const scoped = this.scoped(await this.attributesFor(userId), undefined);
    const arms: PointExperimentArm[] = [];
    for (const parameter of PARAMETER_KEYS.filter(parameterSeparatesLeagueCohorts)) {
      const result = scoped.evalFeature(parameter);
      if (result.source === 'experiment' && result.experiment && result.experimentResult?.inExperiment) {
        arms.push({ experimentKey: result.experiment.key, variationId: result.experimentResult.key });
      }
    }
    return leagueArmKey(arms);
  }

  /**
   * Logs that the learner was shown `parameter` (the web app reads wording such as the stuck prompt from
   * the payload itself and reports it here). The variation is evaluated here, never taken from the client.
   * Returns true when the learner is in a running experiment on it.
   */
  async recordExposure(userId: string, parameter: ParameterKey): Promise<boolean> {
    const scoped = this.scoped(await this.attributesFor(userId), this.trackingFor(userId));
    return scoped.evalFeature(parameter).source === 'experiment';
  }

  private scoped(
    attributes: Attributes,
    trackingCallback: TrackingCallback | undefined,
  ): UserScopedGrowthBook {
    return this.payload.client.createScopedInstance({
      attributes,
      ...(trackingCallback ? { trackingCallback } : {}),
    });
  }

  private trackingFor(userId: string): TrackingCallback {
    return (experiment, result) => {
      this.exposures.record({
        experimentKey: experiment.key,
        phase: Number(experiment.phase ?? 0),
        userId,
        variationKey: result.key,
        hashValue: String(result.hashValue),
        seenAt: new Date(),
      });
    };
  }

  private async attributesFor(userId: string): Promise<Attributes> {
    if (!this.payload.needsClassroomAttribute()) return { id: userId };
    const rows = await this.db.query<{ classroom_id: string }[]>(
      `SELECT classroom_id FROM classroom_members WHERE user_id = $1 ORDER BY joined_at, classroom_id LIMIT 1`,
      [userId],
    );
    return rows[0] ? { id: userId, classroomId: rows[0].classroom_id } : { id: userId };
  }
}

/** The SDK's value, or the parameter's default if the payload ever carried something invalid. */
function parameterValue(scoped: UserScopedGrowthBook, parameter: ParameterKey): string | number {
  const value: unknown = scoped.evalFeature(parameter).value;
  return parameterValueProblem(parameter, value) === null
    ? (value as string | number)
    : PARAMETERS[parameter].defaultValue;
}
