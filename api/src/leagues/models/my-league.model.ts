import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LEAGUE_TIERS } from '@peerlift/domain';

export const LeagueTierEnum = Object.fromEntries(LEAGUE_TIERS.map((t) => [t, t])) as {
  [K in (typeof LEAGUE_TIERS)[number]]: K;
};
registerEnumType(LeagueTierEnum, {
  name: 'LeagueTier',
  description: 'Weekly league tiers, BRONZE (entry) up to DIAMOND.',
});

@ObjectType('LeagueStanding')
export class LeagueStandingModel {
  @Field(() => Int) rank!: number;
  @Field() handle!: string;
  @Field(() => Int, { description: 'Points earned this ISO week.' }) points!: number;
  @Field({ description: 'True on the signed-in learner’s own row.' }) me!: boolean;
}

@ObjectType('MyLeague')
export class MyLeagueModel {
  @Field(() => LeagueTierEnum) tier!: keyof typeof LeagueTierEnum;
  @Field({ description: 'ISO week of this league, e.g. 2026-W48.' }) weekKey!: string;
  @Field({ description: 'False until my first points this week seat me in a cohort.' }) joined!: boolean;
  @Field(() => Date, { description: 'Roll-over: next Monday 00:00 UTC.' }) endsAt!: Date;
  @Field(() => Int, {
    nullable: true,
    description: 'Ranks 1…promotionRank move up a tier (null: nobody does).',
  })
  promotionRank!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Ranks demotionRank…last move down a tier (null: nobody does).',
  })
  demotionRank!: number | null;
  @Field(() => [LeagueStandingModel]) standings!: LeagueStandingModel[];
}
