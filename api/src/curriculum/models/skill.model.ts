import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum MasteryLevelEnum {
  NOT_STARTED = 'NOT_STARTED',
  ATTEMPTED = 'ATTEMPTED',
  FAMILIAR = 'FAMILIAR',
  PROFICIENT = 'PROFICIENT',
  MASTERED = 'MASTERED',
}
registerEnumType(MasteryLevelEnum, { name: 'MasteryLevel' });

export enum MasteryStatusEnum {
  NOT_STARTED = 'NOT_STARTED',
  WORKING = 'WORKING',
  STUCK = 'STUCK',
  PROFICIENT = 'PROFICIENT',
}
registerEnumType(MasteryStatusEnum, {
  name: 'MasteryStatus',
  description: 'Dashboard colour: PROFICIENT green (also for MASTERED), WORKING blue, STUCK red.',
});

@ObjectType('SkillRef')
export class SkillRefModel {
  @Field() slug!: string;
  @Field() title!: string;
}

@ObjectType('Lesson')
export class LessonModel {
  @Field() text!: string;
  @Field(() => String, { nullable: true }) videoUrl!: string | null;
}

/** A skill of the knowledge map as the signed-in learner sees it. */
@ObjectType('Skill')
export class SkillModel {
  @Field() slug!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => [SkillRefModel]) prerequisites!: SkillRefModel[];
  @Field() unlocked!: boolean;
  @Field(() => MasteryLevelEnum) level!: MasteryLevelEnum;
  @Field(() => MasteryStatusEnum) status!: MasteryStatusEnum;
  @Field(() => Int, { description: 'Correct answers in a row right now.' }) streak!: number;
  @Field(() => Int, { description: 'Correct answers in a row that make this skill PROFICIENT for me.' })
  streakToProficient!: number;
  @Field(() => Int) attempts!: number;
  @Field(() => Int) correct!: number;
  @Field(() => Float, { description: 'Bayesian Knowledge Tracing estimate of P(known), 0..1.' })
  pKnown!: number;
  @Field(() => Date, { nullable: true, description: 'When a review that can confirm mastery is due.' })
  reviewDueAt!: Date | null;
  @Field(() => LessonModel) lesson!: LessonModel;
}
