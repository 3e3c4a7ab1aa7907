import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BADGE_TIERS, type BadgeTier } from '@peerlift/domain';

export const BadgeTierEnum = Object.fromEntries(BADGE_TIERS.map((t) => [t, t])) as { [K in BadgeTier]: K };
registerEnumType(BadgeTierEnum, {
  name: 'BadgeTier',
  description: 'Rarity, most common first: METEORITE … BLACK_HOLE.',
});

/** A badge as `submitAnswer` reports it when it is earned. */
@ObjectType('BadgeRef')
export class BadgeRefModel {
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => BadgeTierEnum) tier!: BadgeTier;
}

@ObjectType('EarnedBadge')
export class EarnedBadgeModel {
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => BadgeTierEnum) tier!: BadgeTier;
  @Field(() => Date) awardedAt!: Date;
  @Field({ description: 'The hosted Open Badges 2.0 assertion: take it to any backpack or verifier.' })
  assertionUrl!: string;
}

@ObjectType('BadgeProgress')
export class BadgeProgressModel {
  @Field() slug!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => BadgeTierEnum) tier!: BadgeTier;
  @Field(() => Int) current!: number;
  @Field(() => Int) target!: number;
}

@ObjectType('MyBadges')
export class MyBadgesModel {
  @Field(() => [EarnedBadgeModel], { description: 'Newest first.' }) earned!: EarnedBadgeModel[];
  @Field(() => [BadgeProgressModel], { description: 'Every badge not yet earned, in catalogue order.' })
  progress!: BadgeProgressModel[];
  @Field({
    description:
      'The identity my assertions are issued to (hashed with each salt): a verifier checks sha256(identity + salt).',
  })
  recipientIdentity!: string;
}
