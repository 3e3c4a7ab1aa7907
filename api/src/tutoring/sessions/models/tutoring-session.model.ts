import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum TutoringSessionStateEnum {
  LIVE = 'LIVE',
  ENDED = 'ENDED',
}
registerEnumType(TutoringSessionStateEnum, { name: 'TutoringSessionState' });

export enum TutoringRoleEnum {
  TUTOR = 'TUTOR',
  LEARNER = 'LEARNER',
}
registerEnumType(TutoringRoleEnum, { name: 'TutoringRole' });

/** Someone in a session, as the other person sees them: a handle only. */
@ObjectType('TutoringParticipant')
export class ParticipantModel {
  @Field() handle!: string;
}

@ObjectType('SessionMessage')
export class SessionMessageModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'As delivered: contact details are masked in sessions involving a minor.' })
  text!: string;
  @Field() masked!: boolean;
  @Field(() => ParticipantModel) author!: ParticipantModel;
  @Field() sentAt!: Date;
}

@ObjectType('SessionRating')
export class SessionRatingModel {
  @Field(() => Int) stars!: number;
  @Field() helpful!: boolean;
}

@ObjectType('TutoringSession')
export class TutoringSessionModel {
  @Field(() => ID) id!: string;
  @Field(() => TutoringSessionStateEnum) state!: TutoringSessionStateEnum;
  @Field() skillSlug!: string;
  @Field(() => TutoringRoleEnum, { description: 'My role in this session.' }) myRole!: TutoringRoleEnum;
  @Field(() => ParticipantModel) tutor!: ParticipantModel;
  @Field(() => ParticipantModel) learner!: ParticipantModel;
  @Field(() => [SessionMessageModel], { description: 'Oldest first.' }) messages!: SessionMessageModel[];
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field({ description: 'Whether it counted as a completed session (paid to the tutor).' })
  completed!: boolean;
  @Field(() => SessionRatingModel, { nullable: true, description: "The learner's rating, once given." })
  rating!: SessionRatingModel | null;
}
