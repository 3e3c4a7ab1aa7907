import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@ArgsType()
export class RequestHelpArgs {
  @Field()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9-]+$/, { message: 'skillSlug must be kebab-case' })
  skillSlug!: string;
  @Field(() => String, { nullable: true, description: 'What I am stuck on (at most 500 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}
