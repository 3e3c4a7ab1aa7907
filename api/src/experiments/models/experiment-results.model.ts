import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ExperimentDecisionEnum {
  NO_DATA = 'NO_DATA',
  CHECK_SRM = 'CHECK_SRM',
  SHIP = 'SHIP',
  DO_NOT_SHIP = 'DO_NOT_SHIP',
  KEEP_CONTROL = 'KEEP_CONTROL',
  NO_MEANINGFUL_DIFFERENCE = 'NO_MEANINGFUL_DIFFERENCE',
  KEEP_RUNNING = 'KEEP_RUNNING',
}
registerEnumType(ExperimentDecisionEnum, {
  name: 'ExperimentDecision',
  description: 'A reading aid from the primary metric, guardrails and SRM; see decisionReason.',
});

export enum GuardrailStatusEnum {
  OK = 'OK',
  VIOLATED = 'VIOLATED',
  UNAVAILABLE = 'UNAVAILABLE',
}
registerEnumType(GuardrailStatusEnum, { name: 'GuardrailStatus' });

@ObjectType('ExperimentExposureCount')
export class ExposureCountModel {
  @Field() variation!: string;
  @Field(() => Int, { description: 'Exposed units: learners, or classrooms when randomised by classroom.' })
  units!: number;
  @Field(() => Float) expectedShare!: number;
  @Field(() => Float) observedShare!: number;
}

@ObjectType('ExperimentVariationResult')
export class VariationResultModel {
  @Field() variation!: string;
  @Field(() => Int, { description: 'Units with a value of this metric.' }) users!: number;
  @Field(() => Float) mean!: number;
  @Field(() => Float, { nullable: true, description: 'Relative lift vs control; null for the control.' })
  relativeLift!: number | null;
  @Field(() => Float, { nullable: true }) ciLow!: number | null;
  @Field(() => Float, { nullable: true }) ciHigh!: number | null;
  @Field(() => Float, { nullable: true }) pValue!: number | null;
  @Field(() => Float, { nullable: true, description: 'Holm-adjusted across the treatment arms.' })
  adjustedPValue!: number | null;
  @Field(() => Float, { nullable: true }) chanceToWin!: number | null;
  @Field(() => String, { nullable: true, description: 'better, worse, inconclusive, withheld or no-data.' })
  verdict!: string | null;
}

@ObjectType('ExperimentMetricResult')
export class MetricResultModel {
  @Field() metric!: string;
  @Field({ description: 'primary or guardrail.' }) role!: string;
  @Field({ description: 'binomial or mean.' }) type!: string;
  @Field({ description: 'higher or lower is better.' }) direction!: string;
  @Field({ description: 'False when a table it is computed from does not exist.' }) available!: boolean;
  @Field(() => GuardrailStatusEnum, { nullable: true }) guardrailStatus!: GuardrailStatusEnum | null;
  @Field(() => [VariationResultModel]) variations!: VariationResultModel[];
}

/** Aggregates only: experimenters never see individual learners. */
@ObjectType('ExperimentResults')
export class ExperimentResultsModel {
  @Field() experimentKey!: string;
  @Field(() => Int) phase!: number;
  @Field(() => Date) computedAt!: Date;
  @Field() unit!: string;
  @Field(() => [ExposureCountModel]) exposures!: ExposureCountModel[];
  @Field(() => Float) srmPValue!: number;
  @Field() sampleRatioMismatch!: boolean;
  @Field(() => ExperimentDecisionEnum) decision!: ExperimentDecisionEnum;
  @Field() decisionReason!: string;
  @Field(() => [MetricResultModel]) metrics!: MetricResultModel[];
}
