import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@ArgsType()
export class NextExerciseArgs {
  @Field()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9-]+$/, { message: 'skillSlug must be kebab-case' })
  skillSlug!: string;
}
