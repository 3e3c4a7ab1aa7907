import { Field, Float, ID, InputType, registerEnumType } from '@nestjs/graphql';
import {
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

@InputType()
export class SubmitAnswerInput {
  @Field(() => ID) @IsUUID() exerciseId!: string;
  /** 1 KB is far more than any answer a person types; longer input is refused before any work. */
  @Field() @IsString() @MaxLength(1024) answer!: string;
  @Field({ description: 'A fresh random key per submission (e.g. a UUID); a retry sends the same key.' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'idempotencyKey must be 8-64 letters, digits, _ or -' })
  idempotencyKey!: string;
}

export enum ActivityKindEnum {
  LESSON_VIEWED = 'LESSON_VIEWED',
  VIDEO_PLAY = 'VIDEO_PLAY',
  VIDEO_PAUSE = 'VIDEO_PAUSE',
  VIDEO_SEEK = 'VIDEO_SEEK',
}
registerEnumType(ActivityKindEnum, { name: 'ActivityKind' });

@InputType()
export class RecordActivityInput {
  @Field(() => ActivityKindEnum) @IsEnum(ActivityKindEnum) kind!: ActivityKindEnum;
  @Field() @IsString() @MaxLength(64) @Matches(/^[a-z0-9-]+$/) skillSlug!: string;
  @Field(() => Float, { nullable: true, description: 'Video position in seconds, for video events.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(86400)
  positionSeconds?: number;
}
