import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum LeaderboardScopeEnum {
  GLOBAL = 'GLOBAL',
  COUNTRY = 'COUNTRY',
  CLASSROOM = 'CLASSROOM',
}
registerEnumType(LeaderboardScopeEnum, {
  name: 'LeaderboardScope',
  description:
    'GLOBAL: everyone; COUNTRY: learners of my country; CLASSROOM: one classroom I am in or coach.',
});

export enum LeaderboardPeriodEnum {
  ALL_TIME = 'ALL_TIME',
  WEEK = 'WEEK',
}
registerEnumType(LeaderboardPeriodEnum, {
  name: 'LeaderboardPeriod',
  description: 'WEEK: the current ISO week, from Monday 00:00 UTC.',
});

@ObjectType('LeaderboardEntry')
export class LeaderboardEntryModel {
  @Field(() => Int, { description: 'Equal points rank by who reached them first.' }) rank!: number;
  @Field({ description: 'Only handles are shown on boards.' }) handle!: string;
  @Field(() => Int) points!: number;
}

@ObjectType('LeaderboardMe')
export class LeaderboardMeModel {
  @Field(() => Int, { nullable: true, description: 'Null until I have points in this scope and period.' })
  rank!: number | null;
  @Field(() => Int) points!: number;
}

@ObjectType('Leaderboard')
export class LeaderboardModel {
  @Field(() => LeaderboardScopeEnum) scope!: LeaderboardScopeEnum;
  @Field(() => LeaderboardPeriodEnum) period!: LeaderboardPeriodEnum;
  @Field(() => String, { nullable: true, description: 'ISO week of a WEEK board, e.g. 2026-W48.' }) weekKey!:
    string | null;
  @Field(() => [LeaderboardEntryModel], { description: 'The top `first` learners.' })
  entries!: LeaderboardEntryModel[];
  @Field(() => LeaderboardMeModel) me!: LeaderboardMeModel;
  @Field(() => [LeaderboardEntryModel], {
    description: 'Me with up to five learners above and five below; empty when I am not ranked.',
  })
  around!: LeaderboardEntryModel[];
}
