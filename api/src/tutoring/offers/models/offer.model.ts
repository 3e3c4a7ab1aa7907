import { Field, ID, ObjectType } from '@nestjs/graphql';

/** An exclusive offer to me (a tutor) to help with a request; it lapses at `expiresAt`. */
@ObjectType('TutoringOffer')
export class OfferModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) requestId!: string;
  @Field() skillSlug!: string;
  @Field({ description: 'What the learner is stuck on (contact details masked).' }) note!: string;
  @Field() expiresAt!: Date;
}
