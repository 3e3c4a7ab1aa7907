import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum TutoringEventTypeEnum {
  /** You (a tutor) have a new exclusive offer: fetch `myOffer`. */
  OFFER = 'OFFER',
  /** Your offer expired or the learner cancelled: fetch `myOffer` and `myAvailability`. */
  OFFER_WITHDRAWN = 'OFFER_WITHDRAWN',
  /** A session started for you (tutor or learner): open `tutoringSession(sessionId)`. */
  MATCHED = 'MATCHED',
  /** A new chat message in the session: refetch `tutoringSession(sessionId)`. */
  MESSAGE = 'MESSAGE',
  /** The session was ended by either side. */
  SESSION_ENDED = 'SESSION_ENDED',
  /** Your help request expired unmatched: `myHelpRequest` now points to the lesson. */
  REQUEST_EXPIRED = 'REQUEST_EXPIRED',
}
registerEnumType(TutoringEventTypeEnum, { name: 'TutoringEventType' });

/**
 * A pushed hint to refetch: it carries ids only. State lives in Postgres and Redis, so a dropped event or
 * WebSocket loses nothing — the client refetches on reconnect.
 */
@ObjectType('TutoringEvent')
export class TutoringEventModel {
  @Field(() => TutoringEventTypeEnum) type!: TutoringEventTypeEnum;
  @Field(() => ID, { nullable: true }) requestId!: string | null;
  @Field(() => ID, { nullable: true }) offerId!: string | null;
  @Field(() => ID, { nullable: true }) sessionId!: string | null;
}
