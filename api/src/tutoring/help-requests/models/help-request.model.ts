import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LessonModel } from '../../../curriculum/models/skill.model';

export enum HelpRequestStateEnum {
  WAITING = 'WAITING',
  OFFERED = 'OFFERED',
  MATCHED = 'MATCHED',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(HelpRequestStateEnum, {
  name: 'HelpRequestState',
  description:
    'OFFERED: a tutor is deciding (you keep your place in line); MATCHED: in a session; CLOSED: the session ended.',
});

@ObjectType('TutoringSessionRef')
export class TutoringSessionRefModel {
  @Field(() => ID) id!: string;
}

@ObjectType('HelpRequest')
export class HelpRequestModel {
  @Field(() => ID) id!: string;
  @Field() skillSlug!: string;
  @Field() note!: string;
  @Field(() => HelpRequestStateEnum) state!: HelpRequestStateEnum;
  @Field() createdAt!: Date;
  @Field({ description: 'An unmatched request expires at this time.' }) expiresAt!: Date;
  @Field(() => Int, {
    nullable: true,
    description: 'My place in line for this skill (1 = next), while waiting.',
  })
  position!: number | null;
  @Field(() => Int, { description: 'Tutors available for this skill right now.' }) tutorsOnline!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Expected wait while waiting; null when no tutor is online.',
  })
  estimatedWaitSeconds!: number | null;
  @Field(() => TutoringSessionRefModel, { nullable: true }) session!: TutoringSessionRefModel | null;
  @Field(() => LessonModel, {
    nullable: true,
    description: "The skill's lesson, once the request has expired unmatched.",
  })
  lesson!: LessonModel | null;
}
