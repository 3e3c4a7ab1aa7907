import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class OfferIdArgs {
  @Field(() => ID) @IsUUID() offerId!: string;
}
