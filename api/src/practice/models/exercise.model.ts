import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BadgeRefModel } from '../../badges/models/badge.model';
import { MasteryLevelEnum, MasteryStatusEnum, SkillRefModel } from '../../curriculum/models/skill.model';

/** What the learner sees of an exercise. The expected answer is deliberately not a field. */
@ObjectType('Exercise')
export class ExerciseModel {
  @Field(() => ID) id!: string;
  @Field() skillSlug!: string;
  @Field() prompt!: string;
}

@ObjectType('AnswerResult')
export class AnswerResultModel {
  @Field() correct!: boolean;
  @Field(() => String, { nullable: true, description: 'Only after a wrong answer.' }) expectedAnswer!:
    string | null;
  @Field(() => Int) streak!: number;
  @Field(() => Int) streakToProficient!: number;
  @Field(() => MasteryLevelEnum) level!: MasteryLevelEnum;
  @Field(() => MasteryStatusEnum) status!: MasteryStatusEnum;
  @Field(() => Int, {
    description: 'Everything this answer paid: the answer, bonuses, streak milestone, badges.',
  })
  pointsAwarded!: number;
  @Field(() => Int) totalPoints!: number;
  @Field(() => [BadgeRefModel], {
    description: 'Badges this answer earned (each is awarded once per learner).',
  })
  badgesEarned!: BadgeRefModel[];
  @Field({ description: 'Feedback wording (may come from an experiment).' }) feedback!: string;
  @Field(() => [SkillRefModel]) unlockedSkills!: SkillRefModel[];
  @Field({ description: 'True when this answer was a review that can confirm mastery.' }) wasReview!: boolean;
  /** The answered exercise's skill, for the `nextExercise` field (not itself a field). */
  skillSlug?: string;
  /** The next exercise when the answer's statement created it (not itself a field: see `nextExercise`). */
  createdNext?: ExerciseModel | null;
}
