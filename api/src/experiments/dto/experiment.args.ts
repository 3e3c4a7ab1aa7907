import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PARAMETER_KEYS } from '@peerlift/experiments';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

@ArgsType()
export class ExperimentKeyArgs {
  @Field()
  @IsString()
  @MaxLength(64)
  @Matches(KEBAB, { message: 'key must be kebab-case' })
  key!: string;
}

@ArgsType()
export class StopExperimentArgs extends ExperimentKeyArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Variation key to ship to everyone targeted once stopped; omit to return everyone to the default.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(KEBAB, { message: 'winner must be a variation key' })
  winner?: string | null;
}

@ArgsType()
export class RecordExposureArgs {
  @Field({ description: `A parameter the client showed: ${PARAMETER_KEYS.join(', ')}.` })
  @IsString()
  @IsIn(PARAMETER_KEYS, { message: 'unknown parameter' })
  parameter!: string;
}
