import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@ArgsType()
export class SlugArgs {
  @Field()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9-]+$/, { message: 'slug must be kebab-case' })
  slug!: string;
}
