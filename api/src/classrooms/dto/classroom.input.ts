import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

@InputType()
export class CreateClassroomInput {
  @Field() @IsString() @Length(1, 80) name!: string;
}

@InputType()
export class JoinClassroomInput {
  @Field()
  @IsString()
  @Matches(/^[A-Za-z0-9]{6}$/, { message: 'a join code has 6 letters and digits' })
  code!: string;
}

@ArgsType()
export class ClassroomArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

@ArgsType()
export class StudentActivityArgs {
  @Field(() => ID) @IsUUID() classroomId!: string;
  @Field(() => ID) @IsUUID() studentId!: string;
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  first!: number;
}
