import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ExperimentStatusEnum {
  DRAFT = 'DRAFT',
  RUNNING = 'RUNNING',
  STOPPED = 'STOPPED',
}
registerEnumType(ExperimentStatusEnum, { name: 'ExperimentStatus' });

@ObjectType('ExperimentVariation')
export class ExperimentVariationModel {
  @Field() key!: string;
  @Field() name!: string;
  @Field({ description: 'The parameter value this arm gets, as text (numbers too).' }) value!: string;
  @Field(() => Float, { description: 'Traffic share, 0–1.' }) weight!: number;
}

/** An experiment as the experimenter sees it: the definition (code) with its state (Postgres). */
@ObjectType('Experiment')
export class ExperimentModel {
  @Field() key!: string;
  @Field() name!: string;
  @Field() hypothesis!: string;
  @Field() owner!: string;
  @Field({ description: 'The parameter it varies, e.g. copy.correctFeedback.' }) parameter!: string;
  @Field(() => ExperimentStatusEnum) status!: ExperimentStatusEnum;
  @Field(() => Int, { description: 'Increments on every start; exposures and results are per phase.' })
  phase!: number;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) stoppedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Variation shipped to everyone after the stop.' })
  winner!: string | null;
  @Field({ description: 'user or classroom: the unit randomised.' }) hashUnit!: string;
  @Field() primaryMetric!: string;
  @Field(() => [String]) guardrailMetrics!: string[];
  @Field(() => Float) minimumDetectableEffect!: number;
  @Field(() => [ExperimentVariationModel], {
    description: 'While running or stopped: the locked variations and weights of the current phase.',
  })
  variations!: ExperimentVariationModel[];
  @Field({
    description:
      'True when the code definition differs from the one locked by the current phase (weights only: start again for a new phase).',
  })
  definitionChanged!: boolean;
}
