import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DailyStreak', { description: "Days in a row with practice, in the learner's own time zone." })
export class DailyStreakModel {
  @Field(() => Int, { description: 'Current streak in days; 0 once missed days outnumber the freezes held.' })
  current!: number;
  @Field(() => Int) longest!: number;
  @Field(() => Int, {
    description: 'Freezes held (at most 2): each covers one missed day, used automatically.',
  })
  freezes!: number;
  @Field(() => Int) freezesUsed!: number;
  @Field(() => String, {
    nullable: true,
    description: "Last practice day, YYYY-MM-DD in the learner's time zone.",
  })
  lastPracticeDay!: string | null;
  @Field() practisedToday!: boolean;
}
