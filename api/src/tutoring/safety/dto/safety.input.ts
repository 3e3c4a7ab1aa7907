import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export enum ReportReasonEnum {
  CONTACT_SHARING = 'CONTACT_SHARING',
  HARASSMENT = 'HARASSMENT',
  INAPPROPRIATE = 'INAPPROPRIATE',
  SPAM = 'SPAM',
  OTHER = 'OTHER',
}
registerEnumType(ReportReasonEnum, { name: 'ReportReason' });

/** Who: the other person in one of my sessions, or anyone by handle. Give exactly one. */
@InputType()
export class PersonRefInput {
  @Field(() => ID, { nullable: true, description: 'The other participant of this session of mine.' })
  @IsOptional()
  @IsUUID()
  sessionId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(3, 24) handle?: string | null;
}

@InputType()
export class ReportInput extends PersonRefInput {
  @Field(() => ReportReasonEnum) @IsEnum(ReportReasonEnum) reason!: ReportReasonEnum;
  @Field(() => String, { nullable: true, description: 'What happened (at most 1000 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  details?: string | null;
}

@InputType()
export class BlockInput extends PersonRefInput {}
