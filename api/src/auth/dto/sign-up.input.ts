import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SignUpRole } from '../models/user.model';

@InputType()
export class SignUpInput {
  @Field() @IsString() @Length(3, 24) handle!: string;
  @Field() @IsString() @Length(1, 128) password!: string;
  @Field(() => Int) @IsInt() @Min(1900) @Max(2100) birthYear!: number;
  @Field({ description: 'ISO 3166-1 alpha-2, e.g. "NZ"' })
  @IsString()
  @Matches(/^[A-Za-z]{2}$/)
  country!: string;
  @Field(() => [String], { description: 'ISO 639-1 codes, e.g. ["en", "es"]' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @Matches(/^[A-Za-z]{2}$/, { each: true })
  languages!: string[];
  @Field({ description: 'IANA time zone, e.g. "Pacific/Auckland"' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;
  @Field(() => SignUpRole, { nullable: true }) @IsOptional() @IsEnum(SignUpRole) role?: SignUpRole;
}

@InputType()
export class LogInInput {
  @Field() @IsString() @Length(1, 24) handle!: string;
  @Field() @IsString() @Length(1, 128) password!: string;
}
