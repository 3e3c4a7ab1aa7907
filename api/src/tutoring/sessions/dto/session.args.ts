import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Longest chat message (characters). */
export const MAX_MESSAGE_LENGTH = 2000;

@ArgsType()
export class SessionIdArgs {
  @Field(() => ID) @IsUUID() sessionId!: string;
}

@ArgsType()
export class SendMessageArgs {
  @Field(() => ID) @IsUUID() sessionId!: string;
  @Field({ description: `1 to ${MAX_MESSAGE_LENGTH} characters.` })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_MESSAGE_LENGTH)
  text!: string;
}

@ArgsType()
export class RateSessionArgs {
  @Field(() => ID) @IsUUID() sessionId!: string;
  @Field(() => Int, { description: '1 to 5.' }) @IsInt() @Min(1) @Max(5) stars!: number;
  @Field({ description: 'Did the session help you?' }) @IsBoolean() helpful!: boolean;
}

@ArgsType()
export class TutoringSessionArgs {
  @Field(() => ID) @IsUUID() id!: string;
}
