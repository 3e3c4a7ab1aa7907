import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LeaderboardPeriodEnum, LeaderboardScopeEnum } from '../models/leaderboard.model';

export const MAX_LEADERBOARD_FIRST = 100;

@ArgsType()
export class LeaderboardArgs {
  @Field(() => LeaderboardScopeEnum) @IsEnum(LeaderboardScopeEnum) scope!: LeaderboardScopeEnum;
  @Field(() => LeaderboardPeriodEnum) @IsEnum(LeaderboardPeriodEnum) period!: LeaderboardPeriodEnum;
  @Field(() => Int, { defaultValue: 10, description: `How many top entries, 1…${MAX_LEADERBOARD_FIRST}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_LEADERBOARD_FIRST)
  first!: number;
  @Field(() => ID, { nullable: true, description: 'Required for CLASSROOM, refused otherwise.' })
  @IsOptional()
  @IsUUID()
  classroomId?: string;
}
